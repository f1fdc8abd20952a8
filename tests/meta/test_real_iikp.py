"""Runs as on the real iIKP (instrukcja CeZ pkt 1): only the screens, the same test accounts run after run.

The simulator runs without its admin API (`--no-admin`: every /__sim__/ path is 404), on one database kept
between its processes, and behave runs with `target=iikp` and an accounts file of the personas, so the
suite has nothing but the screens, as on the real iIKP. On that one database, in a row:

1. an earlier run's leftover is planted (an active authorisation, as an interrupted run may leave);
2. a run of the consents feature is interrupted with SIGTERM in the middle of a consent scenario;
3. the whole suite runs, and passes;
4. the whole suite runs again on the same accounts, and passes again.
Then a simulator with its admin API, on the same database, shows the accounts as they were at the start
(the leftover withdrawn by the suite's clean start): contact data, active authorisations, open orders,
declarations, and no session left open.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from harness.simulator import AdminClient, SimulatorProcess
from tests.meta.conftest import BEHAVE, PROJECT_ROOT, allure_results, isolated_ini

pytestmark = pytest.mark.meta

LEFTOVER = {"kind": "records_access", "person_name": "Ewa Nowak", "person_pesel": "15232045626", "status": "active"}
JAN = "80011512354"  # Jan Nowak, the simulator's built-in persona (synthetic PESEL)
RUN_TIMEOUT_S = 900
# The consent step after which the interrupted run is stopped: the grant is saved, its checks not yet made.
GRANT_DONE = "Gdy Jan Nowak nadaje uprawnienie"


def accounts_state(sim: AdminClient) -> dict:
    """What a run may change on each persona's account, as comparable values."""
    state = {}
    for patient in sim.patients():
        found = sim.patient(patient["pesel"])
        state[patient["pesel"]] = {
            "contact": found["contact"],
            "active_consents": sorted((c["kind"], c["person_pesel"] or "", c["scope"]) for c in found["consents"]
                                      if c["status"] == "active"),
            "open_orders": sorted(tuple(sorted(m["medicine"] for m in o["medicines"])) for o in found["orders"]
                                  if o["status"] in ("placed", "in_progress")),
            "declarations": sorted((d["role"], d["staff_name"], d["status"]) for d in found["declarations"]),
            "session_active": found["session_active"],
        }
    return state


def last_attempts(results: list[dict]) -> list[dict]:
    """Each scenario's last attempt: one retried after an error screen (instrukcja CeZ pkt 3) counts by its last."""
    last: dict[str, dict] = {}
    for result in sorted(results, key=lambda r: r.get("stop", 0)):
        last[result.get("historyId") or result["name"]] = result
    return list(last.values())


def with_admin(database: Path):
    """A simulator with its admin API on the kept database, for arranging and reading (not for the runs)."""
    return SimulatorProcess(db_path=str(database)).start()


def write_accounts(path: Path, sim: AdminClient) -> None:
    lines = []
    for patient in sim.patients():
        lines += [f"[{patient['first_name']} {patient['last_name']}]", f"pesel = {patient['pesel']}", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


def run_as_on_real_iikp(tmp_path: Path, name: str, database: Path, accounts: Path, *selection: str,
                        stop_after: str | None = None) -> tuple[int, str, list[dict]]:
    """behave with target=iikp against an admin-less simulator on `database`; (exit code, output, results).

    `stop_after`: send SIGTERM once a step starting with this text has passed (the run is interrupted there).
    """
    sim = SimulatorProcess(db_path=str(database), admin=False).start()
    results = tmp_path / name / "allure-results"
    cwd = isolated_ini(tmp_path / name / "run", results)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env["IIKP_LEASE_DIR"] = str(tmp_path / "leases")
    command = [*BEHAVE, "-f", "plain", "-D", "target=iikp", "-D", f"base_url={sim.ikp_url}", "-D",
               f"pz_url={sim.pz_url}", "-D", f"accounts={accounts}",
               *[str(PROJECT_ROOT / s) if s.endswith(".feature") else s for s in selection]]
    try:
        behave = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True, encoding="utf-8", start_new_session=True)
        output = []
        deadline = time.monotonic() + RUN_TIMEOUT_S
        for line in behave.stdout:
            output.append(line)
            if stop_after and line.strip().startswith(stop_after) and " passed" in line:
                behave.send_signal(signal.SIGTERM)
                stop_after = None
            assert time.monotonic() < deadline, "".join(output[-40:])
        code = behave.wait(timeout=60)
    finally:
        sim.stop()
    return code, "".join(output), allure_results(results)


def test_two_runs_in_a_row_on_the_same_accounts_leave_them_as_found(tmp_path):
    database = tmp_path / "iikp.sqlite3"
    accounts = tmp_path / "accounts.ini"
    sim = with_admin(database)
    try:
        admin = AdminClient(sim.ikp_url, sim.token)
        write_accounts(accounts, admin)
        admin.add_consent(JAN, **LEFTOVER)  # what an interrupted earlier run may leave behind
        start = accounts_state(admin)
    finally:
        sim.stop()

    code, output, _ = run_as_on_real_iikp(tmp_path, "interrupted", database, accounts, "features/zgody.feature",
                                          stop_after=GRANT_DONE)
    assert code == 128 + signal.SIGTERM, output[-3000:]
    sim = with_admin(database)
    try:  # the interrupted scenario still put back its consent and logged out (instrukcja CeZ pkt 2.3)
        interrupted = accounts_state(AdminClient(sim.ikp_url, sim.token))
    finally:
        sim.stop()
    leftover = (LEFTOVER["kind"], LEFTOVER["person_pesel"], "Pełny zakres")
    assert not any(state["session_active"] for state in interrupted.values()), output[-3000:]
    # the leftover went at the clean start of the interrupted scenario, which then withdrew its own grant
    assert interrupted[JAN]["active_consents"] == [c for c in start[JAN]["active_consents"] if c != leftover]

    for name in ("first", "second"):
        code, output, results = run_as_on_real_iikp(tmp_path, name, database, accounts)
        statuses = [r["status"] for r in last_attempts(results)]
        troubles = [(r["name"], r["status"], r.get("statusDetails", {}).get("message", "")[:500]) for r in results
                    if r["status"] not in ("passed", "skipped")]
        hook_errors = [line for line in output.splitlines() if "HOOK-ERROR" in line or "Error" in line][:20]
        assert code == 0, f"{name}: {troubles} {hook_errors} {output[-3000:]}"
        assert "failed" not in statuses and "broken" not in statuses, name
        assert statuses.count("passed") >= 35, (name, statuses.count("passed"))
        assert "wymagają symulatora (@symulator)" in output and "pominiętych" in output, output[-1500:]

    sim = with_admin(database)
    try:
        end = accounts_state(AdminClient(sim.ikp_url, sim.token))
    finally:
        sim.stop()
    assert leftover in start[JAN]["active_consents"]
    start[JAN]["active_consents"].remove(leftover)  # withdrawn through the screens by the suite's clean start
    assert end == start, json.dumps({"start": start, "end": end}, ensure_ascii=False, indent=1)

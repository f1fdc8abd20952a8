"""Meta-test of parallel runs: 2 workers give the same results as a serial run, and no account is shared."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict

from harness.simulator import TOKEN_ENV
from tests.meta.conftest import PROJECT_ROOT, allure_results, isolated_ini, run_suite

SUBSET = "@logowanie"
# Error screens after which iIKP has ended the session itself (simulator/ikp/common.py: end_session=True).
SESSION_ENDING_FAULTS = ("node_down", "stale_view")


def outcomes(results) -> set[tuple[str, str]]:
    return {(r["name"], r["status"]) for r in allure_results(results)}


def test_two_workers_match_a_serial_run_and_never_share_an_account(tmp_path, simulator, sim_admin):
    serial, serial_results = run_suite(tmp_path / "serial", simulator, f"--tags={SUBSET}")
    assert serial.returncode == 0, serial.stdout[-3000:] + serial.stderr[-3000:]
    builtins = {p["pesel"] for p in sim_admin.patients()}

    results = tmp_path / "parallel" / "allure-results"
    cwd = isolated_ini(tmp_path / "parallel" / "run", results)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env.update({TOKEN_ENV: simulator.token, "IIKP_LEASE_DIR": str(tmp_path / "leases")})
    parallel = subprocess.run(
        [sys.executable, "-m", "tools.parallel", "--workers", "2", "--outputs", str(tmp_path / "bhx"),
         "-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", f"--tags={SUBSET}",
         str(PROJECT_ROOT / "features")],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900)
    assert parallel.returncode == 0, parallel.stdout[-3000:] + parallel.stderr[-3000:]

    assert outcomes(results) == outcomes(serial_results)
    assert len(outcomes(results)) >= 10

    sessions = defaultdict(list)
    for event in sim_admin.events():
        if event["kind"] in ("login", "logout"):
            sessions[event["pesel"]].append(event["kind"])
        elif event["kind"] == "error_screen" and event["detail"].get("reason") in SESSION_ENDING_FAULTS:
            sessions[event["pesel"]].append("logout")  # iIKP ended the session itself (the ISUS journey)
    assert sessions and not set(sessions) & builtins, "workers must log in only with their own persona copies"
    for kinds in sessions.values():
        assert kinds == ["login", "logout"] * (len(kinds) // 2), f"overlapping sessions on one account: {kinds}"

"""Issue 25's proofs on a simulator that stands for another iIKP: other words, other names, other flows.

- The suite handles each flow variant (--variant): the confirmation as a dialog passes; an end date required
  and „Zamów ponownie” only for fulfilled orders fail at once with a Polish message, never a timeout.
- `make zwiad` changes nothing (the admin API's events), finds every text on the simulator as it is, and on
  the reworded simulator (tests/data/przeformulowane.toml) lists the reworded texts: recall and precision
  of its draft at least 90%.
- (tests/meta/test_overlay_proofs.py: the overlay's own proofs on the reworded simulator.)
- In real-iIKP mode, a run on data renamed on the simulator and mapped in `[nazwy]` passes like the unrenamed run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from harness.simulator import TOKEN_ENV, AdminClient, SimulatorProcess
from tests.meta.conftest import PROJECT_ROOT, allure_results, run_suite

pytestmark = pytest.mark.meta

REWORDED = PROJECT_ROOT / "tests" / "data" / "przeformulowane.toml"
RENAMED = PROJECT_ROOT / "tests" / "data" / "nazwy.ini"
TEXTS = tomllib.loads(REWORDED.read_text(encoding="utf-8"))["teksty"]
JAN = "80011512354"  # Jan Nowak, the simulator's built-in persona (synthetic PESEL)
# Events that change an account; a read-only walk may only log in and out.
READ_ONLY_EVENTS = {"login", "logout"}
FLOW_DIFFERS = "Inny przebieg na tym iIKP"
FAST_S = 8.0  # a failure "at once": well within the 10 s wait a missing control would take


def last_attempts(results: list[dict]) -> list[dict]:
    last: dict[str, dict] = {}
    for result in sorted(results, key=lambda r: r.get("stop", 0)):
        last[result.get("historyId") or result["name"]] = result
    return list(last.values())


def message(result: dict) -> str:
    return (result.get("statusDetails") or {}).get("message", "")


def failed_step(result: dict) -> dict | None:
    return next((step for step in result.get("steps", []) if step["status"] in ("failed", "broken")), None)


# -- point 7: the flow variants ------------------------------------------------------------------------------
def test_flow_variants_pass_or_fail_at_once_saying_how_this_iikp_differs(tmp_path):
    variants = "sim_variants=confirm-dialog,end-date-required,repeat-fulfilled-only"
    run, results = run_suite(tmp_path, None, "-D", variants, "-D", "retries=0", "-f", "plain",
                             "features/e_recepta.feature", "features/zgody.feature:24", "features/zgody.feature:45")
    output = run.stdout + run.stderr
    outcomes = {r["name"]: r for r in last_attempts(allure_results(results))}
    assert len(outcomes) >= 10, output[-3000:]
    differs = {name for name, r in outcomes.items() if r["status"] != "passed"}
    repeats = {name for name in outcomes if "ponawia" in name or "ponownie" in name}
    open_ended = {name for name in outcomes if "staje się aktywne" in name or "Wycofane upoważnienie" in name}
    assert repeats and open_ended
    assert differs == repeats | open_ended, (sorted(differs), output[-3000:])
    for name in differs:
        result = outcomes[name]
        assert result["status"] == "failed" and FLOW_DIFFERS in message(result), (name, message(result))
        expected = "Zamów ponownie" if name in repeats else "wymaga daty zakończenia"
        assert expected in message(result), (name, message(result))
        step = failed_step(result)
        assert (step["stop"] - step["start"]) / 1000 < FAST_S, (name, step["name"])
    # every order placed on this iIKP went through its confirmation dialog
    assert sum("zamawia receptę" in step["name"] for r in outcomes.values() if r["status"] == "passed"
               for step in r["steps"]) >= 3


# -- point 6: make zwiad ---------------------------------------------------------------------------------------
def arranged(sim: SimulatorProcess) -> AdminClient:
    """Jan with what the screens can show: an active and a withdrawn consent, an order in every status."""
    admin = AdminClient(sim.ikp_url, sim.token)
    admin.add_consent(JAN, kind="records_access", person_name="Ewa Nowak", person_pesel="15232045626")
    admin.add_consent(JAN, kind="health_info", person_name="Ewa Nowak", person_pesel="15232045626",
                      status="withdrawn")
    rx = [p["id"] for p in admin.patient(JAN)["prescriptions"] if p["continuation"]]
    for status in ("placed", "in_progress", "fulfilled", "cancelled"):
        admin.add_order(JAN, prescription_ids=rx[:1], status=status)
    rejected = admin.add_order(JAN, prescription_ids=rx[1:2])
    admin.order_action(rejected["id"], "reject", "Proszę o wizytę w przychodni")
    return admin


def accounts(admin: AdminClient) -> dict:
    """What a walk must not change: every persona's account (but whether a session is open right now)."""
    snapshot = {}
    for patient in admin.patients():
        found = admin.patient(patient["pesel"])
        found.pop("session_active")
        snapshot[patient["pesel"]] = found
    return snapshot


def zwiad(tmp_path: Path, sim: SimulatorProcess, *options: str) -> tuple[subprocess.CompletedProcess, dict, dict]:
    """`make zwiad` against this simulator, with more `-D` options; (process, zwiad.json, the draft as parsed)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env[TOKEN_ENV] = sim.token
    folder = tmp_path / "zwiad"
    run = subprocess.run([sys.executable, "-m", "tools.zwiad", "-D", f"base_url={sim.ikp_url}",
                          "-D", f"pz_url={sim.pz_url}", *options, "--katalog", str(folder)], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=900)
    assert (folder / "raport.md").is_file(), run.stdout + run.stderr
    draft = (folder / "teksty.toml").read_text(encoding="utf-8")
    parsed = tomllib.loads(draft)["teksty"]  # the draft is TOML in the overlay's format
    report = json.loads((folder / "zwiad.json").read_text(encoding="utf-8"))
    shots = list((folder / "zrzuty").glob("*.png"))
    reached = [screen for screen in report["screens"] if screen["reached"]]
    assert len(shots) == len(reached), (len(shots), len(reached))  # one screenshot per screen it looked at
    return run, report, parsed


def walked_read_only(admin: AdminClient, before: dict, since: int) -> None:
    events = admin.events(since=since)
    assert {e["kind"] for e in events} <= READ_ONLY_EVENTS, [e["kind"] for e in events]
    assert sum(e["kind"] == "login" for e in events) == sum(e["kind"] == "logout" for e in events) >= 3
    assert accounts(admin) == before


def zwiad_read_only(tmp_path, sim, *options):
    """make zwiad on this simulator (arranged first); fails unless the walk changed nothing. (run, report, draft)"""
    sim.start()
    try:
        admin = arranged(sim)
        before, since = accounts(admin), admin.events()[-1]["id"]
        found = zwiad(tmp_path, sim, *options)
        walked_read_only(admin, before, since)
    finally:
        sim.stop()
    return found


def test_zwiad_finds_every_text_of_the_simulator_and_changes_nothing(tmp_path):
    run, report, draft = zwiad_read_only(tmp_path, SimulatorProcess())
    assert run.returncode == 0, run.stdout + run.stderr
    assert draft == {} and report["listed"] == []
    visited = {screen["screen"] for screen in report["screens"]}
    assert visited >= {"strona_glowna", "moje_konto", "edycja_danych", "uprawnienia", "kreator_1", "kreator_2",
                       "kreator_3", "moje_recepty", "potwierdzenie", "zamowione_recepty", "wyszukiwanie_placowki",
                       "wybor_osoby", "podsumowanie_deklaracji", "deklaracje", "regulamin"}, visited
    assert not [s for s in report["screens"] if s["note"]], [s["note"] for s in report["screens"] if s["note"]]


def test_zwiad_drafts_the_reworded_texts_of_the_screens_it_visits(tmp_path):
    # each text the reworded screens lack is waited for `timeout`: 3 s, not 10, is plenty for the simulator
    run, report, draft = zwiad_read_only(tmp_path, SimulatorProcess(reword=str(REWORDED)), "-D", "timeout=3")
    assert run.returncode == 1, run.stdout + run.stderr
    shown = " | ".join(screen["text"] for screen in report["screens"])
    on_visited_screens = {key for key, value in TEXTS.items()
                          if re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", shown)}
    listed = set(draft)
    recall = len(listed & on_visited_screens) / len(on_visited_screens)
    precision = len(listed & set(TEXTS)) / len(listed)
    print(f"\nzwiad na przeformułowanym symulatorze: {len(on_visited_screens)} przeformułowanych tekstów na "
          f"odwiedzonych ekranach, w szkicu {len(listed)}; pełność {recall:.0%}, trafność {precision:.0%}; "
          f"odgadnięte wartości: {sum(1 for k, v in draft.items() if v == TEXTS.get(k))} trafnie, "
          f"{sum(1 for k, v in draft.items() if v and v != TEXTS.get(k))} inaczej", file=sys.__stderr__)
    assert len(on_visited_screens) >= 15, sorted(set(TEXTS) - on_visited_screens)
    assert recall >= 0.9, sorted(on_visited_screens - listed)
    assert precision >= 0.9, sorted(listed - set(TEXTS))
    wrong = {k: v for k, v in draft.items() if v and v != TEXTS.get(k)}
    assert not wrong, wrong  # a guess is either right or left empty for the QA


# -- Done when: [nazwy] in real-iIKP mode ---------------------------------------------------------------------
NAMED_FEATURES = ("features/e_recepta.feature", "features/deklaracja_poz.feature",
                  "features/sciezki_pacjenta.feature")


def real_iikp_run(tmp_path: Path, name: str, rename: str, accounts_text: str) -> dict[str, str]:
    """The selected features with target=iikp against an admin-less simulator; {scenario: status}."""
    database = tmp_path / f"{name}.sqlite3"
    sim = SimulatorProcess(db_path=str(database), admin=False, rename=rename).start()
    accounts_file = tmp_path / f"{name}.ini"
    accounts_file.write_text(accounts_text, encoding="utf-8")
    try:
        run, results = run_suite(tmp_path / name, None, "-D", "target=iikp", "-D", f"base_url={sim.ikp_url}",
                                 "-D", f"pz_url={sim.pz_url}", "-D", f"accounts={accounts_file}",
                                 "-D", "lease_timeout=60", "-f", "plain", *NAMED_FEATURES, timeout=1200)
    finally:
        sim.stop()
    outcomes = {r["name"]: r["status"] for r in last_attempts(allure_results(results))}
    troubles = [(r["name"], message(r)[:300]) for r in last_attempts(allure_results(results))
                if r["status"] not in ("passed", "skipped")]
    assert run.returncode == 0, (name, troubles, (run.stdout + run.stderr)[-2000:])
    return outcomes


def test_renamed_data_mapped_in_nazwy_passes_like_the_unrenamed_run(tmp_path):
    personas = "".join(f"[{name}]\npesel = {pesel}\n\n" for name, pesel in (
        ("Jan Nowak", "80011512354"), ("Anna Kowalska", "02270803624"), ("Stanisław Wójcik", "44051401458"),
        ("Maria Zielińska", "00222999906")))
    plain = real_iikp_run(tmp_path, "zwykle", "", personas)
    renamed = real_iikp_run(tmp_path, "przemianowane", str(RENAMED),
                            personas + RENAMED.read_text(encoding="utf-8"))
    assert renamed == plain
    assert list(plain.values()).count("passed") >= 10


@pytest.mark.parametrize("args, code, says", [
    (["-D", "nieznany=1"], 2, "nieznany klucz"),
    (["--tags", "@smoke"], 2, "make zwiad przyjmuje tylko -D"),
    (["-D", "target=iikp", "-D", "base_url=http://127.0.0.1:9", "-D", "pz_url=http://127.0.0.1:9",
      "-D", "preflight_timeout=1"], 3, ""),
])
def test_zwiad_exit_codes_as_for_a_run(tmp_path, args, code, says):
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    run = subprocess.run([sys.executable, "-m", "tools.zwiad", *args, "--katalog", str(tmp_path)], cwd=PROJECT_ROOT,
                         env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == code, run.stdout + run.stderr
    assert says in run.stderr and "Traceback" not in run.stderr, run.stderr
    assert not (tmp_path / "teksty.toml").exists()  # nothing drafted from a walk that did not happen

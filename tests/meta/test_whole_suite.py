"""The whole suite, once, in a random markup of the simulator's screens, and what its simulator recorded.

One run of every scenario against a simulator of the test's own that serves its screens in another
markup (ids and classes renamed, no data-*, wrappers, other but equivalent elements; the seed is
printed), as the real iIKP's unknown markup would be. Then the simulator's events must show, for the
whole run:
- the login door (instrukcja CeZ pkt 2): every login ends with „Wyloguj się” or with iIKP ending the
  session itself on an error screen; no error screen but the ones scenarios ask for;
- consents: exactly the ones the scenarios meant to grant and withdraw, none of the refused ones;
- prescription orders: exactly the ones meant to be placed, cancelled, started, fulfilled, rejected;
- POZ declarations: the 80 zł fee rule held on every submission and at its edges.

`make test` sets WHOLE_SUITE_RESULTS and WHOLE_SUITE_JUNIT so that this run's Allure results and JUnit
become the project's report (reports/allure-results, reports/junit).
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest

from harness.simulator import AdminClient, SimulatorProcess
from tests.meta.conftest import allure_results, behave, isolated_ini

pytestmark = pytest.mark.meta

RUN_TIMEOUT_S = 1800
JAN, ANNA, STANISLAW, MARIA = "Jan Nowak", "Anna Kowalska", "Stanisław Wójcik", "Maria Zielińska"
OUTSIDER = "15232045626"  # „osoba spoza listy pacjentów testowych” (harness/gherkin_types.py)
REFUSED_PESEL = "87061302072"  # „osoby z błędnym numerem PESEL”
SESSION_ENDING = ("node_down", "stale_view", "session_conflict")  # error screens after which iIKP ended the session


@pytest.fixture(scope="module")
def whole_run(tmp_path_factory, request):
    """(behave's process, Allure results, the simulator's events, PESEL -> persona name)."""
    folder = tmp_path_factory.mktemp("whole-suite")
    seed = int(os.environ.get("WHOLE_SUITE_MARKUP_SEED") or random.randrange(1, 10_000))
    with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\nCały zestaw w losowym kodzie HTML ekranów: ziarno {seed} "
              f"(WHOLE_SUITE_MARKUP_SEED={seed} powtórzy ten kod HTML)", flush=True)
    simulator = SimulatorProcess(markup="random", markup_seed=seed).start()
    try:
        results = Path(os.environ.get("WHOLE_SUITE_RESULTS") or folder / "allure-results").resolve()
        junit = Path(os.environ["WHOLE_SUITE_JUNIT"]).resolve() if os.environ.get("WHOLE_SUITE_JUNIT") else None
        cwd = isolated_ini(folder / "run", results, junit)
        run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", "-D", "retries=0",
                     cwd=cwd, env={"IIKP_SIM_TOKEN": simulator.token}, timeout=RUN_TIMEOUT_S)
        admin = AdminClient(simulator.ikp_url, simulator.token)
        names = {p["pesel"]: f"{p['first_name']} {p['last_name']}" for p in admin.patients()}
        yield run, allure_results(results), admin.events(), names
    finally:
        simulator.stop()


def _of(events, kind):
    return [event for event in events if event["kind"] == kind]


def test_every_scenario_passes_in_a_random_markup(whole_run):
    run, results, _, _ = whole_run
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    statuses = Counter(result["status"] for result in results)
    assert statuses == Counter(passed=statuses["passed"]) and statuses["passed"] >= 74, statuses


# -- the login door -------------------------------------------------------------------------------------
def unmatched_logins(events: list[dict]) -> list[dict]:
    """Login events not followed, before the same PESEL's next login or the end, by a logout or by an
    error screen with which iIKP ended the session itself."""
    open_logins: dict[str, dict] = {}
    unmatched = []
    for event in sorted(events, key=lambda e: e["id"]):
        ended = event["kind"] == "logout" or (event["kind"] == "error_screen"
                                             and event["detail"].get("reason") in SESSION_ENDING)
        if event["kind"] == "login":
            if event["pesel"] in open_logins:
                unmatched.append(open_logins[event["pesel"]])
            open_logins[event["pesel"]] = event
        elif ended:
            open_logins.pop(event["pesel"], None)
    return unmatched + list(open_logins.values())


def test_unmatched_logins_pairs_each_login_with_a_later_logout():
    events = [{"id": 1, "kind": "login", "pesel": "a"}, {"id": 2, "kind": "logout", "pesel": "a"},
              {"id": 3, "kind": "login", "pesel": "a"}, {"id": 4, "kind": "login", "pesel": "b"},
              {"id": 5, "kind": "login", "pesel": "a"}, {"id": 6, "kind": "logout", "pesel": "b"},
              {"id": 7, "kind": "error_screen", "pesel": "a", "detail": {"reason": "node_down"}}]
    assert [e["id"] for e in unmatched_logins(events)] == [3]


def test_every_login_ends_with_a_logout_and_error_screens_are_only_the_asked_for(whole_run):
    _, _, events, names = whole_run
    assert len(_of(events, "login")) >= 60
    assert unmatched_logins(events) == []
    screens = Counter((names.get(e["pesel"], e["pesel"]), e["detail"]["screen"], e["detail"]["reason"])
                      for e in _of(events, "error_screen"))
    assert screens == Counter({
        (OUTSIDER, "pz", "unknown_patient"): 1,  # logowanie: a valid PESEL of no test patient
        (JAN, "pz", "pz_error"): 1,  # the PZ fails once
        (JAN, "ikp", "ikp_down"): 1,  # iIKP down at the next login
        (JAN, "ikp", "session_conflict"): 1,  # the login after leaving without „Wyloguj się”
        (JAN, "ikp", "node_down"): 2,  # the ISUS node down: the scenario and the journey
        (JAN, "ikp", "stale_view"): 1,  # work in two tabs on one account
    }), screens


# -- consents -----------------------------------------------------------------------------------------------
def test_consents_are_exactly_the_intended_ones(whole_run):
    _, _, events, names = whole_run
    granted, withdrawn = _of(events, "consent_granted"), _of(events, "consent_withdrawn")
    assert {names[e["pesel"]] for e in granted + withdrawn} == {JAN}
    assert Counter(e["detail"]["consent_kind"] for e in granted) == Counter({
        # outline row; arranged for the duplicate refusal; the journey over a re-login; the first of two, withdrawn
        "records_access": 1 + 1 + 1 + 1,
        # outline row; the date range; granted, then withdrawn; arranged, then withdrawn; the second of two (kept);
        # arranged yesterday, then withdrawn by name
        "health_info": 1 + 1 + 1 + 1 + 1 + 1,
        "treatment_consent": 1,  # outline row
        "treatment_refusal": 1,  # outline row
    })
    kind_of = {e["detail"]["consent_id"]: e["detail"]["consent_kind"] for e in granted}
    assert Counter(kind_of[w["detail"]["consent_id"]] for w in withdrawn) == Counter({
        "health_info": 1 + 1 + 1,  # granted, then withdrawn; arranged, then withdrawn; arranged yesterday, by name
        "records_access": 1,  # the first of two for one person, by name
    })
    assert REFUSED_PESEL not in json.dumps(granted + withdrawn)


# -- prescription orders ---------------------------------------------------------------------------------------
METFORMINA, BISOPROLOL, ATORWASTATYNA = ("Metformina 500 mg",), ("Bisoprolol 5 mg",), ("Atorwastatyna 20 mg",)
BOTH = ("Atorwastatyna 20 mg", "Bisoprolol 5 mg")
PLACED = Counter({
    # outline row 1; started by the doctor; the journey that cancels it; arranged and rejected; arranged 3 days ago
    # and cancelled by name; arranged yesterday, cancelled by name and ordered again by name (2)
    (JAN, METFORMINA): 4 + 1 + 2,
    (JAN, BOTH): 3,  # outline row 2; the journey: rejected, then ordered again
    # cancelled; rejected by the doctor; the ISUS journey; the newer of two orders; arranged beside the repeated one
    (JAN, BISOPROLOL): 3 + 1 + 1,
    (JAN, ATORWASTATYNA): 3,  # cancelled, then ordered again; fulfilled by the doctor
    (ANNA, METFORMINA): 1,  # the first-login journey
    (STANISLAW, METFORMINA): 1,  # after his declaration was accepted
})  # Maria Zielińska's and the other refused attempts place nothing
ACTED = {
    # Metformina: the journey; the older of two, by name; the one then ordered again by name
    "order_cancelled": Counter({(JAN, BISOPROLOL): 1, (JAN, ATORWASTATYNA): 1, (JAN, METFORMINA): 1 + 1 + 1}),
    "order_in_progress": Counter({(JAN, METFORMINA): 1}),
    "order_fulfilled": Counter({(JAN, ATORWASTATYNA): 1, (JAN, BOTH): 1}),
    "order_rejected": Counter({(JAN, BISOPROLOL): 1, (JAN, METFORMINA): 1, (JAN, BOTH): 1}),
}


def test_orders_are_exactly_the_intended_ones(whole_run):
    _, _, events, names = whole_run
    placed = _of(events, "order_placed")
    order_of = {e["detail"]["order_id"]: (names[e["pesel"]], tuple(sorted(e["detail"]["medicines"]))) for e in placed}
    assert len(order_of) == len(placed)
    assert Counter(order_of.values()) == PLACED
    for kind, expected in ACTED.items():
        assert Counter(order_of[e["detail"]["order_id"]] for e in _of(events, kind)) == expected, kind


# -- POZ declarations --------------------------------------------------------------------------------------------
FEE_PLN, FREE_CHOICES = 80, 2
FEE_EDGES = {
    (JAN, 2, "none", 0),  # second change: free
    (STANISLAW, 3, "none", FEE_PLN),  # third change: 80 zł
    (STANISLAW, 3, "moved", 0),  # third change after moving house: free
}


def test_declarations_charge_by_the_fee_rule(whole_run):
    _, _, events, names = whole_run
    submitted = [(names[e["pesel"]], e["detail"]["choice_number"], e["detail"]["exemption"], e["detail"]["fee"])
                 for e in _of(events, "declaration_submitted")]
    assert FEE_EDGES <= set(submitted), submitted
    for persona, number, reason, fee in submitted:
        assert fee == (FEE_PLN if number > FREE_CHOICES and reason == "none" else 0), (persona, number, reason, fee)

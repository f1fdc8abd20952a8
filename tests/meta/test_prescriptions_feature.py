"""Meta-test of @e-recepta: behave runs the feature (and the journeys tagged with it) against a simulator of
the test's own, whose events must record exactly the orders the scenarios meant to place, cancel, and have
the doctor start, fulfil or reject, and none of the refused ones."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.meta.conftest import passed_scenarios, run_suite

pytestmark = pytest.mark.meta

EXPECTED_SCENARIOS = 17  # e_recepta.feature (outline rows counted) and five journeys
METFORMINA, BISOPROLOL, ATORWASTATYNA = ("Metformina 500 mg",), ("Bisoprolol 5 mg",), ("Atorwastatyna 20 mg",)
BOTH = ("Atorwastatyna 20 mg", "Bisoprolol 5 mg")
JAN, ANNA, STANISLAW = "Jan Nowak", "Anna Kowalska", "Stanisław Wójcik"

# (persona, medicines) -> orders placed, on screen or arranged; Maria Zielińska's and the other refused
# attempts place nothing.
PLACED = Counter({
    (JAN, METFORMINA): 4,  # outline row 1; started by the doctor; the journey that cancels it; arranged and rejected
    (JAN, BOTH): 3,  # outline row 2; the journey: rejected, then ordered again
    (JAN, BISOPROLOL): 3,  # cancelled; rejected by the doctor; the ISUS journey
    (JAN, ATORWASTATYNA): 3,  # cancelled, then ordered again; fulfilled by the doctor
    (ANNA, METFORMINA): 1,  # the first-login journey
    (STANISLAW, METFORMINA): 1,  # after his declaration was accepted
})
ACTED = {
    "order_cancelled": Counter({(JAN, BISOPROLOL): 1, (JAN, ATORWASTATYNA): 1, (JAN, METFORMINA): 1}),
    "order_in_progress": Counter({(JAN, METFORMINA): 1}),
    "order_fulfilled": Counter({(JAN, ATORWASTATYNA): 1, (JAN, BOTH): 1}),
    "order_rejected": Counter({(JAN, BISOPROLOL): 1, (JAN, METFORMINA): 1, (JAN, BOTH): 1}),
}


def test_e_recepta_places_and_acts_on_exactly_the_intended_orders(tmp_path, simulator, sim_admin):
    # retries=0: a retried scenario would place its order twice and blur the record.
    run, _ = run_suite(tmp_path, simulator, "--tags=@e-recepta", "-D", "retries=0")
    assert passed_scenarios(run) == EXPECTED_SCENARIOS

    names = {p["pesel"]: f"{p['first_name']} {p['last_name']}" for p in sim_admin.patients()}
    placed = sim_admin.events(kind="order_placed")
    order_of = {e["detail"]["order_id"]: (names[e["pesel"]], tuple(sorted(e["detail"]["medicines"])))
                for e in placed}
    assert len(order_of) == len(placed)
    assert Counter(order_of.values()) == PLACED
    for kind, expected in ACTED.items():
        assert Counter(order_of[e["detail"]["order_id"]] for e in sim_admin.events(kind=kind)) == expected, kind

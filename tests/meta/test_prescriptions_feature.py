"""Meta-test of @e-recepta: behave runs the feature against a simulator of the test's own, whose events must
record exactly the orders the scenarios placed through „Recepty” and cancelled, and none of the refused ones."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.meta.conftest import passed_scenarios, run_suite

pytestmark = pytest.mark.meta

JAN_NOWAK = "80011512354"  # the simulator's built-in persona (docs/simulator-contract.md)
EXPECTED_SCENARIOS = 10

# Orders placed through the UI, as sorted medicine lists. The refused scenarios (Stanisław Wójcik,
# Maria Zielińska, nothing selected) and the list of orderable medicines place nothing.
PLACED_IN_UI = Counter({
    ("Metformina 500 mg",): 1,  # outline row 1
    ("Atorwastatyna 20 mg", "Bisoprolol 5 mg"): 1,  # outline row 2
    ("Bisoprolol 5 mg",): 1,  # ordered, then cancelled
})
CANCELLED = [("Bisoprolol 5 mg",)]
# Arranged through the admin API (which records order_placed too), each followed by the doctor's action.
DOCTOR_ACTED = {
    "order_in_progress": [("Metformina 500 mg",)],
    "order_fulfilled": [("Atorwastatyna 20 mg",)],
    "order_rejected": [("Bisoprolol 5 mg",)],
}


def test_e_recepta_places_and_cancels_exactly_the_intended_orders(tmp_path, simulator, sim_admin):
    # retries=0: a retried scenario would place its order twice and blur the record.
    run, _ = run_suite(tmp_path, simulator, "--tags=@e-recepta", "-D", "retries=0")

    assert passed_scenarios(run) == EXPECTED_SCENARIOS

    placed = sim_admin.events(kind="order_placed")
    assert {event["pesel"] for event in placed} == {JAN_NOWAK}, "only Jan Nowak's orders may be placed"
    medicines_of = {event["detail"]["order_id"]: tuple(sorted(event["detail"]["medicines"])) for event in placed}
    assert len(medicines_of) == len(placed)

    arranged = set()
    for kind, expected in DOCTOR_ACTED.items():
        acted = [event["detail"]["order_id"] for event in sim_admin.events(kind=kind)]
        assert [medicines_of[order_id] for order_id in acted] == expected, kind
        arranged.update(acted)

    in_ui = Counter(medicines for order_id, medicines in medicines_of.items() if order_id not in arranged)
    assert in_ui == PLACED_IN_UI

    cancelled = [event["detail"]["order_id"] for event in sim_admin.events(kind="order_cancelled")]
    assert [medicines_of[order_id] for order_id in cancelled] == CANCELLED
    assert not set(cancelled) & arranged, "the cancelled order is one the patient placed"

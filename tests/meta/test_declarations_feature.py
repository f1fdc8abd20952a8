"""Meta-test of @deklaracja-poz: behave runs the feature against a simulator of the test's own; then the
simulator's record of submitted declarations must show the fee rule held at its edges and everywhere."""

from __future__ import annotations

import pytest

from tests.meta.conftest import passed_scenarios, run_suite

pytestmark = pytest.mark.meta

FEATURE = "features/deklaracja_poz.feature"
MIN_SCENARIOS = 12
FEE_PLN, FREE_CHOICES = 80, 2

# The fee rule at its edges, as (persona, choice number in the year, reason, fee in zł) of a submission.
FEE_EDGES = {
    ("Jan Nowak", 2, "none", 0),  # second change: free
    ("Stanisław Wójcik", 3, "none", FEE_PLN),  # third change: 80 zł
    ("Stanisław Wójcik", 3, "moved", 0),  # third change after moving house: free
}


def test_declarations_feature_passes_and_charges_by_the_rule(tmp_path, simulator, sim_admin):
    # retries=0: a retried scenario would submit its declaration twice and shift the choice numbers.
    run, _ = run_suite(tmp_path, simulator, "--tags=@deklaracja-poz", "-D", "retries=0", FEATURE)
    assert passed_scenarios(run) >= MIN_SCENARIOS

    names = {p["pesel"]: f"{p['first_name']} {p['last_name']}" for p in sim_admin.patients()}
    submitted = [(names[e["pesel"]], e["detail"]["choice_number"], e["detail"]["exemption"], e["detail"]["fee"])
                 for e in sim_admin.events(kind="declaration_submitted")]
    assert FEE_EDGES <= set(submitted), submitted
    for persona, number, reason, fee in submitted:
        expected = FEE_PLN if number > FREE_CHOICES and reason == "none" else 0
        assert fee == expected, (persona, number, reason, fee)

"""Meta-test of @deklaracja-poz: behave runs the feature against a simulator of the test's own; then each edge of
the fee rule runs alone, and the declaration it submitted must carry the fee the scenario expected."""

from __future__ import annotations

import re

import pytest

from tests.suite.conftest import run_suite

pytestmark = pytest.mark.suite

FEATURE = "features/deklaracja_poz.feature"
MIN_SCENARIOS = 9

# The fee rule at its edges: scenario name -> (persona, expected choice number in the year, expected fee in zł).
FEE_EDGES = {
    "Druga zmiana lekarza POZ w roku jest bezpłatna": ("Jan Nowak", 2, 0),
    "Trzecia zmiana lekarza POZ w roku kosztuje 80 zł": ("Stanisław Wójcik", 3, 80),
    "Trzecia zmiana lekarza POZ po przeprowadzce jest bezpłatna": ("Stanisław Wójcik", 3, 0),
}


def _passed(run) -> int:
    """The number of passed scenarios from behave's summary; fails the test unless all passed."""
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    summary = re.search(r"(\d+) scenarios? passed, (\d+) failed", run.stdout)
    assert summary, output
    assert summary[2] == "0", summary[0]
    return int(summary[1])


def _pesel_of(admin, name: str) -> str:
    first, last = name.split(" ", 1)
    return next(p["pesel"] for p in admin.patients() if (p["first_name"], p["last_name"]) == (first, last))


def test_declarations_feature_passes_against_the_simulator(tmp_path, simulator):
    # retries=0: a retried scenario would submit its declaration twice and shift the choice numbers.
    run, _ = run_suite(tmp_path, simulator, "--tags=@deklaracja-poz", "-D", "retries=0", FEATURE)
    assert _passed(run) >= MIN_SCENARIOS


@pytest.mark.parametrize("scenario", list(FEE_EDGES))
def test_submitted_declaration_carries_the_expected_fee(tmp_path, simulator, sim_admin, scenario):
    """One scenario per behave run: its patient's state after the run is that scenario's (no later reset)."""
    persona, choice_number, fee = FEE_EDGES[scenario]
    run, _ = run_suite(tmp_path, simulator, "--tags=@deklaracja-poz", "-D", "retries=0",
                       "-n", f"^{re.escape(scenario)}$", FEATURE)
    assert _passed(run) == 1

    pesel = _pesel_of(sim_admin, persona)
    submitted = sim_admin.events(kind="declaration_submitted", pesel=pesel)
    assert submitted, "no declaration_submitted event"
    last = submitted[-1]["detail"]  # the patient's own submission comes after the arranged earlier ones
    assert last["role"] == "doctor" and last["choice_number"] == choice_number, last
    # The event names no fee (simulator gap, see the report of issue 7): take it from the patient's state.
    declaration = next(d for d in sim_admin.patient(pesel)["declarations"] if d["id"] == last["declaration_id"])
    assert last.get("fee", declaration["fee"]) == fee, declaration
    assert declaration["fee"] == fee, declaration

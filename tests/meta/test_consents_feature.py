"""Meta-test of @zgody: behave runs the feature against a simulator of the test's own, whose events must
record exactly the consents the scenarios meant to save and withdraw, and none of the refused ones."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from tests.meta.conftest import passed_scenarios, run_suite

pytestmark = pytest.mark.meta

JAN_NOWAK = "80011512354"  # the simulator's built-in persona (docs/simulator-contract.md)
REFUSED_PESEL = "87061302072"  # „osoby z błędnym numerem PESEL” in features/steps/zgody_steps.py

# consent_granted events per kind: saved through the wizard, plus arranged through the admin API (which
# records the same event). The four refused scenarios add nothing.
EXPECTED_GRANTED = Counter({
    "records_access": 1 + 1 + 1,  # outline row; arranged for the duplicate refusal; the journey over a re-login
    "health_info": 1 + 1 + 1 + 1,  # outline row; the date range; granted then withdrawn; arranged then withdrawn
    "treatment_consent": 1,  # outline row
    "treatment_refusal": 1,  # outline row
})
EXPECTED_WITHDRAWN = 2  # the one granted on screen and the arranged one, both health_info
EXPECTED_SCENARIOS = 12  # zgody.feature (outline rows counted) and the @zgody journey


def test_zgody_saves_exactly_the_intended_consents(tmp_path, simulator, sim_admin):
    # retries=0: a scenario retried after an environment failure would grant its consent twice.
    run, _ = run_suite(tmp_path, simulator, "--tags=@zgody", "-D", "retries=0")

    assert passed_scenarios(run) == EXPECTED_SCENARIOS

    granted = sim_admin.events(kind="consent_granted")
    withdrawn = sim_admin.events(kind="consent_withdrawn")
    assert {event["pesel"] for event in granted + withdrawn} == {JAN_NOWAK}  # the scenario's named person
    assert Counter(event["detail"]["consent_kind"] for event in granted) == EXPECTED_GRANTED

    assert len(withdrawn) == EXPECTED_WITHDRAWN
    health_info_ids = {e["detail"]["consent_id"] for e in granted if e["detail"]["consent_kind"] == "health_info"}
    assert {w["detail"]["consent_id"] for w in withdrawn} <= health_info_ids

    assert REFUSED_PESEL not in json.dumps(granted + withdrawn)

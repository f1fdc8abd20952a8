"""Per-patient clock and per-patient faults: what lets parallel test workers share one simulator."""

import datetime

from tests.simulator.conftest import ANNA, IKP, JAN, MARIA, OTHER_VALID, STANISLAW
from tests.simulator.test_declarations import declare, rows
from tests.simulator.test_faults import is_ikp_error, is_pz_error


def test_a_patients_own_date_leaves_the_run_wide_clock_alone(sim):
    sim.ok("PUT", "/clock", {"today": "2026-05-20"})
    assert sim.ok("PUT", "/clock", {"today": "2027-01-02", "pesel": JAN}) == {"today": "2027-01-02", "simulated": True}
    assert sim.ok("GET", "/clock")["today"] == "2026-05-20"
    assert sim.ok("GET", f"/clock?pesel={JAN}")["today"] == "2027-01-02"
    assert sim.ok("GET", f"/clock?pesel={ANNA}")["today"] == "2026-05-20", "others follow the run-wide date"
    assert sim.ok("POST", "/clock/advance", {"days": 7, "pesel": ANNA})["today"] == "2026-05-27"
    assert sim.ok("GET", "/clock")["today"] == "2026-05-20"
    assert sim.ok("PUT", "/clock", {"today": None, "pesel": JAN})["today"] == "2026-05-20"


def test_clock_of_an_unknown_patient_is_a_404(sim):
    assert sim.admin("PUT", "/clock", json={"today": "2026-01-01", "pesel": OTHER_VALID}).status_code == 404
    assert sim.admin("GET", f"/clock?pesel={OTHER_VALID}").status_code == 404


def test_patient_reset_and_global_reset_drop_own_dates(sim):
    sim.ok("PUT", "/clock", {"today": "2030-01-01", "pesel": JAN})
    sim.ok("POST", f"/patients/{JAN}/reset")
    assert sim.ok("GET", f"/clock?pesel={JAN}") == {"today": datetime.date.today().isoformat(), "simulated": False}
    sim.ok("PUT", "/clock", {"today": "2030-01-01", "pesel": ANNA})
    sim.ok("POST", "/reset")
    assert sim.ok("GET", f"/clock?pesel={ANNA}")["simulated"] is False


def test_the_logged_in_patient_sees_its_own_date(sim):
    sim.ok("PUT", "/clock", {"today": "2026-05-20"})
    sim.ok("PUT", "/clock", {"today": "2026-12-31", "pesel": JAN})
    made = sim.ok("POST", f"/patients/{JAN}/prescriptions", {"medicine": "Test 1 mg"}, status=201)
    assert made["issued_on"] == "2026-12-31"
    other = sim.ok("POST", f"/patients/{MARIA}/prescriptions", {"medicine": "Test 1 mg"}, status=201)
    assert other["issued_on"] == "2026-05-20"


def test_automatic_rejection_follows_the_patients_own_date(sim):
    sim.ok("PUT", "/clock", {"today": "2026-05-20"})
    for pesel in (JAN, STANISLAW):
        window = sim.browser()
        window.login(pesel)
        declare(window)
        window.logout()
    sim.ok("POST", "/clock/advance", {"days": 7, "pesel": JAN})
    jan = sim.browser()
    jan.login(JAN)
    assert rows(jan.open(IKP + "/ikp/deklaracje"))[0][1] == "rejected"
    assert [e["pesel"] for e in sim.events(kind="declaration_rejected")] == [JAN]


def test_a_fault_scoped_to_a_patient_spares_the_others(sim):
    sim.ok("POST", "/faults", {"kind": "pz_error", "count": 1, "pesel": JAN}, status=201)
    assert not is_pz_error(sim.browser().login(MARIA)), "another patient's login must not consume it"
    assert is_pz_error(sim.browser().login(JAN))


def test_node_down_scoped_to_a_patient_spares_the_others_on_that_node(sim):
    jan, maria = sim.browser(), sim.browser()
    jan.login(JAN)
    maria.login(MARIA)
    assert jan.cookie("ISUS_NODE") == maria.cookie("ISUS_NODE") == "isus-1"
    sim.ok("POST", "/faults", {"kind": "node_down", "node": "isus-1", "pesel": JAN}, status=201)
    assert not is_ikp_error(maria.get(IKP + "/ikp/konto"))
    assert is_ikp_error(jan.get(IKP + "/ikp/konto"))


def test_clearing_one_patients_faults_keeps_the_others(sim):
    sim.ok("POST", "/faults", {"kind": "node_down", "pesel": JAN}, status=201)
    sim.ok("POST", "/faults", {"kind": "pz_error", "pesel": MARIA}, status=201)
    sim.ok("POST", "/faults", {"kind": "slow"}, status=201)
    sim.ok("DELETE", f"/faults?pesel={JAN}")
    assert sorted(f["kind"] for f in sim.ok("GET", "/faults")) == ["pz_error", "slow"]

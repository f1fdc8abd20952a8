"""Session faults (dangling session, stale second tab), ISUS node affinity and injected faults."""

import time

import pytest

from simulator import db, faults
from tests.simulator.conftest import ANNA, FIRST_CONTACT, HOME, IKP, JAN, MARIA, OTHER_VALID, PZ, hidden_fields, text


def is_ikp_error(response):
    page = text(response)
    return (response.status_code == 503 and '<main id="ikp-error-screen">' in page
            and "<h1>Internetowe Konto Pacjenta jest chwilowo niedostępne</h1>" in page
            and '<a href="/ikp/zaloguj">Zaloguj się ponownie</a>' in page)


def is_pz_error(response):
    return response.status_code == 503 and '<main id="pz-error-screen">' in text(response)


def test_dangling_session_fails_the_next_login_once(sim, jan):
    second = sim.browser()
    assert is_ikp_error(second.login(JAN))
    assert sim.events(pesel=JAN, kind="session_conflict")
    assert sim.patient(JAN)["session_active"] is False
    assert jan.get(IKP + "/ikp/konto").headers["Location"] == "/ikp/zaloguj"
    third = sim.browser()
    third.login(JAN)
    assert third.url == HOME


def test_logging_in_again_in_the_same_window_without_logout_fails(jan):
    assert is_ikp_error(jan.login(JAN))
    jan.login(JAN)
    assert jan.url == HOME


def test_other_patients_are_not_affected_by_a_dangling_session(sim, jan):
    window = sim.browser()
    window.login(MARIA)
    assert window.url == HOME


def test_form_from_a_stale_second_tab_ends_the_session(sim, jan):
    jan.open(IKP + "/ikp/konto/edycja")
    first_tab_view = jan.view
    jan.open(IKP + "/ikp/uprawnienia")
    response = jan.submit(IKP + "/ikp/konto/edycja", {"email": "x@y.pl", "phone": "600100200", "channels": "sms"},
                          view=first_tab_view)
    assert is_ikp_error(response)
    assert jan.cookie("IKP_SESSION") is None
    assert sim.patient(JAN)["session_active"] is False
    assert sim.patient(JAN)["contact"]["email"] == "jan.nowak@example.com"
    kinds = [e["kind"] for e in sim.events(pesel=JAN)]
    assert kinds[-2:] == ["stale_view", "error_screen"]


WIZARD = IKP + "/ikp/uprawnienia/nowe"


def stale_ends_the_session(sim, window, pesel=JAN):
    """The last request was a stale POST: the 3.2 screen's event, no session left."""
    assert window.cookie("IKP_SESSION") is None
    assert sim.patient(pesel)["session_active"] is False
    assert [e["kind"] for e in sim.events(pesel=pesel)][-2:] == ["stale_view", "error_screen"]


@pytest.mark.parametrize("step", [1, 2, 3])
def test_each_wizard_step_carries_the_view_token_and_a_stale_one_ends_the_session(sim, jan, step):
    page = jan.open(WIZARD)
    answers = {1: {"kind": "records_access"}, 2: {"person_name": "Ewa Nowak", "person_pesel": OTHER_VALID},
               3: {"scope": "Pełny zakres", "date_from": "", "date_to": ""}}
    for earlier in range(1, step):
        page = jan.submit(WIZARD, {**hidden_fields(page, "/ikp/uprawnienia/nowe"), **answers[earlier]})
    assert f"<p>Krok {step} z 3</p>" in text(page)
    form = {**hidden_fields(page, "/ikp/uprawnienia/nowe"), **answers[step]}
    stale = jan.view
    jan.open(IKP + "/ikp/uprawnienia")
    assert is_ikp_error(jan.submit(WIZARD, form, view=stale))
    stale_ends_the_session(sim, jan)
    assert sim.patient(JAN)["consents"] == []


def test_the_wizard_saves_with_its_own_current_token(sim, jan):
    page = jan.open(WIZARD)
    page = jan.submit(WIZARD, {**hidden_fields(page, "/ikp/uprawnienia/nowe"), "kind": "treatment_consent"})
    page = jan.submit(WIZARD, {**hidden_fields(page, "/ikp/uprawnienia/nowe"), "scope": "Szczepienie"})
    assert jan.view in text(page)
    jan.submit(WIZARD, {**hidden_fields(page, "/ikp/uprawnienia/nowe"), "date_from": "", "date_to": ""})
    assert jan.url == IKP + "/ikp/uprawnienia" and len(sim.patient(JAN)["consents"]) == 1


def test_the_order_confirmation_carries_the_view_token_and_a_stale_one_places_nothing(sim, jan):
    prescription = str(sim.patient(JAN)["prescriptions"][0]["id"])
    jan.open(IKP + "/ikp/recepty")
    confirmation = jan.submit(IKP + "/ikp/recepty", {"prescription": prescription})
    assert "<h1>Potwierdź zamówienie</h1>" in text(confirmation)
    assert f'<input type="hidden" name="view" value="{jan.view}">' in text(confirmation)
    stale = jan.view
    jan.open(IKP + "/ikp/recepty/zamowione")
    assert is_ikp_error(jan.submit(IKP + "/ikp/recepty/potwierdz", {"prescription": prescription}, view=stale))
    stale_ends_the_session(sim, jan)
    assert sim.patient(JAN)["orders"] == [] and not sim.events(pesel=JAN, kind="order_placed")


@pytest.mark.parametrize("action", ["anuluj", "ponow"])
def test_cancel_and_repeat_from_a_stale_tab_end_the_session(sim, jan, action):
    prescription = sim.patient(JAN)["prescriptions"][0]["id"]
    status = "placed" if action == "anuluj" else "fulfilled"
    order_id = sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": [prescription], "status": status},
                      status=201)["id"]
    jan.open(IKP + "/ikp/recepty/zamowione")
    stale = jan.view
    jan.open(IKP + "/ikp/recepty")
    assert is_ikp_error(jan.submit(IKP + f"/ikp/recepty/zamowione/{order_id}/{action}", view=stale))
    stale_ends_the_session(sim, jan)
    assert [o["status"] for o in sim.patient(JAN)["orders"]] == [status]


def test_terms_and_first_contact_step_from_a_stale_tab_end_the_session(sim):
    anna = sim.browser()
    anna.login(ANNA)
    stale = anna.view
    anna.open(IKP + "/ikp/regulamin")
    assert is_ikp_error(anna.submit(IKP + "/ikp/regulamin", {"accept": "tak"}, view=stale))
    stale_ends_the_session(sim, anna, ANNA)
    assert sim.patient(ANNA)["terms_accepted"] is False
    anna = sim.browser()
    anna.login(ANNA)
    anna.submit(IKP + "/ikp/regulamin", {"accept": "tak"})
    assert anna.url == FIRST_CONTACT
    stale = anna.view
    anna.open(FIRST_CONTACT)
    assert is_ikp_error(anna.submit(FIRST_CONTACT, {"skip": "tak"}, view=stale))
    stale_ends_the_session(sim, anna, ANNA)
    assert sim.patient(ANNA)["contact"] is None


def test_a_dangling_session_mid_wizard_fails_the_next_login_and_the_old_tab_saves_nothing(sim, jan):
    page = jan.open(WIZARD)
    page = jan.submit(WIZARD, {**hidden_fields(page, "/ikp/uprawnienia/nowe"), "kind": "records_access"})
    form = {**hidden_fields(page, "/ikp/uprawnienia/nowe"), "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID}
    assert is_ikp_error(sim.browser().login(JAN))
    assert sim.events(pesel=JAN, kind="session_conflict")
    response = jan.post(WIZARD, form)
    assert response.status_code == 302 and response.headers["Location"] == "/ikp/zaloguj"
    again = sim.browser()
    again.login(JAN)
    assert again.url == HOME and sim.patient(JAN)["consents"] == []


def test_a_dangling_session_on_the_first_contact_step_does_not_ask_the_terms_again(sim):
    anna = sim.browser()
    anna.login(ANNA)
    anna.submit(IKP + "/ikp/regulamin", {"accept": "tak"})
    assert anna.url == FIRST_CONTACT
    assert is_ikp_error(sim.browser().login(ANNA)), "Anna left the contact step without logging out"
    window = sim.browser()
    window.login(ANNA)
    assert window.url == HOME, "terms accepted once; the skipped contact step is not forced"
    assert sim.patient(ANNA)["terms_accepted"] is True and sim.patient(ANNA)["contact"] is None


def test_node_down_on_potwierdz_places_nothing(sim, jan):
    prescription = str(sim.patient(JAN)["prescriptions"][0]["id"])
    jan.open(IKP + "/ikp/recepty")
    confirmation = jan.submit(IKP + "/ikp/recepty", {"prescription": prescription})
    sim.ok("POST", "/faults", {"kind": "node_down", "count": 1}, status=201)
    form = hidden_fields(confirmation, "/ikp/recepty/potwierdz")
    assert is_ikp_error(jan.submit(IKP + "/ikp/recepty/potwierdz", form))
    assert sim.patient(JAN)["orders"] == [] and sim.patient(JAN)["session_active"] is False


@pytest.mark.parametrize(
    ("path", "form"),
    [("/ikp/recepty", {"prescription": "1"}), ("/ikp/recepty/potwierdz", {"prescription": "1"}),
     ("/ikp/uprawnienia/nowe", {"krok": "1", "kind": "records_access"}),
     ("/ikp/pierwsze-logowanie/dane-kontaktowe", {"skip": "tak"})],
)
def test_a_form_without_view_token_is_stale(sim, jan, path, form):
    assert is_ikp_error(jan.post(IKP + path, form, view=False))
    assert sim.patient(JAN)["orders"] == [] and sim.patient(JAN)["session_active"] is False


def test_logout_works_even_from_a_stale_tab(sim, jan):
    stale = jan.view
    jan.open(IKP + "/ikp/recepty")
    jan.submit(IKP + "/ikp/wyloguj", view=stale)
    assert jan.url == IKP + "/ikp/wylogowano"
    assert sim.patient(JAN)["session_active"] is False


def test_pz_page_assigns_isus_1_without_faults(browser):
    browser.open(IKP + "/ikp/zaloguj")
    assert browser.cookie("ISUS_NODE") == "isus-1"


def test_node_down_fails_pinned_requests_until_hard_refresh(sim, jan):
    sim.ok("POST", "/faults", {"kind": "node_down"}, status=201)
    assert is_ikp_error(jan.get(IKP + "/ikp/konto"))
    assert sim.patient(JAN)["session_active"] is False
    assert is_ikp_error(jan.login(JAN)), "a plain retry stays on the failed node"
    pz_url = jan.get(IKP + "/ikp/zaloguj").headers["Location"]
    jan.get(pz_url, headers={"Cache-Control": "no-cache", "Pragma": "no-cache"})
    assert jan.cookie("ISUS_NODE") == "isus-2"
    jan.login(JAN)
    assert jan.url == HOME
    fired = [e for e in sim.events(pesel=JAN, kind="fault")]
    assert fired and all(e["detail"]["fault"] == "node_down" for e in fired)


def test_a_private_window_gets_a_healthy_node(sim):
    sim.ok("POST", "/faults", {"kind": "node_down", "node": "isus-1"}, status=201)
    window = sim.browser()
    window.login(JAN)
    assert window.cookie("ISUS_NODE") == "isus-2"
    assert window.url == HOME


def test_node_down_with_a_count(sim, jan):
    sim.ok("POST", "/faults", {"kind": "node_down", "count": 1}, status=201)
    assert is_ikp_error(jan.get(IKP + "/ikp/konto"))
    window = sim.browser()
    window.login(JAN)
    assert window.cookie("ISUS_NODE") == "isus-1"
    assert window.url == HOME


def test_pz_error_count(sim, browser):
    sim.ok("POST", "/faults", {"kind": "pz_error", "count": 1}, status=201)
    assert is_pz_error(browser.login(JAN))
    assert browser.url.startswith(PZ)
    browser.login(JAN)
    assert browser.url == HOME
    assert [f["fired"] for f in sim.ok("GET", "/faults")] == [1]


def test_pz_error_for_one_patient_only(sim):
    sim.ok("POST", "/faults", {"kind": "pz_error", "count": 5, "pesel": ANNA}, status=201)
    window = sim.browser()
    window.login(JAN)
    assert window.url == HOME
    assert is_pz_error(sim.browser().login(ANNA))


def test_pz_error_does_not_fire_on_an_invalid_pesel(sim, browser):
    sim.ok("POST", "/faults", {"kind": "pz_error", "count": 1}, status=201)
    browser.open(IKP + "/ikp/zaloguj")
    assert browser.post(PZ + "/pz/ekran_pz", {"pesel": "123"}).status_code == 200
    assert is_pz_error(browser.login(JAN))


def test_ikp_down_count(sim, browser):
    sim.ok("POST", "/faults", {"kind": "ikp_down", "count": 1}, status=201)
    assert is_ikp_error(browser.login(JAN))
    assert sim.patient(JAN)["session_active"] is False
    browser.login(JAN)
    assert browser.url == HOME
    screens = [e["detail"] for e in sim.events(kind="error_screen")]
    assert screens == [{"screen": "ikp", "reason": "ikp_down"}]


def pz_outcomes(sim, ratio, seed, n=12):
    sim.ok("POST", "/faults", {"kind": "pz_error", "ratio": ratio, "seed": seed}, status=201)
    outcomes = []
    for _ in range(n):
        window = sim.browser()
        response = window.login(JAN)
        outcomes.append(is_pz_error(response))
        if not outcomes[-1]:
            window.logout()
    return outcomes


def test_ratio_faults_are_reproducible_with_a_seed(sim, tmp_path):
    first = pz_outcomes(sim, 0.5, 7)
    sim.ok("POST", "/reset")
    assert pz_outcomes(sim, 0.5, 7) == first
    assert any(first) and not all(first)


@pytest.mark.parametrize(("ratio", "expected"), [(0, False), (1, True)])
def test_ratio_bounds(sim, ratio, expected):
    assert pz_outcomes(sim, ratio, 1, n=3) == [expected] * 3


def test_slow_adds_a_delay(sim, jan):
    sim.ok("POST", "/faults", {"kind": "slow", "delay_ms": 300, "count": 1}, status=201)
    started = time.monotonic()
    assert jan.get(IKP + "/ikp/konto").status_code == 200
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    jan.get(IKP + "/ikp/konto")
    assert time.monotonic() - started < 0.3


def test_pz_timeout_holds_the_pz_page_only(sim, browser):
    sim.ok("POST", "/faults", {"kind": "pz_timeout", "delay_ms": 300, "count": 1}, status=201)
    started = time.monotonic()
    assert browser.open(IKP + "/ikp/zaloguj").status_code == 200  # redirected to the PZ page, which held it
    assert time.monotonic() - started >= 0.3
    started = time.monotonic()
    browser.login(JAN)
    assert time.monotonic() - started < 0.3
    assert browser.url == HOME
    assert [e["detail"]["fault"] for e in sim.events(kind="fault")] == ["pz_timeout"]


def test_pz_timeout_for_one_patient_holds_only_their_submit(sim, browser):
    sim.ok("POST", "/faults", {"kind": "pz_timeout", "delay_ms": 300, "pesel": ANNA}, status=201)
    started = time.monotonic()
    browser.login(JAN)
    assert time.monotonic() - started < 0.3
    started = time.monotonic()
    sim.browser().login(ANNA)
    assert time.monotonic() - started >= 0.3
    assert [e["pesel"] for e in sim.events(kind="fault")] == [ANNA]


def test_pz_timeout_waits_a_minute_by_default_and_delay_belongs_to_delaying_kinds(sim):
    assert sim.ok("POST", "/faults", {"kind": "pz_timeout", "count": 1}, status=201)["delay_ms"] == 60_000
    refused = sim.admin("POST", "/faults", {"kind": "pz_error", "delay_ms": 100})
    assert refused.status_code == 400
    assert "delay_ms applies only to slow and pz_timeout" in refused.get_json()["error"]


def test_stopping_the_server_ends_an_answer_a_fault_holds(server):
    import threading

    import requests

    requests.post(f"{server.ikp_url}/__sim__/faults", json={"kind": "pz_timeout"},
                  headers={"X-Sim-Token": server.token}, timeout=5).raise_for_status()
    answered = threading.Event()

    def ask():
        try:
            requests.get(f"{server.pz_url}/pz/ekran_pz?state=login", timeout=30)
        except requests.RequestException:
            pass  # the server went away mid-answer: what matters is that the request ended
        answered.set()

    def fired():
        return requests.get(f"{server.ikp_url}/__sim__/faults", headers={"X-Sim-Token": server.token},
                            timeout=5).json()[0]["fired"]

    threading.Thread(target=ask, daemon=True).start()
    deadline = time.monotonic() + 10
    while not fired() and time.monotonic() < deadline:  # wait until the fault holds the request
        answered.wait(0.02)
    assert fired() == 1 and not answered.is_set()  # held: the fault's minute has not passed
    started = time.monotonic()
    server.stop()
    assert answered.wait(10)
    assert time.monotonic() - started < 6


def test_delete_faults_keeps_background_chaos(sim):
    conn = db.connect(sim.db_path)
    faults.install_chaos(conn, {"pz_error": 0.1, "ikp_down": 0.2}, 7)
    conn.close()
    sim.ok("POST", "/faults", {"kind": "slow"}, status=201)
    sim.ok("DELETE", "/faults")
    left = sim.ok("GET", "/faults")
    expected = [("pz_error", 0.1, True), ("ikp_down", 0.2, True)]
    assert [(f["kind"], f["ratio"], f["background"]) for f in left] == expected
    sim.ok("POST", "/reset")
    assert len(sim.ok("GET", "/faults")) == 2


def test_chaos_fires_on_logins(sim, browser):
    conn = db.connect(sim.db_path)
    faults.install_chaos(conn, {"ikp_down": 1.0}, 3)
    conn.close()
    assert is_ikp_error(browser.login(JAN))


@pytest.mark.parametrize(
    ("text_in", "message"),
    [("pz_error", "expected KIND=RATIO"), ("boom=0.1", "unknown chaos kind 'boom'"),
     ("pz_error=x", "not a number"), ("pz_error=1.5", "between 0 and 1"), ("ikp_down=-0.1", "between 0 and 1")],
)
def test_parse_chaos_errors(text_in, message):
    with pytest.raises(ValueError, match=message):
        faults.parse_chaos(text_in)


def test_parse_chaos():
    assert faults.parse_chaos("pz_error=0.1, ikp_down=1") == {"pz_error": 0.1, "ikp_down": 1.0}
    assert faults.parse_chaos("pz_timeout=1") == {"pz_timeout": 1.0}
    assert faults.parse_chaos("") == {}

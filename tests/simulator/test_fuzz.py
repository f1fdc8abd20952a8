"""No input on any form, query or admin call gives a 500; unexpected errors become a plain 500 page."""

import json
import random

import pytest

from tests.simulator.conftest import ANNA, IKP, JAN, PZ, make_apps, text

NASTY = ["", " ", "0", "-1", "1" * 30, "9" * 400, "x" * 5000, "<script>alert(1)</script>", "' OR 1=1 --",
         "\x00", "zażółć gęślą jaźń", "\u202e", "%00", "../../etc/passwd", "2026-02-30", "80011512354", "1e9",
         "1", "2", "3", "sms", "email", "records_access", "treatment_consent", "Pełny zakres", "tak", "lekarz",
         "moved", "  80011512354  ", "\ufffd"]

CONTACT = ["email", "phone", "channels", "channels"]
FORMS = {
    "/ikp/konto/edycja": CONTACT,
    "/ikp/pierwsze-logowanie/dane-kontaktowe": [*CONTACT, "skip"],
    "/ikp/uprawnienia/nowe": ["krok", "kind", "person_name", "person_pesel", "scope", "date_from", "date_to"],
    "/ikp/recepty": ["prescription"],
    "/ikp/recepty/potwierdz": ["prescription"],
    "/ikp/deklaracje/nowa/podsumowanie": ["rola", "placowka", "staff", "reason"],
    "/ikp/deklaracje/nowa/zloz": ["rola", "placowka", "staff", "reason"],
    "/ikp/uprawnienia/1/wycofaj": [],
    "/ikp/recepty/zamowione/1/anuluj": [],
    "/ikp/recepty/zamowione/1/ponow": [],
    "/ikp/regulamin": ["accept"],
}
QUERIES = ["/ikp/deklaracje/nowa", "/ikp/deklaracje/nowa/osoba", "/ikp/sso", "/ikp/zaloguj", "/ikp/konto"]


def random_form(rng, fields):
    form = {}
    for name in fields:
        if rng.random() < 0.85:
            form.setdefault(name, []).append(rng.choice(NASTY))
    for _ in range(rng.randint(0, 2)):
        form[rng.choice(NASTY[:10]) or "junk"] = rng.choice(NASTY)
    return form


def test_forms_never_give_a_500(sim):
    rng = random.Random(2026)
    window = sim.browser()
    window.login(JAN)
    statuses = set()
    for _ in range(220):
        path, fields = rng.choice(list(FORMS.items()))
        response = window.post(IKP + path, random_form(rng, fields))
        statuses.add(response.status_code)
        assert response.status_code < 500 or "ikp-error-screen" in text(response), (path, response.status_code)
        if "ikp-error-screen" in text(response) or window.cookie("IKP_SESSION") is None:
            window = sim.browser()
            window.login(JAN)
        window.get(IKP + "/ikp/konto")
    assert {200, 302, 400, 422} <= statuses


def test_first_login_forms_never_give_a_500(sim):
    rng = random.Random(22)
    window = sim.browser()
    window.login(ANNA)
    statuses = set()
    for _ in range(60):
        sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": rng.random() < 0.5, "contact": None})
        path = rng.choice(["/ikp/regulamin", "/ikp/pierwsze-logowanie/dane-kontaktowe"])
        window.get(IKP + path)
        response = window.post(IKP + path, random_form(rng, FORMS[path]))
        statuses.add(response.status_code)
        assert response.status_code < 500 or "ikp-error-screen" in text(response), (path, response.status_code)
        if "ikp-error-screen" in text(response) or window.cookie("IKP_SESSION") is None:
            window = sim.browser()
            window.login(ANNA)
    assert {302, 422} <= statuses


def test_query_strings_never_give_a_500(sim, jan):
    rng = random.Random(7)
    for _ in range(120):
        path = rng.choice(QUERIES)
        params = "&".join(f"{rng.choice(['rola', 'placowka', 'q', 'artifact', 'state', 'x'])}={rng.choice(NASTY)}"
                          for _ in range(rng.randint(0, 3)))
        response = jan.client.get(path, query_string=params, base_url=IKP)
        assert response.status_code < 500 or "ikp-error-screen" in text(response)


def test_pz_form_never_gives_a_500(sim, browser):
    rng = random.Random(11)
    for _ in range(60):
        form = random_form(rng, ["pesel", "state", "return"])
        response = browser.post(PZ + "/pz/ekran_pz", form)
        assert response.status_code in (200, 302, 503)


def test_admin_calls_never_give_a_500(sim):
    rng = random.Random(5)
    paths = [("POST", "/patients"), ("PATCH", f"/patients/{JAN}"), ("POST", f"/patients/{JAN}/consents"),
             ("POST", f"/patients/{JAN}/prescriptions"), ("POST", f"/patients/{JAN}/orders"),
             ("POST", f"/patients/{JAN}/declarations"), ("POST", "/orders/1/reject"),
             ("POST", "/declarations/1/accept"), ("PATCH", "/facilities/1"), ("PUT", "/clock"),
             ("POST", "/clock/advance"), ("POST", "/faults"), ("GET", "/events")]
    values = [None, True, False, 0, -5, 1, 3, 2**70, 1.5, "", "x", "2026-01-01", "80011512354", [], [1, "a"], {},
              {"email": 1}, "records_access", "doctor", "pz_error"]
    fields = ["pesel", "first_name", "last_name", "baseline", "terms_accepted", "contact", "kind", "person_pesel",
              "medicine", "prescription_ids", "role", "staff_id", "facility_id", "status", "today", "days", "ratio",
              "count", "comment", "orders_enabled", "submitted_on", "date_from", "seed", "delay_ms"]
    for _ in range(300):
        method, path = rng.choice(paths)
        body = {rng.choice(fields): rng.choice(values) for _ in range(rng.randint(0, 4))}
        if rng.random() < 0.1:
            response = sim.admin(method, path, data=json.dumps(body)[:-1], content_type="application/json")
        else:
            response = sim.admin(method, path, json=body)
        assert response.status_code < 500, (method, path, body, response.get_json())
        if path == "/faults":
            sim.ok("DELETE", "/faults")
        if path.startswith("/clock"):
            sim.ok("PUT", "/clock", {"today": None})


@pytest.mark.parametrize("path", ["/boom", "/__sim__/boom"])
def test_an_unexpected_error_is_a_plain_500(sim, path, caplog):
    def boom():
        raise RuntimeError("failed for 80011512354")

    ikp_app, _ = make_apps(sim.db_path)
    ikp_app.add_url_rule(path, "boom", boom)
    response = ikp_app.test_client().get(path)
    assert response.status_code == 500
    assert "RuntimeError" not in response.get_data(as_text=True)
    assert "failed" in caplog.text

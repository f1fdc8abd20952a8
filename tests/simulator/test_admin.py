"""The admin API: token, health, strict JSON, patients and their state, clock, facilities, events, reset."""

import datetime

import pytest

from tests.simulator.conftest import ANNA, HOME, JAN, MARIA, OTHER_VALID, STANISLAW, TOKEN


def test_health_needs_no_token_on_both_origins(sim):
    assert sim.ikp_app.test_client().get("/__sim__/health").get_json() == {"status": "ok"}
    assert sim.pz_app.test_client().get("/__sim__/health").get_json() == {"status": "ok"}


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x", "zażółć"])
@pytest.mark.parametrize(("method", "path"), [("GET", "/patients"), ("POST", "/reset"), ("GET", "/events"),
                                              ("PUT", "/clock"), ("DELETE", "/faults")])
def test_calls_need_the_token(sim, token, method, path):
    response = sim.admin(method, path, token=token)
    assert response.status_code == 401
    assert "X-Sim-Token" in response.get_json()["error"]


def test_the_pz_origin_has_no_admin_api(sim):
    response = sim.pz_app.test_client().get("/__sim__/patients", headers={"X-Sim-Token": TOKEN})
    assert response.status_code == 404


def test_patients_list(sim):
    assert [p["pesel"] for p in sim.ok("GET", "/patients")] == [JAN, ANNA, STANISLAW, MARIA]


def test_baseline_of_the_personas(sim):
    jan = sim.patient(JAN)
    assert jan["terms_accepted"] and not jan["session_active"]
    assert jan["contact"] == {"email": "jan.nowak@example.com", "phone": "600100200", "channels": ["sms"]}
    assert {d["role"]: d["status"] for d in jan["declarations"]} == {
        "doctor": "accepted", "nurse": "accepted", "midwife": "accepted"}
    assert sum(p["continuation"] for p in jan["prescriptions"]) == 3
    anna = sim.patient(ANNA)
    assert not anna["terms_accepted"] and anna["contact"] is None and not anna["declarations"]
    year = datetime.date.today().year
    stanislaw = sim.patient(STANISLAW)["declarations"]
    assert [(d["status"], d["submitted_on"]) for d in stanislaw] == [("rejected", f"{year}-01-01")] * 2
    assert sim.patient(STANISLAW)["contact"]["channels"] == ["email"]
    assert sim.patient(MARIA)["contact"]["channels"] == ["sms", "email"]
    maria = sim.patient(MARIA)["declarations"][0]
    assert maria["facility_name"] == "Ośrodek Zdrowia Kazimierz" and maria["status"] == "accepted"
    facilities = sim.ok("GET", "/facilities")
    assert [f["orders_enabled"] for f in facilities] == [True, False, True, True]
    assert all({m["role"] for m in f["staff"]} == {"doctor", "nurse", "midwife"} for f in facilities)


def test_copy_of_a_persona_can_log_in(sim):
    created = sim.ok("POST", "/patients", {"pesel": OTHER_VALID, "first_name": "Zofia", "last_name": "Test",
                                           "baseline": JAN}, status=201)
    assert created["contact"]["email"] == "jan.nowak@example.com" and len(created["prescriptions"]) == 4
    window = sim.browser()
    window.login(OTHER_VALID)
    assert window.url == HOME
    assert sim.admin("POST", "/patients", json={"pesel": OTHER_VALID, "first_name": "Z", "last_name": "T",
                                                 "baseline": JAN}).status_code == 409


@pytest.mark.parametrize(
    "body",
    [{"pesel": "87061302072", "first_name": "A", "last_name": "B", "baseline": JAN},
     {"pesel": OTHER_VALID, "first_name": "A", "last_name": "B", "baseline": OTHER_VALID},
     {"pesel": OTHER_VALID, "first_name": "A", "last_name": "B"},
     {"pesel": OTHER_VALID, "first_name": 1, "last_name": "B", "baseline": JAN},
     {"pesel": OTHER_VALID, "first_name": "A", "last_name": "B", "baseline": JAN, "age": 3}],
)
def test_bad_patient_bodies(sim, body):
    response = sim.admin("POST", "/patients", json=body)
    assert response.status_code == 400 and response.get_json()["error"]


def test_text_that_is_not_storable_is_a_400(sim):
    raw = b'{"medicine": "\\ud800"}'
    response = sim.admin("POST", f"/patients/{JAN}/prescriptions", data=raw, content_type="application/json")
    assert response.status_code == 400


@pytest.mark.parametrize("raw", [b"{", b"[1, 2]", b'"x"', b"{'a': 1}", b"\xff\xfe", b'{"today": "2026-01-01",}'])
def test_malformed_json_is_a_400(sim, raw):
    response = sim.admin("PUT", "/clock", data=raw, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [("PATCH", f"/patients/{JAN}", {"terms_accepted": "yes"}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"email": "a@b.pl", "fax": "1"}}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"channel": "sms"}}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"channels": ["pigeon"]}}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"channels": "sms"}}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"channels": ["sms", "sms"]}}),
     ("PATCH", f"/patients/{JAN}", {"contact": {"channels": [None]}}),
     ("PATCH", f"/patients/{JAN}", {"nickname": "J"}),
     ("PUT", "/clock", {"today": "20.05.2026"}),
     ("PUT", "/clock", {}),
     ("POST", "/clock/advance", {"days": 1.5}),
     ("POST", "/clock/advance", {"days": True}),
     ("POST", "/clock/advance", {"days": 10**12}),
     ("POST", "/faults", {"kind": "meteor"}),
     ("POST", "/faults", {"kind": "pz_error", "count": 1, "ratio": 0.5}),
     ("POST", "/faults", {"kind": "pz_error", "ratio": 1.5}),
     ("POST", "/faults", {"kind": "pz_error", "ratio": float("nan")}),
     ("POST", "/faults", {"kind": "slow", "node": "isus-2"}),
     ("POST", "/faults", {"kind": "slow", "delay_ms": -1}),
     ("PATCH", "/facilities/1", {"orders_enabled": 1}),
     ("POST", f"/patients/{JAN}/consents", {"kind": "love"}),
     ("POST", f"/patients/{JAN}/consents", {"kind": "health_info", "person_pesel": "123"}),
     ("POST", f"/patients/{JAN}/orders", {"prescription_ids": []}),
     ("POST", f"/patients/{JAN}/orders", {"prescription_ids": [999999]}),
     ("POST", f"/patients/{JAN}/declarations", {"role": "doctor"}),
     ("POST", f"/patients/{JAN}/declarations", {"role": "doctor", "staff_id": 3}),
     ("POST", f"/patients/{JAN}/declarations", {"role": "doctor", "staff_id": 1, "facility_id": 2}),
     ("POST", f"/patients/{JAN}/declarations", {"role": "doctor", "facility_id": 99})],
)
def test_wrong_fields_and_types_are_a_400(sim, method, path, body):
    response = sim.admin(method, path, json=body)
    assert response.status_code == 400, response.get_json()
    assert response.get_json()["error"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", f"/patients/{OTHER_VALID}"), ("PATCH", "/patients/x"), ("POST", f"/patients/{OTHER_VALID}/reset"),
     ("POST", "/patients/1/consents"), ("POST", "/orders/999/start"), ("POST", "/declarations/999/accept"),
     ("PATCH", "/facilities/99"), ("GET", "/no-such-call")],
)
def test_unknown_things_are_a_404(sim, method, path):
    body = {"orders_enabled": True} if "facilities" in path else ({"kind": "health_info"} if "consents" in path else {})
    assert sim.admin(method, path, json=body).status_code == 404


def test_arrange_terms_and_contact(sim):
    contact = {"email": "a@k.pl", "phone": "500100100", "channels": ["email"]}
    answer = sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True, "contact": contact})
    assert answer["terms_accepted"] and answer["contact"] == contact
    both = {"email": "a@k.pl", "phone": "500100100", "channels": ["sms", "email"]}
    assert sim.ok("PATCH", f"/patients/{ANNA}", {"contact": both})["contact"] == both
    phone_only = sim.ok("PATCH", f"/patients/{ANNA}", {"contact": {"phone": "500100100", "channels": []}})
    assert phone_only["contact"] == {"email": None, "phone": "500100100", "channels": []}
    assert sim.ok("PATCH", f"/patients/{ANNA}", {"contact": {"email": None, "channels": []}})["contact"] is None
    assert sim.ok("PATCH", f"/patients/{ANNA}", {"contact": None})["contact"] is None


def test_arrange_consents_prescriptions_orders(sim):
    consent = sim.ok("POST", f"/patients/{JAN}/consents",
                     {"kind": "health_info", "person_name": "Ewa", "person_pesel": OTHER_VALID,
                      "date_from": "2020-01-01", "status": "withdrawn"}, status=201)
    assert consent["status"] == "withdrawn" and consent["scope"] == "Pełny zakres"
    rx = sim.ok("POST", f"/patients/{ANNA}/prescriptions",
                {"medicine": "Ibuprofen 200 mg", "dosage": "doraźnie", "continuation": False}, status=201)
    assert rx["continuation"] is False
    assert sim.admin("POST", f"/patients/{ANNA}/orders", json={"prescription_ids": [rx["id"]]}).status_code == 409
    maria_rx = sim.patient(MARIA)["prescriptions"][0]["id"]
    made = sim.ok("POST", f"/patients/{MARIA}/orders", {"prescription_ids": [maria_rx], "status": "in_progress"},
                  status=201)
    assert made["status"] == "in_progress" and made["doctor_name"] == "lek. Ewa Nowicka"


def test_an_order_arranged_on_an_earlier_day_and_never_on_a_later_one(sim):
    rx = sim.patient(JAN)["prescriptions"][0]["id"]
    today = datetime.date.fromisoformat(sim.ok("GET", "/clock")["today"])
    earlier = (today - datetime.timedelta(days=3)).isoformat()
    made = sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": [rx], "placed_on": earlier}, status=201)
    assert made["placed_on"] == earlier
    assert sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": [rx]}, status=201)["placed_on"] == \
        today.isoformat()
    later = (today + datetime.timedelta(days=1)).isoformat()
    for placed_on in (later, "3 dni temu"):
        refused = sim.admin("POST", f"/patients/{JAN}/orders", json={"prescription_ids": [rx], "placed_on": placed_on})
        assert refused.status_code == 400 and "placed_on" in refused.get_json()["error"]
    assert len(sim.patient(JAN)["orders"]) == 2


def test_order_transitions(sim):
    rx = sim.patient(JAN)["prescriptions"][0]["id"]
    order_id = sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": [rx]}, status=201)["id"]
    assert sim.ok("POST", f"/orders/{order_id}/start")["status"] == "in_progress"
    assert sim.admin("POST", f"/orders/{order_id}/start").status_code == 409
    rejected = sim.ok("POST", f"/orders/{order_id}/reject", {"comment": "Wizyta"})
    assert (rejected["status"], rejected["comment"]) == ("rejected", "Wizyta")
    for action in ("start", "fulfil", "reject"):
        assert sim.admin("POST", f"/orders/{order_id}/{action}").status_code == 409
    assert sim.admin("POST", f"/orders/{order_id}/explode").status_code == 404
    assert sim.admin("POST", f"/orders/{order_id}/reject", json={"comment": 5}).status_code == 400


def test_arranged_declaration_by_facility_and_accepted(sim):
    made = sim.ok("POST", f"/patients/{ANNA}/declarations",
                  {"role": "midwife", "facility_id": 4, "status": "accepted", "exemption": "moved"}, status=201)
    assert made["staff_name"] == "Beata Pawłowska" and made["choice_number"] == 1 and made["fee"] == 0


def test_patient_reset(sim):
    window = sim.browser()
    window.login(JAN)
    sim.ok("PATCH", f"/patients/{JAN}", {"contact": None})
    answer = sim.ok("POST", f"/patients/{JAN}/reset")
    assert answer["contact"]["email"] == "jan.nowak@example.com" and answer["session_active"] is False


def test_global_reset(sim):
    sim.ok("POST", "/patients", {"pesel": OTHER_VALID, "first_name": "Z", "last_name": "T", "baseline": ANNA},
           status=201)
    sim.ok("PATCH", "/facilities/2", {"orders_enabled": True})
    sim.ok("PUT", "/clock", {"today": "2030-01-01"})
    sim.ok("POST", "/faults", {"kind": "slow"}, status=201)
    sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True})
    sim.ok("POST", "/reset")
    assert len(sim.ok("GET", "/patients")) == 4
    assert sim.ok("GET", "/facilities")[1]["orders_enabled"] is False
    assert sim.ok("GET", "/clock") == {"today": datetime.date.today().isoformat(), "simulated": False}
    assert sim.ok("GET", "/faults") == []
    assert sim.patient(ANNA)["terms_accepted"] is False
    assert sim.ok("GET", "/events") == []


def test_clock(sim):
    assert sim.ok("GET", "/clock")["simulated"] is False
    assert sim.ok("PUT", "/clock", {"today": "2026-02-27"}) == {"today": "2026-02-27", "simulated": True}
    assert sim.ok("POST", "/clock/advance", {"days": 2})["today"] == "2026-03-01"
    assert sim.ok("POST", "/clock/advance", {"days": -1})["today"] == "2026-02-28"
    sim.ok("PUT", "/clock", {"today": "9999-12-30"})
    assert sim.admin("POST", "/clock/advance", json={"days": 5}).status_code == 400
    assert sim.ok("PUT", "/clock", {"today": None})["simulated"] is False


def test_events_filters(sim):
    for pesel in (JAN, MARIA):
        window = sim.browser()
        window.login(pesel)
        window.logout()
    all_events = sim.ok("GET", "/events")
    assert [e["kind"] for e in all_events] == ["login", "logout", "login", "logout"]
    assert {e["pesel"] for e in sim.events(pesel=MARIA)} == {MARIA}
    assert len(sim.events(kind="logout")) == 2
    assert len(sim.events(since=all_events[1]["id"])) == 2
    assert len(sim.events(since=all_events[2]["ts"])) == 2
    assert set(all_events[0]) == {"id", "ts", "kind", "pesel", "detail"}
    assert sim.admin("GET", "/events?since=yesterday").status_code == 400
    assert sim.admin("GET", "/events?since=%C2%B2").status_code == 400

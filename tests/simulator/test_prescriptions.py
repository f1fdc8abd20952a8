"""e-Prescription orders: continuation medicines, refusals, statuses, cancelling and the doctor's actions."""

import re

import pytest

from tests.simulator.conftest import ANNA, IKP, JAN, MARIA, alert, text


def rx_ids(sim, pesel):
    return {p["medicine"]: p["id"] for p in sim.patient(pesel)["prescriptions"]}


def order(window, ids):
    window.open(IKP + "/ikp/recepty")
    return window.submit(IKP + "/ikp/recepty", {"prescription": [str(i) for i in ids]})


def test_jan_sees_continuation_medicines_with_checkboxes(sim, jan):
    page = text(jan.open(IKP + "/ikp/recepty"))
    ids = rx_ids(sim, JAN)
    assert "<h1>Recepty</h1>" in page and '<ul id="prescriptions">' in page
    for medicine in ("Metformina 500 mg", "Bisoprolol 5 mg", "Atorwastatyna 20 mg"):
        n = ids[medicine]
        assert f'<input type="checkbox" name="prescription" value="{n}" id="rx-{n}">' in page
        assert f'<label for="rx-{n}">{medicine}</label>' in page
    other = re.search(rf'<li data-prescription-id="{ids["Amoksycylina 1000 mg"]}">(.*?)</li>', page, re.S).group(1)
    assert "checkbox" not in other and "Lek nie jest przyjmowany przewlekle" in other
    assert '<button type="submit">Zamów receptę</button>' in page


def test_nothing_selected(jan):
    response = order(jan, [])
    assert alert(response, "form-error") == "Zaznacz co najmniej jeden lek, aby zamówić receptę."


def test_a_medicine_not_taken_long_term_cannot_be_ordered(sim, jan):
    response = order(jan, [rx_ids(sim, JAN)["Amoksycylina 1000 mg"], 99999, "x"])
    assert alert(response, "form-error") == "Zaznacz co najmniej jeden lek, aby zamówić receptę."
    assert sim.patient(JAN)["orders"] == []


def test_order_goes_to_the_poz_doctor(sim, jan):
    ids = rx_ids(sim, JAN)
    response = order(jan, [ids["Metformina 500 mg"], ids["Bisoprolol 5 mg"]])
    assert jan.url == IKP + "/ikp/zamowione-recepty"
    assert alert(response, "flash") == "Zamówienie recepty zostało złożone."
    page = text(response)
    article = re.search(r'<article data-order-id="(\d+)".*?</article>', page, re.S).group(0)
    assert re.findall(r"<li>(.*?)</li>", article) == ["Metformina 500 mg", "Bisoprolol 5 mg"]
    assert '<p class="order-doctor">Lekarz: dr n. med. Adam Lekarski, Przychodnia Zdrowie</p>' in article
    assert '<p class="order-status">Status: Złożone</p>' in article
    assert "Anuluj zamówienie</button>" in article
    saved = sim.patient(JAN)["orders"][0]
    assert saved["status"] == "placed" and saved["doctor_name"] == "dr n. med. Adam Lekarski"
    assert sim.events(pesel=JAN, kind="order_placed")


def test_no_orders_yet(jan):
    assert alert(jan.open(IKP + "/ikp/zamowione-recepty"), "no-orders") == "Nie masz zamówionych recept."


def test_without_a_doctor_declaration_the_order_is_refused(sim):
    sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True})
    sim.ok("POST", f"/patients/{ANNA}/prescriptions", {"medicine": "Metformina 500 mg"}, status=201)
    window = sim.browser()
    window.login(ANNA)
    response = order(window, list(rx_ids(sim, ANNA).values()))
    assert alert(response, "form-error") == (
        "Nie możesz zamówić recepty: nie masz aktywnej deklaracji wyboru lekarza POZ. "
        "Złóż deklarację w sekcji Twoja Podstawowa Opieka Zdrowotna (POZ)."
    )


def test_facility_without_ordering_refuses_and_the_switch_enables_it(sim):
    window = sim.browser()
    window.login(MARIA)
    ids = list(rx_ids(sim, MARIA).values())
    response = order(window, ids)
    assert alert(response, "form-error") == (
        "Twoja placówka POZ nie realizuje zamówień recept przez Internetowe Konto Pacjenta. Skontaktuj się z placówką."
    )
    assert sim.ok("PATCH", "/facilities/2", {"orders_enabled": True})["orders_enabled"] is True
    response = order(window, ids)
    assert "Lekarz: lek. Ewa Nowicka, Ośrodek Zdrowia Kazimierz" in text(response)


def test_cancel_while_not_started(sim, jan):
    order(jan, [rx_ids(sim, JAN)["Metformina 500 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    response = jan.submit(IKP + f"/ikp/zamowione-recepty/{order_id}/anuluj")
    assert alert(response, "flash") == "Zamówienie zostało anulowane."
    assert "Status: Anulowane" in text(response)
    assert sim.events(pesel=JAN, kind="order_cancelled")


def test_cannot_cancel_once_the_doctor_started(sim, jan):
    order(jan, [rx_ids(sim, JAN)["Metformina 500 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    sim.ok("POST", f"/orders/{order_id}/start")
    response = jan.post(IKP + f"/ikp/zamowione-recepty/{order_id}/anuluj")
    assert alert(response, "form-error") == "Nie można anulować zamówienia, którego realizację lekarz już rozpoczął."
    assert "Status: W realizacji" in text(response)
    assert "Anuluj zamówienie" not in text(response)


@pytest.mark.parametrize(
    ("actions", "status"),
    [(["start", "fulfil"], "Zrealizowane"), (["fulfil"], "Zrealizowane"), (["start", "reject"], "Odrzucone")],
)
def test_statuses_follow_the_doctor(sim, jan, actions, status):
    order(jan, [rx_ids(sim, JAN)["Bisoprolol 5 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    for action in actions:
        sim.ok("POST", f"/orders/{order_id}/{action}", {"comment": "Proszę przyjść na wizytę."})
    page = text(jan.open(IKP + "/ikp/zamowione-recepty"))
    assert f'<p class="order-status">Status: {status}</p>' in page
    if status == "Odrzucone":
        assert '<p class="order-comment">Komentarz lekarza: Proszę przyjść na wizytę.</p>' in page


def test_newest_order_first(sim, jan):
    ids = rx_ids(sim, JAN)
    order(jan, [ids["Metformina 500 mg"]])
    order(jan, [ids["Bisoprolol 5 mg"]])
    page = text(jan.open(IKP + "/ikp/zamowione-recepty"))
    shown = [int(n) for n in re.findall(r'data-order-id="(\d+)"', page)]
    assert shown == sorted(shown, reverse=True) and len(shown) == 2


def test_someone_elses_order_is_not_found(sim, jan):
    sim.ok("POST", f"/patients/{MARIA}/orders", {"prescription_ids": list(rx_ids(sim, MARIA).values())}, status=201)
    order_id = sim.patient(MARIA)["orders"][0]["id"]
    jan.open(IKP + "/ikp/zamowione-recepty")
    assert jan.post(IKP + f"/ikp/zamowione-recepty/{order_id}/anuluj").status_code == 404

"""„Recepty”: „Moje recepty” (tick, „Zamów receptę”, confirm), refusals, „Zamówione recepty” (statuses, cancel,
„Zamów ponownie”) and the doctor's actions."""

import re

import pytest

from tests.simulator.conftest import ANNA, IKP, JAN, MARIA, alert, hidden_fields, text

ORDERS = IKP + "/ikp/recepty/zamowione"
CONFIRM = "/ikp/recepty/potwierdz"
NOTHING_SELECTED = "Zaznacz co najmniej jeden lek, aby zamówić receptę."
NO_DECLARATION = ("Nie możesz zamówić recepty: zamówienie trafia do lekarza z Twojej deklaracji wyboru lekarza POZ, "
                  "a nie masz aktywnej deklaracji. Złóż ją w „Moje konto”, w sekcji Twoja Podstawowa Opieka "
                  "Zdrowotna (POZ).")
ORDERING_DISABLED = ("Zamówienie nie może zostać zrealizowane: Twoja placówka POZ nie realizuje zamówień recept "
                     "przez Internetowe Konto Pacjenta. Skontaktuj się z placówką.")
ADAM = "Zamówienie trafi do lekarza: dr n. med. Adam Lekarski, Przychodnia Zdrowie"


def rx_ids(sim, pesel):
    return {p["medicine"]: p["id"] for p in sim.patient(pesel)["prescriptions"]}


def ask(window, ids):
    """Tick the medicines on „Moje recepty” and press „Zamów receptę”: the confirmation, or the list refusing."""
    window.open(IKP + "/ikp/recepty")
    return window.submit(IKP + "/ikp/recepty", {"prescription": [str(i) for i in ids]})


def confirm(window, confirmation):
    """Press „Potwierdź” on the confirmation page, sending what its form holds."""
    return window.submit(IKP + CONFIRM, hidden_fields(confirmation, CONFIRM))


def order(window, ids):
    """Order and confirm; the final response („Zamówione recepty” on success)."""
    confirmation = ask(window, ids)
    assert "<h1>Potwierdź zamówienie</h1>" in text(confirmation), alert(confirmation, "form-error")
    return confirm(window, confirmation)


def articles(response):
    """{order id: article html} in page order."""
    return {m.group(1): m.group(0)
            for m in re.finditer(r'<article data-order-id="(\d+)".*?</article>', text(response), re.S)}


def medicines_of(html):
    return re.findall(r"<li>(.*?)</li>", html)


def test_jan_sees_continuation_medicines_with_checkboxes(sim, jan):
    page = text(jan.open(IKP + "/ikp/recepty"))
    ids = rx_ids(sim, JAN)
    assert "<h1>Recepty</h1>" in page and "<h2>Moje recepty</h2>" in page and '<ul id="prescriptions">' in page
    for medicine in ("Metformina 500 mg", "Bisoprolol 5 mg", "Atorwastatyna 20 mg"):
        n = ids[medicine]
        assert f'<input type="checkbox" name="prescription" value="{n}" id="rx-{n}">' in page
        assert f'<label for="rx-{n}">{medicine}</label>' in page
    other = re.search(rf'<li data-prescription-id="{ids["Amoksycylina 1000 mg"]}">(.*?)</li>', page, re.S).group(1)
    assert "checkbox" not in other and "Lek nie jest przyjmowany przewlekle" in other
    assert '<form method="post" action="/ikp/recepty">' in page
    assert '<button type="submit">Zamów receptę</button>' in page


def test_recepty_has_two_sub_tabs(jan):
    for path, current in (("/ikp/recepty", "Moje recepty"), ("/ikp/recepty/zamowione", "Zamówione recepty")):
        page = text(jan.open(IKP + path))
        assert "<h1>Recepty</h1>" in page and f"<h2>{current}</h2>" in page
        tabs = re.search(r'<nav aria-label="Recepty">(.*?)</nav>', page, re.S).group(1)
        links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>([^<]+)</a>', tabs)
        assert [(href, name) for href, _, name in links] == [
            ("/ikp/recepty", "Moje recepty"), ("/ikp/recepty/zamowione", "Zamówione recepty")]
        assert [name for _, marked, name in links if marked] == [current]


def test_the_old_orders_address_is_gone(jan):
    assert jan.get(IKP + "/ikp/zamowione-recepty").status_code == 404


def test_nothing_selected(sim, jan):
    response = ask(jan, [])
    assert response.status_code == 422
    assert jan.url == IKP + "/ikp/recepty" and "<h2>Moje recepty</h2>" in text(response)
    assert alert(response, "form-error") == NOTHING_SELECTED
    assert "Potwierdź zamówienie" not in text(response)


def test_a_medicine_not_taken_long_term_cannot_be_ordered(sim, jan):
    response = ask(jan, [rx_ids(sim, JAN)["Amoksycylina 1000 mg"], rx_ids(sim, MARIA)["Lewotyroksyna 50 mcg"],
                         99999, "x"])
    assert response.status_code == 422
    assert alert(response, "form-error") == NOTHING_SELECTED
    assert sim.patient(JAN)["orders"] == [] and sim.patient(MARIA)["orders"] == []


def test_the_confirmation_shows_medicines_and_doctor_and_places_nothing_yet(sim, jan):
    ids = rx_ids(sim, JAN)
    chosen = [ids["Metformina 500 mg"], ids["Bisoprolol 5 mg"]]
    confirmation = ask(jan, chosen + [ids["Amoksycylina 1000 mg"]])
    assert confirmation.status_code == 200 and jan.url == IKP + "/ikp/recepty"
    page = text(confirmation)
    assert "<h1>Potwierdź zamówienie</h1>" in page
    assert "<p>Zamawiasz receptę na:</p>" in page
    listed = re.search(r'<ul id="order-medicines">(.*?)</ul>', page, re.S).group(1)
    assert medicines_of(listed) == ["Metformina 500 mg", "Bisoprolol 5 mg"]
    assert alert(confirmation, "order-doctor") == ADAM
    assert '<form method="post" action="/ikp/recepty/potwierdz">' in page
    assert hidden_fields(confirmation, CONFIRM) == {"prescription": [str(n) for n in chosen]}
    assert '<button type="submit">Potwierdź</button>' in page
    assert '<a href="/ikp/recepty">Wróć do recept</a>' in page
    assert sim.patient(JAN)["orders"] == [] and not sim.events(pesel=JAN, kind="order_placed")
    assert "<h2>Moje recepty</h2>" in text(jan.open(IKP + "/ikp/recepty"))
    assert sim.patient(JAN)["orders"] == [], "going back places nothing"


def test_confirmed_order_goes_to_the_poz_doctor(sim, jan):
    sim.ok("PUT", "/clock", {"today": "2026-04-15"})
    ids = rx_ids(sim, JAN)
    response = order(jan, [ids["Metformina 500 mg"], ids["Bisoprolol 5 mg"]])
    assert jan.url == ORDERS
    assert alert(response, "flash") == "Zamówienie recepty zostało złożone."
    assert "<h1>Recepty</h1>" in text(response) and "<h2>Zamówione recepty</h2>" in text(response)
    saved = sim.patient(JAN)["orders"][0]
    (order_id, article), = articles(response).items()
    assert int(order_id) == saved["id"]
    assert f'aria-labelledby="order-{order_id}-title"' in article
    assert f'<h3 id="order-{order_id}-title">Zamówienie z dnia 2026-04-15 (nr {order_id})</h3>' in article
    assert medicines_of(article) == ["Metformina 500 mg", "Bisoprolol 5 mg"]
    assert '<p class="order-doctor">Lekarz: dr n. med. Adam Lekarski, Przychodnia Zdrowie</p>' in article
    assert '<p class="order-status">Status: Złożone</p>' in article
    assert "Anuluj zamówienie</button>" in article and "Zamów ponownie" not in article
    assert saved["status"] == "placed" and saved["doctor_name"] == "dr n. med. Adam Lekarski"
    assert [e["detail"]["medicines"] for e in sim.events(pesel=JAN, kind="order_placed")] == [
        ["Metformina 500 mg", "Bisoprolol 5 mg"]]


def test_confirming_only_orders_own_continuation_medicines(sim, jan):
    ids = rx_ids(sim, JAN)
    ask(jan, [ids["Metformina 500 mg"]])
    extra = [ids["Metformina 500 mg"], ids["Amoksycylina 1000 mg"], rx_ids(sim, MARIA)["Lewotyroksyna 50 mcg"]]
    jan.submit(IKP + CONFIRM, {"prescription": [str(n) for n in extra]})
    assert [m["medicine"] for m in sim.patient(JAN)["orders"][0]["medicines"]] == ["Metformina 500 mg"]
    assert sim.patient(MARIA)["orders"] == []


def test_confirming_nothing_is_refused_on_the_list(sim, jan):
    ask(jan, [rx_ids(sim, JAN)["Metformina 500 mg"]])
    response = jan.submit(IKP + CONFIRM, {"prescription": [str(rx_ids(sim, JAN)["Amoksycylina 1000 mg"])]})
    assert response.status_code == 422
    assert alert(response, "form-error") == NOTHING_SELECTED and "<h2>Moje recepty</h2>" in text(response)
    assert sim.patient(JAN)["orders"] == []


def test_no_orders_yet(jan):
    assert alert(jan.open(ORDERS), "no-orders") == "Nie masz zamówionych recept."


def test_without_a_doctor_declaration_the_order_is_refused(sim):
    sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True})
    sim.ok("POST", f"/patients/{ANNA}/prescriptions", {"medicine": "Metformina 500 mg"}, status=201)
    window = sim.browser()
    window.login(ANNA)
    ids = list(rx_ids(sim, ANNA).values())
    response = ask(window, ids)
    assert response.status_code == 422 and window.url == IKP + "/ikp/recepty"
    assert alert(response, "form-error") == NO_DECLARATION
    assert f'value="{ids[0]}" id="rx-{ids[0]}" checked' in text(response), "the ticks stay"
    assert sim.patient(ANNA)["orders"] == []


def test_facility_without_ordering_refuses_and_the_switch_enables_it(sim):
    window = sim.browser()
    window.login(MARIA)
    ids = list(rx_ids(sim, MARIA).values())
    response = ask(window, ids)
    assert response.status_code == 422
    assert alert(response, "form-error") == ORDERING_DISABLED
    assert "nie może zostać zrealizowane" in alert(response, "form-error")
    assert sim.patient(MARIA)["orders"] == []
    assert sim.ok("PATCH", "/facilities/2", {"orders_enabled": True})["orders_enabled"] is True
    confirmation = ask(window, ids)
    assert alert(confirmation, "order-doctor") == (
        "Zamówienie trafi do lekarza: lek. Ewa Nowicka, Ośrodek Zdrowia Kazimierz")
    response = confirm(window, confirmation)
    assert "Lekarz: lek. Ewa Nowicka, Ośrodek Zdrowia Kazimierz" in text(response)


def test_a_refusal_between_confirmation_and_potwierdz_is_shown_on_the_list(sim):
    sim.ok("PATCH", "/facilities/2", {"orders_enabled": True})
    window = sim.browser()
    window.login(MARIA)
    confirmation = ask(window, list(rx_ids(sim, MARIA).values()))
    sim.ok("PATCH", "/facilities/2", {"orders_enabled": False})
    response = confirm(window, confirmation)
    assert response.status_code == 422 and window.url == IKP + CONFIRM
    assert alert(response, "form-error") == ORDERING_DISABLED and "<h2>Moje recepty</h2>" in text(response)
    assert sim.patient(MARIA)["orders"] == []


def test_the_order_goes_to_the_doctor_of_the_last_accepted_declaration(sim, jan):
    sim.ok("POST", f"/patients/{JAN}/declarations", {"role": "doctor", "staff_id": 8, "status": "accepted"},
           status=201)
    ids = rx_ids(sim, JAN)
    confirmation = ask(jan, [ids["Atorwastatyna 20 mg"]])
    assert alert(confirmation, "order-doctor") == (
        "Zamówienie trafi do lekarza: lek. Piotr Mazur, Centrum Medyczne Zdrowa Rodzina")
    response = confirm(jan, confirmation)
    assert "Lekarz: lek. Piotr Mazur, Centrum Medyczne Zdrowa Rodzina" in text(response)
    assert sim.patient(JAN)["orders"][0]["doctor_name"] == "lek. Piotr Mazur"


def test_cancel_while_not_started(sim, jan):
    order(jan, [rx_ids(sim, JAN)["Metformina 500 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    response = jan.submit(ORDERS + f"/{order_id}/anuluj")
    assert jan.url == ORDERS
    assert alert(response, "flash") == "Zamówienie zostało anulowane."
    article = articles(response)[str(order_id)]
    assert "Status: Anulowane" in article and "Anuluj zamówienie" not in article
    assert "Zamów ponownie</button>" in article
    assert sim.patient(JAN)["orders"][0]["status"] == "cancelled"
    assert sim.events(pesel=JAN, kind="order_cancelled")


def test_cannot_cancel_once_the_doctor_started(sim, jan):
    order(jan, [rx_ids(sim, JAN)["Metformina 500 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    sim.ok("POST", f"/orders/{order_id}/start")
    response = jan.post(ORDERS + f"/{order_id}/anuluj")
    assert response.status_code == 409
    assert alert(response, "form-error") == "Nie można anulować zamówienia, którego realizację lekarz już rozpoczął."
    assert "Status: W realizacji" in text(response)
    assert "Anuluj zamówienie" not in text(response) and "Zamów ponownie" not in text(response)
    assert sim.patient(JAN)["orders"][0]["status"] == "in_progress"


@pytest.mark.parametrize(
    ("actions", "status"),
    [(["start", "fulfil"], "Zrealizowane"), (["fulfil"], "Zrealizowane"), (["start", "reject"], "Odrzucone"),
     (["reject"], "Odrzucone")],
)
def test_statuses_follow_the_doctor(sim, jan, actions, status):
    order(jan, [rx_ids(sim, JAN)["Bisoprolol 5 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    for action in actions:
        sim.ok("POST", f"/orders/{order_id}/{action}", {"comment": "Proszę przyjść na wizytę."})
    page = text(jan.open(ORDERS))
    assert f'<p class="order-status">Status: {status}</p>' in page
    if status == "Odrzucone":
        assert '<p class="order-comment">Komentarz lekarza: Proszę przyjść na wizytę.</p>' in page


@pytest.mark.parametrize(("actions", "repeatable"), [([], False), (["start"], False), (["fulfil"], True),
                                                     (["reject"], True), (["cancel"], True)])
def test_zamow_ponownie_is_offered_on_finished_orders_only(sim, jan, actions, repeatable):
    order(jan, [rx_ids(sim, JAN)["Bisoprolol 5 mg"]])
    order_id = sim.patient(JAN)["orders"][0]["id"]
    for action in actions:
        if action == "cancel":
            jan.submit(ORDERS + f"/{order_id}/anuluj")
        else:
            sim.ok("POST", f"/orders/{order_id}/{action}")
    article = articles(jan.open(ORDERS))[str(order_id)]
    form = (f'<form method="post" action="/ikp/recepty/zamowione/{order_id}/ponow">' in article
            and f'<button type="submit" aria-describedby="order-{order_id}-title">Zamów ponownie</button>' in article)
    assert form is repeatable and ("Zamów ponownie" in article) is repeatable


@pytest.mark.parametrize("finish", ["cancel", "reject", "fulfil"])
def test_zamow_ponownie_confirms_the_same_medicines(sim, jan, finish):
    ids = rx_ids(sim, JAN)
    order(jan, [ids["Metformina 500 mg"], ids["Atorwastatyna 20 mg"]])
    first = sim.patient(JAN)["orders"][0]["id"]
    if finish == "cancel":
        jan.submit(ORDERS + f"/{first}/anuluj")
    else:
        sim.ok("POST", f"/orders/{first}/{finish}")
    jan.open(ORDERS)
    confirmation = jan.submit(ORDERS + f"/{first}/ponow")
    assert confirmation.status_code == 200
    assert "<h1>Potwierdź zamówienie</h1>" in text(confirmation)
    listed = re.search(r'<ul id="order-medicines">(.*?)</ul>', text(confirmation), re.S).group(1)
    assert medicines_of(listed) == ["Metformina 500 mg", "Atorwastatyna 20 mg"]
    assert alert(confirmation, "order-doctor") == ADAM
    assert len(sim.patient(JAN)["orders"]) == 1, "nothing is placed before „Potwierdź”"
    response = confirm(jan, confirmation)
    assert jan.url == ORDERS and alert(response, "flash") == "Zamówienie recepty zostało złożone."
    newest, earlier = sim.patient(JAN)["orders"]
    assert earlier["id"] == first and newest["status"] == "placed"
    assert [m["medicine"] for m in newest["medicines"]] == ["Metformina 500 mg", "Atorwastatyna 20 mg"]
    assert list(articles(response)) == [str(newest["id"]), str(first)]


def test_zamow_ponownie_is_refused_like_a_new_order(sim):
    maria_rx = list(rx_ids(sim, MARIA).values())
    earlier = sim.ok("POST", f"/patients/{MARIA}/orders", {"prescription_ids": maria_rx, "status": "fulfilled"},
                     status=201)
    window = sim.browser()
    window.login(MARIA)
    window.open(ORDERS)
    response = window.submit(ORDERS + f"/{earlier['id']}/ponow")
    assert response.status_code == 422
    assert alert(response, "form-error") == ORDERING_DISABLED and "<h2>Moje recepty</h2>" in text(response)
    assert len(sim.patient(MARIA)["orders"]) == 1


def test_zamow_ponownie_goes_to_the_current_doctor(sim, jan):
    ids = rx_ids(sim, JAN)
    order(jan, [ids["Bisoprolol 5 mg"]])
    first = sim.patient(JAN)["orders"][0]["id"]
    sim.ok("POST", f"/orders/{first}/fulfil")
    sim.ok("POST", f"/patients/{JAN}/declarations", {"role": "doctor", "staff_id": 11, "status": "accepted"},
           status=201)
    jan.open(ORDERS)
    confirmation = jan.submit(ORDERS + f"/{first}/ponow")
    assert alert(confirmation, "order-doctor") == (
        "Zamówienie trafi do lekarza: lek. Krzysztof Szymański, Przychodnia Morska")


def test_newest_order_first(sim, jan):
    ids = rx_ids(sim, JAN)
    order(jan, [ids["Metformina 500 mg"]])
    order(jan, [ids["Bisoprolol 5 mg"]])
    page = text(jan.open(ORDERS))
    shown = [int(n) for n in re.findall(r'data-order-id="(\d+)"', page)]
    assert shown == sorted(shown, reverse=True) and len(shown) == 2


def test_someone_elses_order_is_not_found(sim, jan):
    sim.ok("POST", f"/patients/{MARIA}/orders", {"prescription_ids": list(rx_ids(sim, MARIA).values()),
                                                  "status": "cancelled"}, status=201)
    order_id = sim.patient(MARIA)["orders"][0]["id"]
    jan.open(ORDERS)
    assert jan.post(ORDERS + f"/{order_id}/anuluj").status_code == 404
    jan.open(ORDERS)
    assert jan.post(ORDERS + f"/{order_id}/ponow").status_code == 404
    jan.open(ORDERS)
    assert jan.post(ORDERS + "/999999/ponow").status_code == 404
    assert sim.patient(MARIA)["orders"][0]["status"] == "cancelled" and sim.patient(JAN)["orders"] == []

"""POZ declarations: search, person, confirmation with choice number and fee, list, facility decisions, 7 days."""

import html
import re

import pytest

from tests.simulator.conftest import ANNA, IKP, JAN, STANISLAW, alert, text

TODAY = "2026-05-20"


@pytest.fixture
def login(sim):
    sim.ok("PUT", "/clock", {"today": TODAY})

    def open_window(pesel):
        window = sim.browser()
        window.login(pesel)
        return window
    return open_window


def facility_links(response):
    """[(facility id, href, name, unit)] of the search results: each facility is chosen by clicking its name."""
    return [(int(n), html.unescape(href), name, unit) for n, href, name, unit in re.findall(
        r'<li data-facility-id="(\d+)">\s*<a class="facility-name" href="([^"]+)">([^<]+)</a>\s*'
        r'<span class="facility-unit">([^<]+)</span>', text(response))]


def declare(window, role="lekarz", facility=3, staff=None, reason="none"):
    """Walk the three steps (the facility chosen by its name in the results); return the summary and the final
    response."""
    results = window.open(IKP + f"/ikp/deklaracje/nowa?rola={role}&q=a")
    href = next(href for n, href, _, _ in facility_links(results) if n == facility)
    page = text(window.open(IKP + href))
    assert window.url == IKP + f"/ikp/deklaracje/nowa/osoba?rola={role}&placowka={facility}"
    staff = staff or re.search(r'name="staff" id="staff-(\d+)"', page).group(1)
    form = {"rola": role, "placowka": facility, "staff": staff, "reason": reason}
    summary = window.submit(IKP + "/ikp/deklaracje/nowa/podsumowanie", form)
    return summary, window.submit(IKP + "/ikp/deklaracje/nowa/zloz", form)


def rows(response):
    return re.findall(r'<tr data-declaration-id="\d+" data-role="(\w+)" data-status="(\w+)">(.*?)</tr>',
                      text(response), re.S)


def cells(row_html):
    return [" ".join(c.split()) for c in re.findall(r"<td>(.*?)</td>", row_html, re.S)]


def test_account_poz_section(login):
    page = text(login(JAN).open(IKP + "/ikp/konto"))
    section = re.search(r'<section id="poz">(.*?)</section>', page, re.S).group(1)
    assert "<h2>Twoja Podstawowa Opieka Zdrowotna (POZ)</h2>" in section
    doctor = re.search(r'<div id="poz-lekarz".*?</div>', section, re.S).group(0)
    assert "dr n. med. Adam Lekarski" in doctor and "Przychodnia Zdrowie" in doctor
    assert '<a href="/ikp/deklaracje/nowa?rola=lekarz"' in doctor and "Wypełnij deklarację</a>" in doctor
    assert 'id="poz-pielegniarka"' in section and 'id="poz-polozna"' in section
    assert '<a href="/ikp/deklaracje">Zobacz deklaracje</a>' in section


def test_without_declarations_no_person_is_chosen(sim, login):
    sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True})
    page = text(login(ANNA).open(IKP + "/ikp/konto"))
    assert page.count("Brak wybranej osoby") == 3


@pytest.mark.parametrize(
    ("query", "found"),
    [("kraków", [3]), ("KAZIMIERZ", [2]), ("przychodnia", [1, 4]), ("Zdrow", [1, 2, 3]), ("Łódź", [])],
)
def test_facility_search(login, query, found):
    response = login(JAN).open(IKP + f"/ikp/deklaracje/nowa?rola=lekarz&q={query}")
    assert [int(n) for n in re.findall(r'<li data-facility-id="(\d+)"', text(response))] == found
    assert [n for n, _, _, _ in facility_links(response)] == found
    if not found:
        assert alert(response, "no-facilities") == "Nie znaleziono placówek spełniających kryteria wyszukiwania."


@pytest.mark.parametrize(
    ("role", "unit"),
    [("lekarz", "poradnia lekarza podstawowej opieki zdrowotnej"), ("pielegniarka", "gabinet pielęgniarki POZ"),
     ("polozna", "gabinet położnej POZ")],
)
def test_a_facility_is_chosen_by_its_name_and_shows_its_unit(login, role, unit):
    window = login(JAN)
    results = window.open(IKP + f"/ikp/deklaracje/nowa?rola={role}&q=Kraków")
    page = text(results)
    assert "Krok 1 z 3: wyszukaj placówkę POZ i wybierz ją, klikając jej nazwę." in page
    assert facility_links(results) == [
        (3, f"/ikp/deklaracje/nowa/osoba?rola={role}&placowka=3", "Centrum Medyczne Zdrowa Rodzina", unit)]
    entry = re.search(r'<li data-facility-id="3">(.*?)</li>', page, re.S).group(1)
    assert '<span class="facility-address">ul. Długa 10, 30-001 Kraków</span>' in entry
    assert "Wybierz" not in page
    assert len(re.findall(r"<a ", entry)) == 1, "the name is the only link of an entry"
    step_2 = window.open(IKP + facility_links(results)[0][1])
    assert alert(step_2, "chosen-facility") == "Placówka: Centrum Medyczne Zdrowa Rodzina, ul. Długa 10, 30-001 Kraków"


def test_step_pages(login):
    window = login(JAN)
    page = text(window.open(IKP + "/ikp/deklaracje/nowa?rola=pielegniarka"))
    assert "<h1>Deklaracja wyboru pielęgniarki POZ</h1>" in page
    assert '<label for="facility_query">Miejscowość lub nazwa placówki</label>' in page
    assert '<button type="submit">Szukaj</button>' in page and 'id="facilities"' not in page
    page = text(window.open(IKP + "/ikp/deklaracje/nowa/osoba?rola=polozna&placowka=3"))
    assert "<h1>Deklaracja wyboru położnej POZ</h1>" in page
    assert '<label for="staff-10">Monika Kaczmarek</label>' in page and "staff-8" not in page
    assert '<label for="reason">Powód zmiany</label>' in page
    assert '<option value="moved">Zmiana miejsca zamieszkania</option>' in page


@pytest.mark.parametrize(
    "path",
    ["/ikp/deklaracje/nowa?rola=dentysta", "/ikp/deklaracje/nowa", "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=99",
     "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=x", "/ikp/deklaracje/nowa/osoba?rola=lekarz"],
)
def test_unknown_role_or_facility_is_not_found(login, path):
    assert login(JAN).get(IKP + path).status_code == 404


def test_choosing_nobody(login):
    window = login(JAN)
    window.open(IKP + "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=3")
    response = window.submit(IKP + "/ikp/deklaracje/nowa/podsumowanie",
                             {"rola": "lekarz", "placowka": "3", "reason": "none"})
    assert alert(response, "staff-error") == "Wybierz osobę z listy."
    response = window.submit(IKP + "/ikp/deklaracje/nowa/podsumowanie",
                             {"rola": "lekarz", "placowka": "3", "staff": "1", "reason": "none"})
    assert alert(response, "staff-error") == "Wybierz osobę z listy."


def test_first_choice_of_the_year_is_free(sim, login):
    summary, done = declare(login(JAN), role="pielegniarka", facility=3)
    assert alert(summary, "choice-number") == "To będzie Twój 1. wybór w 2026 roku."
    assert alert(summary, "fee") == "Ten wybór jest bezpłatny."
    assert "<h1>Potwierdź deklarację</h1>" in text(summary)
    assert "800115*****" in text(summary) and JAN not in text(summary)
    assert alert(done, "flash") == "Deklaracja została złożona."
    role, status, html = rows(done)[0]
    assert (role, status) == ("nurse", "submitted")
    assert cells(html) == ["pielęgniarka", "Centrum Medyczne Zdrowa Rodzina", "Elżbieta Woźniak", TODAY, "1.",
                           "bez opłaty", "Złożona", "—"]
    assert sim.events(pesel=JAN, kind="declaration_submitted")


def test_third_change_costs_80_zl(login):
    summary, done = declare(login(STANISLAW))
    assert alert(summary, "choice-number") == "To będzie Twój 3. wybór w 2026 roku."
    assert alert(summary, "fee") == "Ten wybór jest płatny: 80 zł."
    assert cells(rows(done)[0][2])[4:7] == ["3.", "80 zł", "Złożona"]


@pytest.mark.parametrize("reason", ["moved", "provider_stopped", "provider_fault", "turned_18"])
def test_an_art_9_reason_makes_the_third_change_free(login, reason):
    summary, done = declare(login(STANISLAW), reason=reason)
    assert alert(summary, "fee") == "Ten wybór jest bezpłatny."
    assert cells(rows(done)[0][2])[5] == "bez opłaty"


def test_choices_are_counted_per_role_and_year(sim, login):
    sim.ok("POST", f"/patients/{JAN}/declarations",
           {"role": "doctor", "staff_id": 8, "status": "rejected", "submitted_on": "2025-12-31"}, status=201)
    summary, _ = declare(login(JAN), role="lekarz")
    assert alert(summary, "choice-number") == "To będzie Twój 1. wybór w 2026 roku."


def test_facility_accepts_and_the_previous_choice_ends(sim, login):
    window = login(JAN)
    declare(window, role="lekarz", facility=3, staff="8")
    new = next(d for d in sim.patient(JAN)["declarations"] if d["status"] == "submitted")
    sim.ok("POST", f"/declarations/{new['id']}/accept")
    statuses = {d["staff_name"]: d["status"] for d in sim.patient(JAN)["declarations"] if d["role"] == "doctor"}
    assert statuses == {"lek. Piotr Mazur": "accepted", "dr n. med. Adam Lekarski": "ended"}
    listed = window.open(IKP + "/ikp/deklaracje")
    assert "<h1>Twoje deklaracje POZ</h1>" in text(listed)
    shown = {cells(html)[2]: cells(html)[6] for role, _, html in rows(listed) if role == "doctor"}
    assert shown == {"lek. Piotr Mazur": "Zaakceptowana", "dr n. med. Adam Lekarski": "Zakończona"}
    konto = text(window.open(IKP + "/ikp/konto"))
    assert "lek. Piotr Mazur" in re.search(r'<div id="poz-lekarz".*?</div>', konto, re.S).group(0)
    assert sim.admin("POST", f"/declarations/{new['id']}/reject").status_code == 409


def test_facility_rejection_shows_its_comment(sim, login):
    window = login(JAN)
    declare(window)
    new = next(d for d in sim.patient(JAN)["declarations"] if d["status"] == "submitted")
    sim.ok("POST", f"/declarations/{new['id']}/reject", {"comment": "Brak miejsc."})
    _, status, html = rows(window.open(IKP + "/ikp/deklaracje"))[0]
    assert status == "rejected" and cells(html)[6:] == ["Odrzucona", "Brak miejsc."]


@pytest.mark.parametrize(("days", "status"), [(6, "submitted"), (7, "rejected")])
def test_automatic_rejection_after_7_days(sim, login, days, status):
    window = login(JAN)
    declare(window)
    sim.ok("POST", "/clock/advance", {"days": days})
    _, shown, html = rows(window.open(IKP + "/ikp/deklaracje"))[0]
    assert shown == status
    if status == "rejected":
        assert cells(html)[6:] == ["Odrzucona", "Placówka nie przyjęła deklaracji w ciągu 7 dni."]
        assert sim.events(pesel=JAN, kind="declaration_rejected")[0]["detail"]["automatic"] is True


def test_no_declarations_yet(sim, login):
    sim.ok("PATCH", f"/patients/{ANNA}", {"terms_accepted": True})
    response = login(ANNA).open(IKP + "/ikp/deklaracje")
    assert alert(response, "no-declarations") == "Nie masz jeszcze żadnych deklaracji POZ."

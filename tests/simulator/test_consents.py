"""„Uprawnienia”: grant, validation rules, duplicates, withdrawal and history."""

import re

import pytest

from tests.simulator.conftest import IKP, JAN, OTHER_VALID, alert, text

TODAY = "2026-03-10"
RECORDS = "records_access"


@pytest.fixture
def window(sim, jan):
    sim.ok("PUT", "/clock", {"today": TODAY})
    jan.open(IKP + "/ikp/uprawnienia/nowe")
    return jan


def grant(window, **fields):
    form = {"kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID, "scope": "",
            "date_from": "", "date_to": ""}
    form.update(fields)
    return window.submit(IKP + "/ikp/uprawnienia/nowe", form)


def test_empty_list(jan):
    response = jan.open(IKP + "/ikp/uprawnienia")
    assert alert(response, "no-consents") == "Nie masz jeszcze żadnych uprawnień."
    assert '<a href="/ikp/uprawnienia/nowe">Dodaj uprawnienie</a>' in text(response)


def test_form_offers_the_four_kinds(window):
    page = text(window.open(IKP + "/ikp/uprawnienia/nowe"))
    assert "<h1>Dodaj uprawnienie</h1>" in page
    for value, label in [
        ("records_access", "Upoważnienie do dostępu do dokumentacji medycznej"),
        ("health_info", "Upoważnienie do uzyskiwania informacji o stanie zdrowia"),
        ("treatment_consent", "Zgoda na udzielenie określonych świadczeń zdrowotnych"),
        ("treatment_refusal", "Sprzeciw wobec udzielenia określonych świadczeń zdrowotnych"),
    ]:
        assert f'<option value="{value}">{label}</option>' in page


def test_grant_an_authorisation(sim, window):
    response = grant(window, date_to="2026-12-31")
    assert window.url == IKP + "/ikp/uprawnienia"
    assert alert(response, "flash") == "Uprawnienie zostało zapisane."
    page = text(response)
    row = re.search(r'<tr data-consent-id="(\d+)" data-kind="records_access"[^>]*>(.*?)</tr>', page, re.S)
    cells = [" ".join(c.split()) for c in re.findall(r"<td>(.*?)</td>", row.group(2), re.S)]
    assert cells[:6] == ["Upoważnienie do dostępu do dokumentacji medycznej", "Ewa Nowak (PESEL 152320*****)",
                         "Pełny zakres", TODAY, "2026-12-31", "Aktywna"]
    assert "Wycofaj</button>" in cells[6]
    assert OTHER_VALID not in page
    consent = sim.patient(JAN)["consents"][0]
    assert consent["person_pesel"] == OTHER_VALID and consent["status"] == "active"
    assert sim.events(pesel=JAN, kind="consent_granted")


def test_consent_to_treatment_needs_a_scope_but_no_person(sim, window):
    response = grant(window, kind="treatment_consent", person_name="", person_pesel="", scope="")
    assert alert(response, "scope-error") == "Opisz zakres świadczeń."
    response = grant(window, kind="treatment_refusal", person_name="", person_pesel="", scope="Transfuzja krwi")
    assert alert(response, "flash") == "Uprawnienie zostało zapisane."
    assert sim.patient(JAN)["consents"][0]["scope"] == "Transfuzja krwi"


@pytest.mark.parametrize(
    ("fields", "element_id", "message"),
    [
        ({"kind": ""}, "kind-error", "Wybierz rodzaj uprawnienia."),
        ({"person_name": "  "}, "person_name-error", "Podaj imię i nazwisko osoby."),
        ({"person_pesel": ""}, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": "87061302072"}, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": "123"}, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": JAN}, "person_pesel-error", "Nie możesz udzielić uprawnienia sam sobie."),
        ({"date_from": "2026-03-09"}, "date_from-error", "Data rozpoczęcia nie może być wcześniejsza niż dzisiaj."),
        ({"date_from": "10.03.2026"}, "date_from-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_from": "2026-02-30"}, "date_from-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_to": "jutro"}, "date_to-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_from": "2026-04-01", "date_to": "2026-03-31"}, "date_to-error",
         "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."),
        ({"date_to": "2026-03-09"}, "date_to-error",
         "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."),
    ],
)
def test_grant_validation(sim, window, fields, element_id, message):
    response = grant(window, **fields)
    assert window.url == IKP + "/ikp/uprawnienia/nowe"
    assert alert(response, element_id) == message
    assert text(response).count('role="alert"') == 1
    assert sim.patient(JAN)["consents"] == []


def test_start_today_is_allowed(sim, window):
    grant(window, date_from=TODAY)
    assert sim.patient(JAN)["consents"][0]["date_from"] == TODAY


def test_no_duplicate_active_consent(sim, window):
    grant(window)
    window.open(IKP + "/ikp/uprawnienia/nowe")
    response = grant(window, person_name="Ewa Nowak-Kowalska")
    assert alert(response, "form-error") == "Masz już aktywne uprawnienie tego rodzaju dla tej osoby."
    window.open(IKP + "/ikp/uprawnienia/nowe")
    assert alert(grant(window, kind="health_info"), "flash") == "Uprawnienie zostało zapisane."


def test_withdrawn_consent_stays_in_history_and_can_be_granted_again(sim, window):
    grant(window)
    consent_id = sim.patient(JAN)["consents"][0]["id"]
    response = window.submit(IKP + f"/ikp/uprawnienia/{consent_id}/wycofaj")
    assert alert(response, "flash") == "Uprawnienie zostało wycofane."
    row = re.search(rf'<tr data-consent-id="{consent_id}".*?</tr>', text(response), re.S).group(0)
    assert "<td>Wycofana</td>" in row and "Wycofaj</button>" not in row
    assert sim.patient(JAN)["consents"][0]["withdrawn_on"] == TODAY
    window.open(IKP + "/ikp/uprawnienia/nowe")
    assert alert(grant(window), "flash") == "Uprawnienie zostało zapisane."
    assert [c["status"] for c in sim.patient(JAN)["consents"]] == ["withdrawn", "active"]
    assert sim.events(pesel=JAN, kind="consent_withdrawn")


def test_withdrawing_twice_or_someone_elses_consent_is_not_found(sim, window):
    grant(window)
    consent_id = sim.patient(JAN)["consents"][0]["id"]
    window.open(IKP + "/ikp/uprawnienia")
    window.submit(IKP + f"/ikp/uprawnienia/{consent_id}/wycofaj")
    assert window.post(IKP + f"/ikp/uprawnienia/{consent_id}/wycofaj").status_code == 404
    assert window.post(IKP + "/ikp/uprawnienia/999999/wycofaj").status_code == 404

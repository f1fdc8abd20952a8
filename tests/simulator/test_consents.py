"""„Uprawnienia”: the grant wizard (kind, person or services, scope and dates), its refusals on the step that
asked, duplicates, withdrawal and history."""

import re

import pytest

from tests.simulator.conftest import IKP, JAN, OTHER_VALID, alert, hidden_fields, text

TODAY = "2026-03-10"
RECORDS = "records_access"
PERSON_KINDS = ("records_access", "health_info")
NEW = IKP + "/ikp/uprawnienia/nowe"
ACTION = "/ikp/uprawnienia/nowe"
KIND_LABELS = {
    "records_access": "Upoważnienie do dostępu do dokumentacji medycznej",
    "health_info": "Zgoda na udzielanie informacji o stanie zdrowia",
    "treatment_consent": "Zgoda na udzielenie określonych świadczeń zdrowotnych",
    "treatment_refusal": "Odmowa zgody na udzielenie określonych świadczeń zdrowotnych",
}
DUPLICATE = "Masz już aktywne uprawnienie tego rodzaju dla tej osoby."


@pytest.fixture
def window(sim, jan):
    sim.ok("PUT", "/clock", {"today": TODAY})
    return jan


def step_of(response):
    """The wizard step a page shows (1, 2 or 3), or None when it is no wizard page."""
    match = re.search(r"<p>Krok (\d) z 3</p>", text(response))
    return int(match.group(1)) if match else None


def press(window, response, **fields):
    """Press the button of the step shown in `response`: its hidden fields, as a browser sends them, plus `fields`."""
    form = hidden_fields(response, ACTION)
    form.update(fields)
    return window.submit(NEW, form)


def grant(window, kind=RECORDS, person_name="Ewa Nowak", person_pesel=OTHER_VALID, scope=None, date_from="",
          date_to=""):
    """Walk the wizard from its first step; the step that refused, or the list after „Zapisz”."""
    page = press(window, window.open(NEW), kind=kind)
    if step_of(page) != 2:
        return page
    if kind in PERSON_KINDS:
        page = press(window, page, person_name=person_name, person_pesel=person_pesel)
    else:
        page = press(window, page, scope=scope or "")
    if step_of(page) != 3:
        return page
    fields = {"date_from": date_from, "date_to": date_to}
    if kind in PERSON_KINDS:
        fields["scope"] = scope or "Pełny zakres"
    return press(window, page, **fields)


def to_step_3(window, kind=RECORDS, second=None):
    """The third step of the wizard for this kind (step 2 answered with `second` or a default)."""
    page = press(window, window.open(NEW), kind=kind)
    default = {"person_name": "Ewa Nowak", "person_pesel": OTHER_VALID} if kind in PERSON_KINDS else {
        "scope": "Transfuzja krwi"}
    page = press(window, page, **(second or default))
    assert step_of(page) == 3, text(page)
    return page


def row_cells(response, consent_id):
    row = re.search(rf'<tr data-consent-id="{consent_id}"[^>]*>(.*?)</tr>', text(response), re.S).group(1)
    return [" ".join(c.split()) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_empty_list(jan):
    response = jan.open(IKP + "/ikp/uprawnienia")
    assert alert(response, "no-consents") == "Nie masz jeszcze żadnych uprawnień."
    assert '<a href="/ikp/uprawnienia/nowe">Dodaj uprawnienie</a>' in text(response)


def test_step_1_offers_the_four_kinds(window):
    response = window.open(NEW)
    page = text(response)
    assert "<h1>Dodaj uprawnienie</h1>" in page and step_of(response) == 1
    assert "<legend>Rodzaj uprawnienia</legend>" in page
    for value, label in KIND_LABELS.items():
        assert f'<input type="radio" name="kind" id="kind-{value}" value="{value}">' in page
        assert f'<label for="kind-{value}">{label}</label>' in page
    assert hidden_fields(response, ACTION) == {"krok": "1"}
    assert '<button type="submit">Dalej</button>' in page and "Zapisz</button>" not in page
    assert 'name="person_name"' not in page and 'name="scope"' not in page and 'name="date_from"' not in page


@pytest.mark.parametrize("kind", ["", "love", "records_access "])
def test_step_1_without_a_kind_is_refused_on_step_1(sim, window, kind):
    response = press(window, window.open(NEW), kind=kind)
    assert response.status_code == 422 and step_of(response) == 1 and window.url == NEW
    assert alert(response, "kind-error") == "Wybierz rodzaj uprawnienia."
    assert '<fieldset aria-invalid="true" aria-describedby="kind-error">' in text(response)
    assert text(response).count('role="alert"') == 1
    assert sim.patient(JAN)["consents"] == []


@pytest.mark.parametrize("kind", PERSON_KINDS)
def test_step_2_asks_for_the_person(window, kind):
    response = press(window, window.open(NEW), kind=kind)
    page = text(response)
    assert response.status_code == 200 and step_of(response) == 2
    assert f"<p>Rodzaj: {KIND_LABELS[kind]}</p>" in page
    assert "Podaj osobę, której udzielasz uprawnienia." in page
    assert '<label for="person_name">Imię i nazwisko osoby</label>' in page
    assert '<label for="person_pesel">PESEL osoby</label>' in page
    assert hidden_fields(response, ACTION) == {"krok": "2", "kind": kind}
    assert '<button type="submit">Dalej</button>' in page
    assert 'name="scope"' not in page and 'name="date_from"' not in page and 'name="kind" id=' not in page


@pytest.mark.parametrize("kind", ["treatment_consent", "treatment_refusal"])
def test_step_2_asks_for_the_services_and_no_person(window, kind):
    response = press(window, window.open(NEW), kind=kind)
    page = text(response)
    assert step_of(response) == 2 and f"<p>Rodzaj: {KIND_LABELS[kind]}</p>" in page
    assert '<label for="scope">Opis świadczeń</label>' in page
    assert '<input id="scope" name="scope" type="text" value="">' in page
    assert 'name="person_name"' not in page and 'name="person_pesel"' not in page
    assert hidden_fields(response, ACTION) == {"krok": "2", "kind": kind}


def test_step_3_for_a_person_asks_for_the_scope_and_dates(window):
    response = to_step_3(window)
    page = text(response)
    assert "<p>Rodzaj: Upoważnienie do dostępu do dokumentacji medycznej, osoba: Ewa Nowak</p>" in page
    assert "<legend>Zakres</legend>" in page
    assert '<input type="radio" name="scope" id="scope-1" value="Pełny zakres" checked>' in page
    assert '<label for="scope-1">Pełny zakres</label>' in page
    assert '<input type="radio" name="scope" id="scope-2" value="Tylko e-recepty">' in page
    assert '<label for="scope-2">Tylko e-recepty</label>' in page
    assert '<label for="date_from">Obowiązuje od</label>' in page
    assert "RRRR-MM-DD; dzisiaj albo później, puste pole oznacza dzisiaj." in page
    assert '<label for="date_to">Obowiązuje do</label>' in page
    assert "RRRR-MM-DD; puste pole oznacza bezterminowo." in page
    assert hidden_fields(response, ACTION) == {"krok": "3", "kind": RECORDS, "person_name": "Ewa Nowak",
                                               "person_pesel": OTHER_VALID}
    assert '<button type="submit">Zapisz</button>' in page and "Dalej</button>" not in page


def test_step_3_for_services_asks_only_for_the_dates(window):
    response = to_step_3(window, "treatment_refusal")
    page = text(response)
    assert ("<p>Rodzaj: Odmowa zgody na udzielenie określonych świadczeń zdrowotnych, świadczenia: Transfuzja krwi</p>"
            in page)
    assert 'type="radio"' not in page and "<legend>Zakres</legend>" not in page
    assert hidden_fields(response, ACTION) == {"krok": "3", "kind": "treatment_refusal", "person_name": "",
                                               "person_pesel": "", "scope": "Transfuzja krwi"}
    assert 'name="date_from"' in page and 'name="date_to"' in page


def test_grant_an_authorisation(sim, window):
    response = grant(window, date_to="2026-12-31")
    assert window.url == IKP + "/ikp/uprawnienia"
    assert alert(response, "flash") == "Uprawnienie zostało zapisane."
    page = text(response)
    consent = sim.patient(JAN)["consents"][0]
    cells = row_cells(response, consent["id"])
    assert f'<tr data-consent-id="{consent["id"]}" data-kind="records_access" data-status="active">' in page
    assert cells[:6] == ["Upoważnienie do dostępu do dokumentacji medycznej", "Ewa Nowak (PESEL 152320*****)",
                         "Pełny zakres", TODAY, "2026-12-31", "Aktywne"]
    assert "Wycofaj</button>" in cells[6]
    assert OTHER_VALID not in page
    assert consent["person_pesel"] == OTHER_VALID and consent["status"] == "active"
    assert sim.events(pesel=JAN, kind="consent_granted")


def test_grant_with_a_narrower_scope(sim, window):
    response = grant(window, kind="health_info", scope="Tylko e-recepty", date_from="2026-03-11")
    consent = sim.patient(JAN)["consents"][0]
    assert (consent["kind"], consent["scope"], consent["date_from"], consent["date_to"]) == (
        "health_info", "Tylko e-recepty", "2026-03-11", None)
    assert row_cells(response, consent["id"])[:6] == [
        "Zgoda na udzielanie informacji o stanie zdrowia", "Ewa Nowak (PESEL 152320*****)", "Tylko e-recepty",
        "2026-03-11", "—", "Aktywne"]


def test_consent_to_services_needs_a_description_but_no_person(sim, window):
    response = grant(window, kind="treatment_consent", scope="  ")
    assert response.status_code == 422 and step_of(response) == 2
    assert alert(response, "scope-error") == "Opisz zakres świadczeń."
    assert 'aria-invalid="true" aria-describedby="scope-error"' in text(response)
    response = grant(window, kind="treatment_refusal", scope="Transfuzja  krwi")
    assert alert(response, "flash") == "Uprawnienie zostało zapisane."
    consent = sim.patient(JAN)["consents"][0]
    assert (consent["kind"], consent["scope"], consent["person_name"], consent["person_pesel"]) == (
        "treatment_refusal", "Transfuzja krwi", None, None)
    assert row_cells(response, consent["id"])[:6] == [
        "Odmowa zgody na udzielenie określonych świadczeń zdrowotnych", "—", "Transfuzja krwi", TODAY, "—", "Aktywne"]


@pytest.mark.parametrize(
    ("fields", "step", "element_id", "message"),
    [
        ({"person_name": "  "}, 2, "person_name-error", "Podaj imię i nazwisko osoby."),
        ({"person_name": "x" * 201}, 2, "person_name-error", "Podaj imię i nazwisko osoby."),
        ({"person_pesel": ""}, 2, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": "87061302072"}, 2, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": "123"}, 2, "person_pesel-error", "PESEL osoby jest nieprawidłowy."),
        ({"person_pesel": JAN}, 2, "person_pesel-error", "Nie możesz udzielić uprawnienia sam sobie."),
        ({"date_from": "2026-03-09"}, 3, "date_from-error", "Data rozpoczęcia nie może być wcześniejsza niż dzisiaj."),
        ({"date_from": "10.03.2026"}, 3, "date_from-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_from": "2026-02-30"}, 3, "date_from-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_to": "jutro"}, 3, "date_to-error", "Podaj datę w formacie RRRR-MM-DD."),
        ({"date_from": "2026-04-01", "date_to": "2026-03-31"}, 3, "date_to-error",
         "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."),
        ({"date_to": "2026-03-09"}, 3, "date_to-error",
         "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."),
    ],
)
def test_grant_validation_on_the_step_that_asked(sim, window, fields, step, element_id, message):
    response = grant(window, **fields)
    assert response.status_code == 422
    assert window.url == NEW and step_of(response) == step
    assert alert(response, element_id) == message
    field = element_id.removesuffix("-error")
    assert f'aria-invalid="true" aria-describedby="{element_id}"' in text(response)
    assert f'id="{field}"' in text(response)
    assert text(response).count('role="alert"') == 1
    assert sim.patient(JAN)["consents"] == []


def test_a_refused_step_keeps_what_was_typed_and_carries_the_rest(sim, window):
    page = press(window, window.open(NEW), kind="health_info")
    refused = press(window, page, person_name="Zofia \"Zosia\" Łęcka-Żak", person_pesel="123")
    assert step_of(refused) == 2
    assert 'value="Zofia &#34;Zosia&#34; Łęcka-Żak"' in text(refused) and 'value="123"' in text(refused)
    assert hidden_fields(refused, ACTION) == {"krok": "2", "kind": "health_info"}
    step_3 = press(window, refused, person_name="Zofia \"Zosia\"   Łęcka-Żak", person_pesel=OTHER_VALID)
    assert step_of(step_3) == 3
    refused = press(window, step_3, scope="Tylko e-recepty", date_from="2026-03-12", date_to="2026-03-11")
    assert step_of(refused) == 3 and alert(refused, "date_to-error")
    assert 'value="2026-03-12"' in text(refused) and 'value="2026-03-11"' in text(refused)
    assert '<input type="radio" name="scope" id="scope-2" value="Tylko e-recepty" checked>' in text(refused)
    assert hidden_fields(refused, ACTION) == {"krok": "3", "kind": "health_info",
                                              "person_name": "Zofia \"Zosia\"   Łęcka-Żak", "person_pesel": OTHER_VALID}
    done = press(window, refused, scope="Tylko e-recepty", date_from="2026-03-12", date_to="2026-03-31")
    assert alert(done, "flash") == "Uprawnienie zostało zapisane."
    consent = sim.patient(JAN)["consents"][0]
    assert {key: consent[key] for key in ("kind", "person_name", "person_pesel", "scope", "date_from", "date_to")} == {
        "kind": "health_info", "person_name": "Zofia \"Zosia\" Łęcka-Żak", "person_pesel": OTHER_VALID,
        "scope": "Tylko e-recepty", "date_from": "2026-03-12", "date_to": "2026-03-31"}


@pytest.mark.parametrize(
    ("form", "step", "element_id", "message"),
    [
        ({"kind": "love", "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID}, 1, "kind-error",
         "Wybierz rodzaj uprawnienia."),
        ({"kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": "87061302072"}, 2, "person_pesel-error",
         "PESEL osoby jest nieprawidłowy."),
        ({"kind": RECORDS, "person_name": "", "person_pesel": OTHER_VALID}, 2, "person_name-error",
         "Podaj imię i nazwisko osoby."),
        ({"kind": "treatment_consent", "scope": ""}, 2, "scope-error", "Opisz zakres świadczeń."),
        ({"kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID, "scope": "Wszystko"}, 3,
         "scope-error", "Wybierz zakres uprawnienia."),
        ({"kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID}, 3, "scope-error",
         "Wybierz zakres uprawnienia."),
    ],
)
def test_a_changed_earlier_answer_is_refused_on_its_own_step(sim, window, form, step, element_id, message):
    window.open(NEW)
    response = window.submit(NEW, {"krok": "3", "date_from": "", "date_to": "", **form})
    assert response.status_code == 422 and step_of(response) == step
    assert alert(response, element_id) == message
    assert f'aria-describedby="{element_id}"' in text(response)
    assert text(response).count('role="alert"') == 1
    assert sim.patient(JAN)["consents"] == []


@pytest.mark.parametrize("krok", ["0", "4", "x", "", "1.5"])
def test_an_unknown_step_is_a_bad_request(sim, window, krok):
    window.open(NEW)
    response = window.post(NEW, {"krok": krok, "kind": RECORDS})
    assert response.status_code == 400
    assert sim.patient(JAN)["consents"] == []


def test_a_post_without_a_step_is_step_1(window):
    window.open(NEW)
    response = window.submit(NEW, {"kind": RECORDS})
    assert step_of(response) == 2


def test_start_today_is_allowed(sim, window):
    grant(window, date_from=TODAY)
    assert sim.patient(JAN)["consents"][0]["date_from"] == TODAY


def test_no_duplicate_active_authorisation_for_the_same_person(sim, window):
    grant(window)
    response = grant(window, person_name="Ewa Nowak-Kowalska", scope="Tylko e-recepty")
    assert response.status_code == 422 and step_of(response) == 3
    assert alert(response, "form-error") == DUPLICATE
    assert text(response).count('role="alert"') == 1
    assert hidden_fields(response, ACTION)["person_pesel"] == OTHER_VALID, "the answers are still carried"
    assert len(sim.patient(JAN)["consents"]) == 1
    assert alert(grant(window, kind="health_info"), "flash") == "Uprawnienie zostało zapisane."
    assert [c["kind"] for c in sim.patient(JAN)["consents"]] == [RECORDS, "health_info"]


def test_no_duplicate_active_consent_for_the_same_services(sim, window):
    grant(window, kind="treatment_consent", scope="Transfuzja krwi")
    response = grant(window, kind="treatment_consent", scope="Transfuzja  krwi")
    assert step_of(response) == 3 and alert(response, "form-error") == DUPLICATE
    assert alert(grant(window, kind="treatment_refusal", scope="Transfuzja krwi"), "flash")
    assert alert(grant(window, kind="treatment_consent", scope="Szczepienie"), "flash")
    assert len(sim.patient(JAN)["consents"]) == 3


def test_withdrawn_consent_stays_in_history_and_can_be_granted_again(sim, window):
    grant(window)
    consent_id = sim.patient(JAN)["consents"][0]["id"]
    window.open(IKP + "/ikp/uprawnienia")
    response = window.submit(IKP + f"/ikp/uprawnienia/{consent_id}/wycofaj")
    assert alert(response, "flash") == "Uprawnienie zostało wycofane."
    row = re.search(rf'<tr data-consent-id="{consent_id}".*?</tr>', text(response), re.S).group(0)
    assert "<td>Wycofane</td>" in row and "Wycofaj</button>" not in row
    assert sim.patient(JAN)["consents"][0]["withdrawn_on"] == TODAY
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

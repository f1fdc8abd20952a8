"""Login through the test PZ mock, its validation, the 3.1 screen, artifacts, logout and no-store pages."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.simulator.conftest import ANNA, HOME, IKP, JAN, OTHER_VALID, PZ, alert, text


def test_zaloguj_redirects_to_the_pz_page_on_the_other_origin(browser):
    response = browser.get(IKP + "/ikp/zaloguj")
    assert response.status_code == 302
    location = urlparse(response.headers["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == PZ + "/pz/ekran_pz"
    query = parse_qs(location.query)
    assert query["return"] == [IKP + "/ikp/sso"]
    assert query["state"][0]


def test_pz_page_has_the_seed_field_and_button(browser):
    page = text(browser.open(IKP + "/ikp/zaloguj"))
    assert "<h1>Logowanie do iIKP (testowy Profil Zaufany)</h1>" in page
    assert '<label for="pesel">Pesel</label>' in page
    assert re.search(r'<input id="pesel" name="pesel"', page)
    assert '<button type="submit">Dalej</button>' in page


@pytest.mark.parametrize(
    ("pesel", "message"),
    [
        ("", "Wpisz numer PESEL."),
        ("   ", "Wpisz numer PESEL."),
        ("8001151235", "Numer PESEL musi składać się z 11 cyfr."),
        ("800115123544", "Numer PESEL musi składać się z 11 cyfr."),
        ("8001151235A", "Numer PESEL musi składać się z 11 cyfr."),
        ("87061302072", "Numer PESEL ma nieprawidłową cyfrę kontrolną."),
        ("80023112348", "Numer PESEL zawiera nieprawidłową datę urodzenia."),
    ],
)
def test_pz_validation_stays_on_the_pz_page(sim, browser, pesel, message):
    browser.open(IKP + "/ikp/zaloguj")
    response = browser.post(PZ + "/pz/ekran_pz", {"pesel": pesel})
    assert response.status_code == 200
    assert alert(response, "pesel-error") == message
    assert 'role="alert"' in text(response)
    assert sim.events(kind="login") == []


def test_valid_pesel_that_is_no_test_patient_ends_on_the_pz_error_screen(sim, browser):
    response = browser.login(OTHER_VALID)
    assert response.status_code == 503
    assert browser.url.startswith(PZ)
    page = text(response)
    assert '<main id="pz-error-screen">' in page
    assert "<h1>Błąd logowania w testowym Profilu Zaufanym</h1>" in page
    assert "Wystąpił błąd logowania do konta pacjenta lub testowy Profil Zaufany jest chwilowo niedostępny." in page
    assert f'href="{IKP}/ikp/zaloguj">Spróbuj ponownie</a>' in page
    assert sim.events(kind="error_screen")[0]["detail"]["screen"] == "pz"


def test_jan_lands_on_the_home_screen(sim, browser):
    response = browser.login(JAN)
    assert response.status_code == 200
    assert browser.url == HOME
    page = text(response)
    assert "<h1>Strona główna</h1>" in page
    assert '<span id="patient-name">Jan Nowak</span>' in page
    assert "Wyloguj się</button>" in page
    assert [e["pesel"] for e in sim.events(kind="login")] == [JAN]


def test_the_header_has_the_main_menu_and_moje_konto_at_the_top(jan):
    page = text(jan.open(HOME))
    header = re.search(r"<header>(.*?)</header>", page, re.S).group(1)
    menu = re.search(r'<nav aria-label="Menu główne">(.*?)</nav>', header, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', menu) == [
        ("/ikp", "Strona główna"), ("/ikp/recepty", "Recepty"), ("/ikp/uprawnienia", "Uprawnienia")]
    assert '<a id="account-link" href="/ikp/konto">Moje konto</a>' in header
    assert "Moje konto" not in menu
    account = jan.open(IKP + "/ikp/konto")
    assert jan.url == IKP + "/ikp/konto" and "<h1>Moje konto</h1>" in text(account)


def test_home_screen_offers_the_sections(jan):
    page = text(jan.open(HOME))
    shortcuts = re.search(r'<ul id="shortcuts">(.*?)</ul>', page, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', shortcuts) == [
        ("/ikp/recepty", "Recepty"), ("/ikp/uprawnienia", "Uprawnienia"), ("/ikp/konto", "Moje konto")]


def test_separators_in_the_pesel_are_accepted(browser):
    browser.login("800115-123 54")
    assert browser.url == HOME


def test_first_login_opens_the_terms(browser):
    browser.login(ANNA)
    assert browser.url == IKP + "/ikp/regulamin"


def test_session_cookie_is_http_only_and_lax(browser):
    browser.open(IKP + "/ikp/zaloguj")
    response = browser.post(PZ + "/pz/ekran_pz", {"pesel": JAN})
    sso = browser.get(response.headers["Location"])
    cookie = next(c for c in sso.headers.getlist("Set-Cookie") if c.startswith("IKP_SESSION="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie


def test_an_artifact_works_once(sim, browser):
    browser.open(IKP + "/ikp/zaloguj")
    sso_url = browser.post(PZ + "/pz/ekran_pz", {"pesel": JAN}).headers["Location"]
    assert browser.follow(browser.get(sso_url)).status_code == 200
    browser.logout()
    again = sim.browser().get(sso_url)
    assert again.status_code == 503
    assert '<main id="ikp-error-screen">' in text(again)


@pytest.mark.parametrize("query", ["", "?artifact=nope", "?artifact=&state=x"])
def test_an_unknown_artifact_gives_the_ikp_error_screen(browser, query):
    assert browser.get(IKP + "/ikp/sso" + query).status_code == 503


@pytest.mark.parametrize(
    "path",
    ["/ikp", "/ikp/", "/ikp/konto", "/ikp/konto/edycja", "/ikp/pierwsze-logowanie/dane-kontaktowe",
     "/ikp/uprawnienia", "/ikp/uprawnienia/nowe", "/ikp/recepty", "/ikp/recepty/zamowione", "/ikp/deklaracje",
     "/ikp/deklaracje/nowa?rola=lekarz", "/ikp/regulamin"],
)
def test_pages_without_a_session_redirect_to_login(browser, path):
    response = browser.get(IKP + path)
    assert response.status_code == 302
    assert response.headers["Location"] == "/ikp/zaloguj"


def test_portal_root_is_the_home_screen(jan):
    for path in ("/ikp", "/ikp/"):
        response = jan.get(IKP + path)
        assert response.status_code == 200, path
        assert "<h1>Strona główna</h1>" in text(response)


@pytest.mark.parametrize(
    ("path", "data"),
    [("/ikp/recepty/potwierdz", {"prescription": "1"}), ("/ikp/recepty/zamowione/1/ponow", {}),
     ("/ikp/pierwsze-logowanie/dane-kontaktowe", {"phone": "600100200"}),
     ("/ikp/uprawnienia/nowe", {"krok": "1", "kind": "records_access"}), ("/ikp/regulamin", {"accept": "tak"})],
)
def test_new_forms_without_a_session_go_to_login(sim, browser, path, data):
    response = browser.post(IKP + path, data)
    assert response.status_code == 302 and response.headers["Location"] == "/ikp/zaloguj"
    assert sim.events() == []


def test_logout_ends_the_session_and_back_shows_no_account_data(sim, jan):
    response = jan.logout()
    assert jan.url == IKP + "/ikp/wylogowano"
    page = text(response)
    assert "<h1>Wylogowano</h1>" in page
    assert "Zostałeś wylogowany z Internetowego Konta Pacjenta." in page
    assert '<a href="/ikp/zaloguj">Zaloguj się ponownie</a>' in page
    assert jan.cookie("IKP_SESSION") is None
    back = jan.get(IKP + "/ikp/konto")
    assert back.status_code == 302
    assert "Nowak" not in text(back)
    assert sim.patient(JAN)["session_active"] is False
    assert [e["kind"] for e in sim.events(pesel=JAN)] == ["login", "logout"]


def test_logout_without_a_session_goes_to_login(browser):
    assert browser.post(IKP + "/ikp/wyloguj").headers["Location"] == "/ikp/zaloguj"


def test_pages_are_not_cached_and_well_formed(jan):
    paths = ("/ikp", "/ikp/konto", "/ikp/uprawnienia", "/ikp/recepty", "/ikp/recepty/zamowione",
             "/ikp/pierwsze-logowanie/dane-kontaktowe")
    pages = [jan.open(IKP + path) for path in paths]
    pages.append(jan.get(PZ + "/pz/ekran_pz"))
    pages.append(jan.get(IKP + "/nie-ma-takiej-strony"))
    for response in pages:
        page = text(response)
        assert response.headers["Cache-Control"] == "no-store"
        assert response.content_type == "text/html; charset=utf-8"
        assert '<html lang="pl">' in page
        assert page.count("<h1") == 1
        assert not re.search(r'(src|href)="(https?:)?//', page.replace(IKP, "").replace(PZ, ""))


def test_every_input_has_a_bound_label(jan):
    pages = {path: jan.open(IKP + path) for path in (
        "/ikp/konto/edycja", "/ikp/pierwsze-logowanie/dane-kontaktowe", "/ikp/uprawnienia/nowe", "/ikp/recepty",
        "/ikp/deklaracje/nowa?rola=lekarz&q=Warszawa", "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1")}
    wizard = {"records_access step 2": {"krok": "1", "kind": "records_access"},
              "records_access step 3": {"krok": "2", "kind": "records_access", "person_name": "Ewa Nowak",
                                        "person_pesel": OTHER_VALID},
              "treatment_consent step 2": {"krok": "1", "kind": "treatment_consent"},
              "treatment_consent step 3": {"krok": "2", "kind": "treatment_consent", "scope": "Transfuzja krwi"}}
    for name, form in wizard.items():
        jan.open(IKP + "/ikp/uprawnienia/nowe")
        pages[name] = jan.submit(IKP + "/ikp/uprawnienia/nowe", form)
        assert f"Krok {name[-1]} z 3" in text(pages[name]), name
    for path, response in pages.items():
        page = text(response)
        ids = re.findall(r'<(?:input|select|textarea)(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', page)
        assert ids, path
        for element_id in ids:
            assert f'<label for="{element_id}">' in page, (path, element_id)

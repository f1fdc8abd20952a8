"""First login (terms, contact prompt), „Moje konto” and „Edytuj swoje dane”."""

import pytest

from tests.simulator.conftest import ANNA, IKP, JAN, alert, text


@pytest.fixture
def anna(sim):
    window = sim.browser()
    window.login(ANNA)
    return window


def test_terms_screen_has_the_accept_button(anna):
    page = text(anna.open(IKP + "/ikp/regulamin"))
    assert "<h1>Warunki korzystania z serwisu pacjent.gov.pl</h1>" in page
    assert '<button type="submit">Akceptuję</button>' in page
    assert "Wyloguj się</button>" in page
    assert 'aria-label="Menu główne"' not in page


@pytest.mark.parametrize("path", ["/ikp/konto", "/ikp/uprawnienia", "/ikp/recepty", "/ikp/deklaracje"])
def test_every_page_waits_for_the_terms(anna, path):
    assert anna.get(IKP + path).headers["Location"] == "/ikp/regulamin"


def test_accepting_the_terms_opens_the_account_with_the_contact_prompt(sim, anna):
    anna.open(IKP + "/ikp/regulamin")
    response = anna.submit(IKP + "/ikp/regulamin")
    assert anna.url == IKP + "/ikp/konto"
    assert alert(response, "contact-prompt") == "Uzupełnij swoje dane kontaktowe: adres e-mail i numer telefonu."
    assert alert(response, "account-email") == "—"
    assert alert(response, "account-channel") == "—"
    assert sim.patient(ANNA)["terms_accepted"] is True
    assert anna.get(IKP + "/ikp/regulamin").headers["Location"] == "/ikp/konto"
    assert sim.events(pesel=ANNA, kind="terms_accepted")


def test_terms_are_not_asked_again_at_the_next_login(sim, anna):
    anna.open(IKP + "/ikp/regulamin")
    anna.submit(IKP + "/ikp/regulamin")
    anna.logout()
    window = sim.browser()
    window.login(ANNA)
    assert window.url == IKP + "/ikp/konto"


def test_account_shows_name_contact_and_poz(jan):
    response = jan.open(IKP + "/ikp/konto")
    page = text(response)
    assert "<h1>Moje konto</h1>" in page
    assert alert(response, "account-name") == "Jan Nowak"
    assert alert(response, "account-email") == "jan.nowak@example.com"
    assert alert(response, "account-phone") == "600100200"
    assert alert(response, "account-channel") == "SMS"
    assert 'id="contact-prompt"' not in page
    assert '<a href="/ikp/konto/edycja">Edytuj swoje dane</a>' in page
    for label in ("Moje konto", "Uprawnienia", "Recepty", "Zamówione recepty", "Zobacz deklaracje"):
        assert f">{label}</a>" in page


@pytest.mark.parametrize(
    ("form", "errors"),
    [
        ({"email": "", "phone": "", "channel": ""},
         {"email-error": "Podaj poprawny adres e-mail.",
          "phone-error": "Podaj poprawny numer telefonu komórkowego (9 cyfr).",
          "channel-error": "Wybierz kanał powiadomień."}),
        ({"email": "anna@", "phone": "600100200", "channel": "sms"}, {"email-error": "Podaj poprawny adres e-mail."}),
        ({"email": "a@b.pl", "phone": "60010020", "channel": "sms"},
         {"phone-error": "Podaj poprawny numer telefonu komórkowego (9 cyfr)."}),
        ({"email": "a@b.pl", "phone": "6001002000", "channel": "email"},
         {"phone-error": "Podaj poprawny numer telefonu komórkowego (9 cyfr)."}),
        ({"email": "a@b.pl", "phone": "60010020x", "channel": "email"},
         {"phone-error": "Podaj poprawny numer telefonu komórkowego (9 cyfr)."}),
        ({"email": "a@b.pl", "phone": "600100200", "channel": "fax"}, {"channel-error": "Wybierz kanał powiadomień."}),
    ],
)
def test_contact_validation(sim, jan, form, errors):
    jan.open(IKP + "/ikp/konto/edycja")
    response = jan.submit(IKP + "/ikp/konto/edycja", form)
    assert jan.url == IKP + "/ikp/konto/edycja"
    for element_id, message in errors.items():
        assert alert(response, element_id) == message
    assert text(response).count('role="alert"') == len(errors)
    assert sim.patient(JAN)["contact"]["email"] == "jan.nowak@example.com"


def test_contact_form_keeps_what_was_typed(jan):
    jan.open(IKP + "/ikp/konto/edycja")
    page = text(jan.submit(IKP + "/ikp/konto/edycja", {"email": "zły adres", "phone": "123", "channel": "email"}))
    assert 'value="zły adres"' in page and 'value="123"' in page
    assert 'value="email" checked' in page


@pytest.mark.parametrize("phone", ["600 700 800", "600-700-800", "+48 600 700 800", "+48600700800"])
def test_saving_contact_data(sim, jan, phone):
    jan.open(IKP + "/ikp/konto/edycja")
    response = jan.submit(IKP + "/ikp/konto/edycja", {"email": "jan@example.org", "phone": phone, "channel": "email"})
    assert jan.url == IKP + "/ikp/konto"
    assert alert(response, "flash") == "Dane kontaktowe zostały zapisane."
    assert alert(response, "account-email") == "jan@example.org"
    assert alert(response, "account-phone") == "600700800"
    assert alert(response, "account-channel") == "E-mail"
    assert sim.patient(JAN)["contact"] == {"email": "jan@example.org", "phone": "600700800", "channel": "email"}
    assert 'id="flash"' not in text(jan.open(IKP + "/ikp/konto"))


def test_edit_form_is_prefilled(jan):
    page = text(jan.open(IKP + "/ikp/konto/edycja"))
    assert "<h1>Edytuj swoje dane</h1>" in page
    assert 'value="jan.nowak@example.com"' in page
    assert 'id="channel-sms" name="channel" value="sms" checked' in page
    assert "<legend>Kanał powiadomień</legend>" in page
    assert '<label for="email">Adres e-mail</label>' in page
    assert '<label for="phone">Numer telefonu komórkowego</label>' in page


def test_anna_completes_her_contact_data_after_the_terms(sim, anna):
    anna.open(IKP + "/ikp/regulamin")
    anna.submit(IKP + "/ikp/regulamin")
    anna.open(IKP + "/ikp/konto/edycja")
    form = {"email": "anna@example.com", "phone": "500600700", "channel": "sms"}
    response = anna.submit(IKP + "/ikp/konto/edycja", form)
    assert 'id="contact-prompt"' not in text(response)
    assert alert(response, "account-name") == "Anna Kowalska"

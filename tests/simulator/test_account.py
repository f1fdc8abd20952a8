"""First login (terms ticked then confirmed, the contact step), „Moje konto” and „Edytuj swoje dane”."""

import re

import pytest

from tests.simulator.conftest import ANNA, FIRST_CONTACT, HOME, IKP, JAN, MARIA, alert, text

TERMS = IKP + "/ikp/regulamin"
EDIT = IKP + "/ikp/konto/edycja"
NOT_TICKED = "Zaznacz, że akceptujesz warunki korzystania z serwisu."
NOTHING = "Podaj numer telefonu lub adres e-mail."
BAD_EMAIL = "Podaj poprawny adres e-mail."
BAD_PHONE = "Podaj poprawny numer telefonu komórkowego (9 cyfr)."
SMS_NEEDS_PHONE = "Podaj numer telefonu, aby dostawać powiadomienia SMS."
EMAIL_NEEDS_ADDRESS = "Podaj adres e-mail, aby dostawać powiadomienia e-mailem."


@pytest.fixture
def anna(sim):
    window = sim.browser()
    window.login(ANNA)
    return window


def accept_terms(window):
    """Tick „Akceptuję warunki korzystania z serwisu” and press „Dalej”; the final response."""
    window.open(TERMS)
    return window.submit(TERMS, {"accept": "tak"})


def invalid_fields(response):
    """Ids of the fields marked aria-invalid, in page order."""
    return re.findall(r'<(?:input|fieldset)[^>]*\bid="([^"]+)"[^>]*aria-invalid="true"', text(response))


def test_terms_screen_has_the_checkbox_and_dalej(anna):
    page = text(anna.open(TERMS))
    assert "<h1>Warunki korzystania z serwisu pacjent.gov.pl</h1>" in page
    assert '<input type="checkbox" id="accept" name="accept" value="tak">' in page
    assert '<label for="accept">Akceptuję warunki korzystania z serwisu</label>' in page
    assert '<button type="submit">Dalej</button>' in page
    assert "Akceptuję</button>" not in page
    assert "Wyloguj się</button>" in page
    assert 'aria-label="Menu główne"' not in page and 'id="account-link"' not in page
    assert 'role="alert"' not in page


@pytest.mark.parametrize("form", [{}, {"accept": ""}, {"accept": "nie"}, {"accept": "on"}])
def test_terms_without_the_tick_are_refused(sim, anna, form):
    anna.open(TERMS)
    response = anna.submit(TERMS, form)
    assert response.status_code == 422
    assert anna.url == TERMS
    assert alert(response, "accept-error") == NOT_TICKED
    assert text(response).count('role="alert"') == 1
    assert ('<input type="checkbox" id="accept" name="accept" value="tak" aria-invalid="true"'
            ' aria-describedby="accept-error">') in text(response)
    assert sim.patient(ANNA)["terms_accepted"] is False
    assert not sim.events(pesel=ANNA, kind="terms_accepted")
    assert anna.get(IKP + "/ikp/konto").headers["Location"] == "/ikp/regulamin"
    assert anna.submit(TERMS, {"accept": "tak"}).status_code == 200
    assert anna.url == FIRST_CONTACT, "the refusal leaves a working form with a fresh view token"


@pytest.mark.parametrize(
    "path",
    ["/ikp", "/ikp/konto", "/ikp/konto/edycja", "/ikp/pierwsze-logowanie/dane-kontaktowe", "/ikp/uprawnienia",
     "/ikp/uprawnienia/nowe", "/ikp/recepty", "/ikp/recepty/zamowione", "/ikp/deklaracje"],
)
def test_every_page_waits_for_the_terms(anna, path):
    assert anna.get(IKP + path).headers["Location"] == "/ikp/regulamin"


def test_forms_wait_for_the_terms_too(sim, anna):
    anna.open(TERMS)
    response = anna.post(FIRST_CONTACT, {"phone": "600100200", "channels": "sms"})
    assert response.headers["Location"] == "/ikp/regulamin"
    assert sim.patient(ANNA)["contact"] is None


def test_accepting_the_terms_without_contact_data_opens_the_first_contact_step(sim, anna):
    response = accept_terms(anna)
    assert anna.url == FIRST_CONTACT
    page = text(response)
    assert "<h1>Podaj dane kontaktowe</h1>" in page
    assert "To Twoje pierwsze logowanie." in page
    assert '<form method="post" action="/ikp/pierwsze-logowanie/dane-kontaktowe" novalidate>' in page
    assert '<label for="phone">Numer telefonu</label>' in page and 'id="phone" name="phone" type="tel"' in page
    assert '<label for="email">Adres e-mail</label>' in page and 'id="email" name="email" type="email"' in page
    assert "<legend>Powiadomienia</legend>" in page
    assert '<input type="checkbox" id="channel-sms" name="channels" value="sms">' in page
    assert '<input type="checkbox" id="channel-email" name="channels" value="email">' in page
    assert '<button type="submit">Zapisz</button>' in page
    assert '<button type="submit" name="skip" value="tak" formnovalidate>Pomiń</button>' in page
    assert 'aria-label="Menu główne"' in page and 'id="account-link"' in page, "terms accepted: the full header"
    assert sim.patient(ANNA)["terms_accepted"] is True
    assert sim.events(pesel=ANNA, kind="terms_accepted")
    assert anna.get(TERMS).headers["Location"] == "/ikp"


def test_accepting_the_terms_with_contact_data_goes_home(sim):
    sim.ok("PATCH", f"/patients/{JAN}", {"terms_accepted": False})
    window = sim.browser()
    window.login(JAN)
    assert window.url == TERMS
    response = accept_terms(window)
    assert window.url == HOME
    assert "<h1>Strona główna</h1>" in text(response)


def test_first_contact_step_saves_and_goes_home(sim, anna):
    accept_terms(anna)
    response = anna.submit(FIRST_CONTACT, {"phone": "500 600 700", "email": "", "channels": "sms"})
    assert anna.url == HOME
    assert "<h1>Strona główna</h1>" in text(response)
    assert alert(response, "flash") == "Dane kontaktowe zostały zapisane."
    assert sim.patient(ANNA)["contact"] == {"email": None, "phone": "500600700", "channels": ["sms"]}
    assert sim.events(pesel=ANNA, kind="contact_updated")
    account = anna.open(IKP + "/ikp/konto")
    assert alert(account, "account-phone") == "500600700" and alert(account, "account-channel") == "SMS"
    assert 'id="contact-prompt"' not in text(account)


def test_first_contact_step_can_be_skipped(sim, anna):
    accept_terms(anna)
    response = anna.submit(FIRST_CONTACT, {"skip": "tak", "phone": "to się nie liczy", "channels": "sms"})
    assert anna.url == HOME
    assert "<h1>Strona główna</h1>" in text(response) and 'id="flash"' not in text(response)
    assert sim.patient(ANNA)["contact"] is None
    assert not sim.events(pesel=ANNA, kind="contact_updated")
    account = anna.open(IKP + "/ikp/konto")
    assert alert(account, "contact-prompt") == "Uzupełnij swoje dane kontaktowe: numer telefonu i/lub adres e-mail."
    for element_id in ("account-phone", "account-email", "account-channel"):
        assert alert(account, element_id) == "—"


@pytest.mark.parametrize(
    ("form", "errors", "invalid"),
    [({}, {"form-error": NOTHING}, []),
     ({"channels": ["sms", "email"]},
      {"form-error": NOTHING, "phone-error": SMS_NEEDS_PHONE, "email-error": EMAIL_NEEDS_ADDRESS}, ["phone", "email"]),
     ({"phone": "12"}, {"phone-error": BAD_PHONE}, ["phone"]),
     ({"email": "anna@", "channels": "email"}, {"email-error": BAD_EMAIL}, ["email"])],
)
def test_first_contact_step_refuses_what_edit_refuses(sim, anna, form, errors, invalid):
    accept_terms(anna)
    response = anna.submit(FIRST_CONTACT, form)
    assert response.status_code == 422
    assert anna.url == FIRST_CONTACT and "<h1>Podaj dane kontaktowe</h1>" in text(response)
    for element_id, message in errors.items():
        assert alert(response, element_id) == message
    assert text(response).count('role="alert"') == len(errors)
    assert invalid_fields(response) == invalid
    assert sim.patient(ANNA)["contact"] is None
    assert "Pomiń</button>" in text(response), "the patient can still skip"


def test_terms_and_contact_step_are_not_asked_again_at_the_next_login(sim, anna):
    accept_terms(anna)
    anna.submit(FIRST_CONTACT, {"skip": "tak"})
    anna.logout()
    window = sim.browser()
    window.login(ANNA)
    assert window.url == HOME, "a skipped contact step stays skipped"


def test_account_shows_name_contact_and_poz(jan):
    response = jan.open(IKP + "/ikp/konto")
    page = text(response)
    assert "<h1>Moje konto</h1>" in page
    assert alert(response, "account-name") == "Jan Nowak"
    assert alert(response, "account-phone") == "600100200"
    assert alert(response, "account-email") == "jan.nowak@example.com"
    assert alert(response, "account-channel") == "SMS"
    labels = re.findall(r"<dt>(.*?)</dt>", page)
    assert labels == ["Imię i nazwisko", "Numer telefonu", "Adres e-mail", "Powiadomienia"]
    assert 'id="contact-prompt"' not in page
    assert '<a href="/ikp/konto/edycja">Edytuj swoje dane</a>' in page
    for label in ("Strona główna", "Recepty", "Uprawnienia", "Moje konto", "Zobacz deklaracje"):
        assert f">{label}</a>" in page


def test_both_channels_are_listed(sim):
    window = sim.browser()
    window.login(MARIA)
    assert alert(window.open(IKP + "/ikp/konto"), "account-channel") == "SMS, E-mail"


@pytest.mark.parametrize(
    ("form", "errors", "invalid"),
    [
        ({"email": "", "phone": ""}, {"form-error": NOTHING}, []),
        ({"email": "  ", "phone": " ", "channels": "sms"}, {"form-error": NOTHING, "phone-error": SMS_NEEDS_PHONE},
         ["phone"]),
        ({"email": "a@b.pl", "phone": "", "channels": "sms"}, {"phone-error": SMS_NEEDS_PHONE}, ["phone"]),
        ({"email": "a@b.pl", "phone": "", "channels": ["sms", "email"]}, {"phone-error": SMS_NEEDS_PHONE}, ["phone"]),
        ({"email": "", "phone": "600100200", "channels": "email"}, {"email-error": EMAIL_NEEDS_ADDRESS}, ["email"]),
        ({"email": "anna@", "phone": "600100200", "channels": "sms"}, {"email-error": BAD_EMAIL}, ["email"]),
        ({"email": "anna@", "phone": "", "channels": "email"}, {"email-error": BAD_EMAIL}, ["email"]),
        ({"email": "a@b.pl", "phone": "60010020", "channels": "sms"}, {"phone-error": BAD_PHONE}, ["phone"]),
        ({"email": "a@b.pl", "phone": "6001002000"}, {"phone-error": BAD_PHONE}, ["phone"]),
        ({"email": "", "phone": "60010020x", "channels": "sms"}, {"phone-error": BAD_PHONE}, ["phone"]),
        ({"email": "zły", "phone": "123"}, {"phone-error": BAD_PHONE, "email-error": BAD_EMAIL}, ["phone", "email"]),
    ],
)
def test_contact_validation(sim, jan, form, errors, invalid):
    jan.open(EDIT)
    response = jan.submit(EDIT, form)
    assert response.status_code == 422
    assert jan.url == EDIT
    for element_id, message in errors.items():
        assert alert(response, element_id) == message
    assert text(response).count('role="alert"') == len(errors)
    assert invalid_fields(response) == invalid
    for field in invalid:
        assert f'aria-invalid="true" aria-describedby="{field}-error"' in text(response)
    assert sim.patient(JAN)["contact"] == {"email": "jan.nowak@example.com", "phone": "600100200", "channels": ["sms"]}
    assert not sim.events(pesel=JAN, kind="contact_updated")


def test_contact_form_keeps_what_was_typed(jan):
    jan.open(EDIT)
    page = text(jan.submit(EDIT, {"email": "zły adres", "phone": "123", "channels": "email"}))
    assert 'value="zły adres"' in page and 'value="123"' in page
    assert '<input type="checkbox" id="channel-email" name="channels" value="email" checked>' in page
    assert '<input type="checkbox" id="channel-sms" name="channels" value="sms">' in page


@pytest.mark.parametrize("phone", ["600 700 800", "600-700-800", "+48 600 700 800", "+48600700800"])
def test_saving_contact_data(sim, jan, phone):
    jan.open(EDIT)
    response = jan.submit(EDIT, {"email": "jan@example.org", "phone": phone, "channels": "email"})
    assert jan.url == IKP + "/ikp/konto"
    assert alert(response, "flash") == "Dane kontaktowe zostały zapisane."
    assert alert(response, "account-email") == "jan@example.org"
    assert alert(response, "account-phone") == "600700800"
    assert alert(response, "account-channel") == "E-mail"
    assert sim.patient(JAN)["contact"] == {"email": "jan@example.org", "phone": "600700800", "channels": ["email"]}
    assert 'id="flash"' not in text(jan.open(IKP + "/ikp/konto"))


@pytest.mark.parametrize(
    ("form", "saved", "shown"),
    [
        ({"phone": "600700800", "email": "", "channels": "sms"},
         {"email": None, "phone": "600700800", "channels": ["sms"]}, ("600700800", "—", "SMS")),
        ({"phone": "", "email": "jan@example.org", "channels": "email"},
         {"email": "jan@example.org", "phone": None, "channels": ["email"]}, ("—", "jan@example.org", "E-mail")),
        ({"phone": "600700800", "email": "jan@example.org", "channels": ["email", "sms"]},
         {"email": "jan@example.org", "phone": "600700800", "channels": ["sms", "email"]},
         ("600700800", "jan@example.org", "SMS, E-mail")),
        ({"phone": "600700800", "email": ""}, {"email": None, "phone": "600700800", "channels": []},
         ("600700800", "—", "—")),
        ({"phone": "", "email": "jan@example.org", "channels": ["fax", "email", "email"]},
         {"email": "jan@example.org", "phone": None, "channels": ["email"]}, ("—", "jan@example.org", "E-mail")),
    ],
    ids=["phone only", "e-mail only", "both channels", "no notifications", "unknown channel ignored"],
)
def test_contact_rules(sim, jan, form, saved, shown):
    jan.open(EDIT)
    response = jan.submit(EDIT, form)
    assert jan.url == IKP + "/ikp/konto", text(response)
    assert sim.patient(JAN)["contact"] == saved
    assert (alert(response, "account-phone"), alert(response, "account-email"),
            alert(response, "account-channel")) == shown
    assert 'id="contact-prompt"' not in text(response)
    edit = text(jan.open(EDIT))
    for channel in ("sms", "email"):
        ticked = f'name="channels" value="{channel}" checked' in edit
        assert ticked == (channel in saved["channels"]), channel


def test_edit_form_is_prefilled(jan):
    page = text(jan.open(EDIT))
    assert "<h1>Edytuj swoje dane</h1>" in page
    assert 'value="jan.nowak@example.com"' in page and 'value="600100200"' in page
    assert '<input type="checkbox" id="channel-sms" name="channels" value="sms" checked>' in page
    assert '<input type="checkbox" id="channel-email" name="channels" value="email">' in page
    assert "<legend>Powiadomienia</legend>" in page
    assert '<label for="channel-sms">SMS</label>' in page and '<label for="channel-email">E-mail</label>' in page
    assert '<label for="email">Adres e-mail</label>' in page
    assert '<label for="phone">Numer telefonu</label>' in page
    assert page.index('id="phone"') < page.index('id="email"')
    assert "Pomiń" not in page


def test_anna_completes_her_contact_data_later_in_moje_konto(sim, anna):
    accept_terms(anna)
    anna.submit(FIRST_CONTACT, {"skip": "tak"})
    anna.open(IKP + "/ikp/konto")
    anna.open(EDIT)
    response = anna.submit(EDIT, {"email": "anna@example.com", "phone": "500600700", "channels": ["sms", "email"]})
    assert 'id="contact-prompt"' not in text(response)
    assert alert(response, "account-name") == "Anna Kowalska"
    assert sim.patient(ANNA)["contact"] == {"email": "anna@example.com", "phone": "500600700",
                                            "channels": ["sms", "email"]}

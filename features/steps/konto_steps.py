"""Steps of the first login's duties and of the contact data in „Moje konto” (instrukcja CeZ pkt 2.2)."""

import re

from behave import given, then, when
from hamcrest import assert_that, equal_to, has_item, instance_of, is_not

from harness.gherkin_types import CONTACT_FIELDS
from harness.steps_api import acting, logged_in_as, site, undo_later, use_persona
from harness.steps_api import given as given_state
from pages.account import AccountPage
from pages.contact_form import ContactFields, FirstContactPage
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage

# Gherkin's column names of a contact-data table -> the keys of AccountPage.contact_data().
COLUMNS = {"numer telefonu": "phone", "adres e-mail": "email", "powiadomienia": "channels"}


def contact_from_table(table) -> dict:
    """The one data row of a table headed with COLUMNS' names: {'phone', 'email', 'channels': set}."""
    row = {COLUMNS[heading]: table[0][heading].strip() for heading in table.headings}
    row["channels"] = {part.strip().casefold() for part in re.split(r",| i ", row.get("channels", "")) if part.strip()}
    return row


def my_account(context) -> AccountPage:
    """„Moje konto”: the current page if it is, else reached by its link at the top of the screen."""
    if not isinstance(context.page, AccountPage):
        context.page = context.page.open_my_account()
    return context.page


def restore_contact(contact: dict):
    """How to put the contact data back as they were (for the clean-up of a real account)."""
    return lambda page: page.open_my_account().edit_contact_data().fill_in(**contact).save()


# -- the first login (arranged through the simulator) --------------------------------------------------
@given("{pacjent:Osoba} nie zaakceptował jeszcze regulaminu iIKP")
@given("{pacjent:Osoba} nie zaakceptowała jeszcze regulaminu iIKP")
def step_terms_not_accepted(context, pacjent):
    """Układa w symulatorze konto, które nie ma jeszcze zaakceptowanego regulaminu."""
    given_state(context).terms_not_accepted(use_persona(context, pacjent))


@given("{pacjent:Osoba} nie podał jeszcze danych kontaktowych")
@given("{pacjent:Osoba} nie podała jeszcze danych kontaktowych")
def step_no_contact_data(context, pacjent):
    """Układa w symulatorze konto bez numeru telefonu i adresu e-mail."""
    given_state(context).no_contact_data(use_persona(context, pacjent))


@given("{pacjent:Osoba} ma za sobą pierwsze logowanie")
def step_after_first_login(context, pacjent):
    """Układa w symulatorze konto po pierwszym logowaniu: regulamin zaakceptowany, dane kontaktowe podane
    (instrukcja CeZ pkt 2.2)."""
    given_state(context).after_first_login(use_persona(context, pacjent))


@given("{pacjent:Osoba} zalogował się do iIKP po raz pierwszy")
@given("{pacjent:Osoba} zalogowała się do iIKP po raz pierwszy")
def step_first_login(context, pacjent):
    """Układa konto bez zaakceptowanego regulaminu i loguje pacjenta na ekranie: przeglądarka pokazuje
    regulamin. Stan przeglądarki da się ułożyć tylko w przeglądarce, stąd logowanie przez ekrany."""
    persona = use_persona(context, pacjent)
    given_state(context).terms_not_accepted(persona)
    context.page = logged_in_as(context, persona, PzLoginPage.start_login(site(context)).log_in(persona.pesel))


# -- the first login (on screen) ---------------------------------------------------------------------------
@when("{pacjent:Osoba} akceptuje regulamin iIKP")
def step_accepts_terms(context, pacjent):
    """Zaznacza akceptację regulaminu i zatwierdza."""
    acting(context, pacjent)
    context.page = context.page.accept()


@when("{pacjent:Osoba} odkłada podanie danych kontaktowych na później")
def step_skips_contact(context, pacjent):
    """Naciska „Pomiń” na ekranie danych kontaktowych pierwszego logowania."""
    acting(context, pacjent)
    context.page = context.page.skip()


@when("{pacjent:Osoba} od razu podaje dane kontaktowe:")
def step_gives_contact_at_first_login(context, pacjent):
    """Wpisuje dane z tabeli na ekranie danych kontaktowych pierwszego logowania i zapisuje."""
    acting(context, pacjent)
    context.page = context.page.fill_in(**contact_from_table(context.table)).save()


@when("{pacjent:Osoba} próbuje otworzyć „Moje konto” bez akceptacji regulaminu")
def step_opens_account_before_terms(context, pacjent):
    """Próbuje przejść do „Moje konto”, nie akceptując regulaminu."""
    acting(context, pacjent)
    context.page = context.page.open_account_without_accepting()


@then("{pacjent:Osoba} widzi regulamin iIKP do akceptacji")
def step_sees_terms(context, pacjent):
    """Sprawdza, że jest ekran regulaminu i da się go zaakceptować."""
    acting(context, pacjent)
    assert_that(context.page, instance_of(TermsPage), "przed akceptacją regulaminu konto nie może się otworzyć")
    assert_that(context.page.can_accept(), equal_to(True), "regulamin musi dać się zaakceptować")


@then("{pacjent:Osoba} widzi prośbę o podanie danych kontaktowych")
def step_sees_contact_prompt(context, pacjent):
    """Sprawdza, że po regulaminie iIKP prosi o dane kontaktowe."""
    acting(context, pacjent)
    assert_that(context.page, instance_of(FirstContactPage), "po regulaminie iIKP prosi o dane kontaktowe")


# -- contact data in „Moje konto” ----------------------------------------------------------------------------
@when("{pacjent:Osoba} zapisuje w „Moje konto” dane kontaktowe:")
def step_saves_contact_data(context, pacjent):
    """Zapisuje dane z tabeli przez „Moje konto” → „Edytuj swoje dane”; na prawdziwym koncie poprzednie dane
    wracają po scenariuszu."""
    persona = acting(context, pacjent)
    account = my_account(context)
    before = account.contact_data()
    context.page = account.edit_contact_data().fill_in(**contact_from_table(context.table)).save()
    undo_later(context, "przywrócenie poprzednich danych kontaktowych", persona, restore_contact(before))


@when("{pacjent:Osoba} próbuje zapisać w „Moje konto” dane kontaktowe:")
def step_tries_contact_data(context, pacjent):
    """Wpisuje dane z tabeli w „Edytuj swoje dane” i zapisuje, spodziewając się odmowy; zapamiętuje dane sprzed
    próby."""
    acting(context, pacjent)
    context.contact_before = my_account(context).contact_data()
    form = context.page.edit_contact_data().fill_in(**contact_from_table(context.table))
    context.page = form.save_expecting_refusal()


@when("{pacjent:Osoba} próbuje zapisać jako {pole:PoleKontaktowe} „{wartosc:Wpisane}”")
def step_tries_contact_value(context, pacjent, pole, wartosc):
    """Wpisuje tę wartość w jedno pole „Edytuj swoje dane” i zapisuje, spodziewając się odmowy."""
    acting(context, pacjent)
    context.contact_before = my_account(context).contact_data()
    form = context.page.edit_contact_data().fill_in(**{CONTACT_FIELDS[pole]: wartosc})
    context.page = form.save_expecting_refusal()


@then("{pacjent:Osoba} widzi w „Moje konto” dane kontaktowe:")
def step_sees_contact_data(context, pacjent):
    """Sprawdza, że „Moje konto” pokazuje dokładnie dane z tabeli."""
    acting(context, pacjent)
    assert_that(my_account(context).contact_data(), equal_to(contact_from_table(context.table)))


@then("iIKP nie zapisuje danych kontaktowych i wskazuje pole {pole:PoleKontaktowe}")
def step_contact_refused(context, pole):
    """Sprawdza odmowę: formularz wraca z komunikatem, a to pole jest oznaczone jako błędne."""
    assert_that(context.page, instance_of(ContactFields), "po odmowie powinien zostać formularz")
    assert_that(context.page.messages(), is_not(equal_to([])), "komunikat, co jest nie tak")
    assert_that(context.page.refused_fields(), has_item(ContactFields.FIELD_LABELS[CONTACT_FIELDS[pole]]))


@then("{pacjent:Osoba} ma w „Moje konto” niezmienione dane kontaktowe")
def step_contact_unchanged(context, pacjent):
    """Sprawdza, że „Moje konto” pokazuje te same dane kontaktowe co przed próbą."""
    acting(context, pacjent)
    shown = context.page.open_my_account().contact_data()
    assert_that(shown, equal_to(context.contact_before), "odrzucone dane nie mogą zostać zapisane")

"""Steps of the first login's duties and of the contact data in „Moje konto” (instrukcja CeZ pkt 2.2)."""

import parse
from behave import given, register_type, then, when
from hamcrest import assert_that, equal_to, has_item, instance_of

from harness.steps_api import site, use_persona
from pages.account import AccountPage
from pages.contact_form import ContactFormPage
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage

# Gherkin names of the contact-form fields -> keyword arguments of ContactFormPage.fill_in.
CONTACT_FIELDS = {"adres e-mail": "email", "numer telefonu": "phone", "kanał powiadomień": "channel"}


@parse.with_pattern("|".join(CONTACT_FIELDS))
def parse_contact_field(text: str) -> str:
    return CONTACT_FIELDS[text]


register_type(PoleKontaktowe=parse_contact_field)


def _contact_from_table(table) -> dict[str, str]:
    """The one data row of a table headed with CONTACT_FIELDS' names, keyed like AccountPage.contact_data."""
    return {CONTACT_FIELDS[heading]: table[0][heading] for heading in table.headings}


def _with_terms_not_accepted(context, name: str) -> str:
    """Arrange through the simulator that the persona has not accepted the terms; return the PESEL."""
    pesel = use_persona(context, name).pesel
    context.sim.update_patient(pesel, terms_accepted=False)
    return pesel


# -- terms --------------------------------------------------------------------------------------------
@given("{pacjent:Osoba} nie zaakceptował jeszcze regulaminu iIKP")
@given("{pacjent:Osoba} nie zaakceptowała jeszcze regulaminu iIKP")
def step_terms_not_accepted(context, pacjent):
    _with_terms_not_accepted(context, pacjent)


@given("{pacjent:Osoba} zalogował się do iIKP po raz pierwszy")
@given("{pacjent:Osoba} zalogowała się do iIKP po raz pierwszy")
def step_first_login(context, pacjent):
    pesel = _with_terms_not_accepted(context, pacjent)
    context.page = PzLoginPage.start_login(site(context)).log_in(pesel)


@given("{pacjent:Osoba} zaakceptował regulamin iIKP")
@given("{pacjent:Osoba} zaakceptowała regulamin iIKP")
@when("{pacjent:Osoba} akceptuje regulamin iIKP")
def step_accepts_terms(context, pacjent):
    context.page = context.page.accept()


@when("{pacjent:Osoba} próbuje otworzyć „Moje konto” bez akceptacji regulaminu")
def step_opens_account_before_terms(context, pacjent):
    context.page = context.page.open_account_without_accepting()


@then("{pacjent:Osoba} widzi regulamin iIKP do akceptacji")
def step_sees_terms(context, pacjent):
    assert_that(context.page, instance_of(TermsPage), "przed akceptacją regulaminu konto nie może się otworzyć")
    assert_that(context.page.can_accept(), equal_to(True), "regulamin musi dać się zaakceptować")


# -- contact data -------------------------------------------------------------------------------------
@given("{pacjent:Osoba} nie podał jeszcze danych kontaktowych")
@given("{pacjent:Osoba} nie podała jeszcze danych kontaktowych")
def step_no_contact_data(context, pacjent):
    context.sim.update_patient(use_persona(context, pacjent).pesel, contact=None)


@when("{pacjent:Osoba} zapisuje w „Moje konto” dane kontaktowe:")
def step_saves_contact_data(context, pacjent):
    context.page = context.page.edit_contact_data().fill_in(**_contact_from_table(context.table)).save()


@when("{pacjent:Osoba} próbuje zapisać jako {pole:PoleKontaktowe} „{wartosc}”")
def step_tries_contact_value(context, pacjent, pole, wartosc):
    context.contact_before = context.page.contact_data()
    context.page = context.page.edit_contact_data().fill_in(**{pole: wartosc}).save_expecting_refusal()


@then("{pacjent:Osoba} widzi prośbę o uzupełnienie danych kontaktowych")
def step_sees_contact_prompt(context, pacjent):
    assert_that(context.page.asks_for_contact_data(), equal_to(True), "„Moje konto” powinno prosić o dane kontaktowe")


@then("{pacjent:Osoba} widzi w „Moje konto” dane kontaktowe:")
def step_sees_contact_data(context, pacjent):
    assert_that(context.page, instance_of(AccountPage))
    assert_that(context.page.contact_data(), equal_to(_contact_from_table(context.table)))


@then("iIKP odrzuca dane kontaktowe z komunikatem „{komunikat}”")
def step_contact_refused(context, komunikat):
    assert_that(context.page, instance_of(ContactFormPage))
    assert_that(context.page.messages(), has_item(komunikat))


@then("{pacjent:Osoba} ma w „Moje konto” niezmienione dane kontaktowe")
def step_contact_unchanged(context, pacjent):
    shown = context.page.go_to("Moje konto", AccountPage).contact_data()
    assert_that(shown, equal_to(context.contact_before), "odrzucone dane nie mogą zostać zapisane")

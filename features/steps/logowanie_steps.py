"""Steps of logging in through the test Profil Zaufany and of logging out (instrukcja CeZ pkt 2 i 3.1)."""

import parse
from behave import given, register_type, then, when
from hamcrest import assert_that, equal_to, instance_of

from harness.steps_api import site, use_persona
from pages.account import AccountPage
from pages.components.error_pages import PzErrorPage, raise_unexpected_error_screen
from pages.flows import log_in_to_account
from pages.logged_out import LoggedOutPage
from pages.pz_login import PzLoginPage

# People who may try to log in but are no test patients of iIKP; synthetic valid PESELs.
OUTSIDERS = {"osoba spoza listy pacjentów testowych": "15232045626"}


@parse.with_pattern("|".join(OUTSIDERS))
def parse_outsider(text: str) -> str:
    return OUTSIDERS[text]


@parse.with_pattern(r"[^”]*")
def parse_typed_number(text: str) -> str:
    return text


register_type(OsobaSpozaListy=parse_outsider, WpisanyNumer=parse_typed_number)


@given("{pacjent:Osoba} jest pacjentem testowym iIKP")
def step_is_test_patient(context, pacjent):
    use_persona(context, pacjent)


@given("{pacjent:Osoba} jest zalogowany w iIKP")
@given("{pacjent:Osoba} jest zalogowana w iIKP")
def step_is_logged_in(context, pacjent):
    context.page = log_in_to_account(site(context), use_persona(context, pacjent).pesel)


@when("{pacjent:Osoba} loguje się przez testowy Profil Zaufany, zatwierdzając PESEL {sposob:Zatwierdzenie}")
def step_logs_in(context, pacjent, sposob):
    context.page = PzLoginPage.start_login(site(context)).log_in(use_persona(context, pacjent).pesel, sposob)


@when("pacjent zatwierdza w testowym Profilu Zaufanym numer PESEL „{numer:WpisanyNumer}”")
def step_submits_number(context, numer):
    context.page = PzLoginPage.start_login(site(context)).attempt_invalid(numer)


@when("{pesel:OsobaSpozaListy} loguje się przez testowy Profil Zaufany")
def step_outsider_logs_in(context, pesel):
    context.page = PzLoginPage.start_login(site(context)).log_in_allowing_error_screen(pesel)


@when("{pacjent:Osoba} wylogowuje się przyciskiem „Wyloguj się”")
def step_logs_out(context, pacjent):
    context.page = context.page.logout()


@when("{pacjent:Osoba} wraca przyciskiem „Wstecz” przeglądarki")
def step_goes_back(context, pacjent):
    context.page = context.page.go_back()


@then("{pacjent:Osoba} widzi swoje konto w iIKP")
def step_sees_account(context, pacjent):
    raise_unexpected_error_screen(context.page)
    assert_that(context.page, instance_of(AccountPage), "po zalogowaniu powinno otworzyć się „Moje konto”")
    assert_that(context.page.patient_name(), equal_to(pacjent))


@then("{pacjent:Osoba} widzi potwierdzenie wylogowania")
def step_sees_logged_out(context, pacjent):
    assert_that(context.page, instance_of(LoggedOutPage))
    assert_that(context.page.shows_account_menu(), equal_to(False), "po wylogowaniu nie może być menu konta")


@then("{pacjent:Osoba} nie widzi już swojego konta")
def step_no_longer_sees_account(context, pacjent):
    assert_that(context.page.shows_account_of(pacjent), equal_to(False),
                f"po wylogowaniu nie mogą być widoczne dane konta ani „Wyloguj się” ({context.page.current_url()})")


@then("testowy Profil Zaufany odrzuca numer z komunikatem „{komunikat}”")
def step_pz_refuses_number(context, komunikat):
    assert_that(context.page.error_message(), equal_to(komunikat))


@then("logowanie nie opuszcza strony testowego Profilu Zaufanego")
def step_stays_on_pz(context):
    assert_that(context.page, instance_of(PzLoginPage))
    assert_that(context.page.is_on_pz_origin(), equal_to(True), "błędny PESEL nie może prowadzić poza testowy PZ")


@then("{pesel:OsobaSpozaListy} widzi ekran błędu testowego Profilu Zaufanego")
def step_sees_pz_error(context, pesel):
    raise_unexpected_error_screen(context.page, expected=PzErrorPage)
    assert_that(context.page, instance_of(PzErrorPage), "osoba spoza listy pacjentów testowych nie może wejść do iIKP")
    assert_that(context.page.is_on_pz_origin(), equal_to(True), "ekran błędu 3.1 pokazuje testowy Profil Zaufany")

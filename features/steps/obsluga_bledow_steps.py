"""Steps of the environment's documented faults (instrukcja CeZ pkt 3) and the recoveries CeZ prescribes."""

from behave import given, then, when
from hamcrest import assert_that, equal_to, has_length, instance_of, is_not

from harness.recovery import verdict_of
from harness.steps_api import close_browser, fresh_site, site, use_persona
from pages.account import AccountPage
from pages.components.error_pages import FAILURES, IkpErrorPage, PzErrorPage, raise_unexpected_error_screen
from pages.errors import PzErrorScreen
from pages.flows import (
    allowing_error_screen,
    log_in_after_hard_refresh,
    log_in_to_account,
    login_attempts_as_cez_prescribes,
    open_allowing_error_screen,
    open_in_second_tab,
)
from pages.pz_login import PzLoginPage


@given("testowy Profil Zaufany zawiedzie przy najbliższym logowaniu")
def step_pz_fails_once(context):
    context.sim.add_fault("pz_error", count=1)


@given("testowy Profil Zaufany nie działa")
def step_pz_is_down(context):
    context.sim.add_fault("pz_error", count=1000)


@given("iIKP będzie niedostępne przy najbliższym logowaniu")
def step_ikp_fails_once(context):
    context.sim.add_fault("ikp_down", count=1)


@given("węzeł serwera ISUS, do którego trafia przeglądarka, przestał działać")
def step_node_down(context):
    context.sim.add_fault("node_down", node="isus-1")


@given("{pacjent:Osoba} zamknął przeglądarkę, nie wylogowawszy się z iIKP")
@given("{pacjent:Osoba} zamknęła przeglądarkę, nie wylogowawszy się z iIKP")
def step_left_without_logout(context, pacjent):
    log_in_to_account(site(context), use_persona(context, pacjent).pesel)
    close_browser(context)


@given("{pacjent:Osoba} ma otwarty formularz „Edytuj swoje dane”")
def step_has_contact_form_open(context, pacjent):
    context.page = log_in_to_account(site(context), use_persona(context, pacjent).pesel).edit_contact_data()


@when("{pacjent:Osoba} otwiera swoje konto w drugiej karcie przeglądarki")
def step_opens_second_tab(context, pacjent):
    open_in_second_tab(site(context), AccountPage)


@when("{pacjent:Osoba} zapisuje dane kontaktowe w pierwszej karcie")
def step_saves_in_first_tab(context, pacjent):
    context.page = allowing_error_screen(site(context), context.page.save)


@when("{pacjent:Osoba} próbuje zalogować się przez testowy Profil Zaufany")
def step_tries_to_log_in(context, pacjent):
    login = PzLoginPage.start_login(site(context))
    context.page = login.log_in_allowing_error_screen(use_persona(context, pacjent).pesel)


@when("{pacjent:Osoba} ponawia logowanie od początku w nowym oknie prywatnym")
def step_retries_in_private_window(context, pacjent):
    context.page = log_in_to_account(fresh_site(context), use_persona(context, pacjent).pesel)


@when("{pacjent:Osoba} otwiera ponownie „Moje konto”")
def step_reopens_account(context, pacjent):
    context.page = open_allowing_error_screen(site(context), AccountPage)


@when("{pacjent:Osoba} loguje się ponownie po odświeżeniu strony testowego WK klawiszami CTRL+F5")
def step_logs_in_after_hard_refresh(context, pacjent):
    context.page = log_in_after_hard_refresh(site(context), use_persona(context, pacjent).pesel)


@when("{pacjent:Osoba} próbuje zalogować się, ponawiając zgodnie z instrukcją CeZ")
def step_retries_as_cez_prescribes(context, pacjent):
    pesel = use_persona(context, pacjent).pesel
    context.attempts = login_attempts_as_cez_prescribes(lambda: fresh_site(context), pesel,
                                                        context.config_iikp.retries + 1)


@then("{pacjent:Osoba} widzi ekran błędu testowego Profilu Zaufanego")
def step_sees_pz_error(context, pacjent):
    raise_unexpected_error_screen(context.page, expected=PzErrorPage)
    assert_that(context.page, instance_of(PzErrorPage))
    assert_that(context.page.is_on_pz_origin(), equal_to(True), "ekran 3.1 pokazuje testowy Profil Zaufany")


@then("{pacjent:Osoba} widzi ekran niedziałającego iIKP")
def step_sees_ikp_error(context, pacjent):
    raise_unexpected_error_screen(context.page, expected=IkpErrorPage)
    assert_that(context.page, instance_of(IkpErrorPage))


@then("po wyczerpaniu ponowień zestaw zgłasza awarię testowego Profilu Zaufanego, a nie błąd produktu")
def step_reports_pz_failure(context):
    assert_that(context.attempts, has_length(context.config_iikp.retries + 1))
    verdict = verdict_of(context.attempts, FAILURES)
    assert_that(verdict, instance_of(PzErrorScreen))
    assert_that(verdict, is_not(instance_of(AssertionError)))

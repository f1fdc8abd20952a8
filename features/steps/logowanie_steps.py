"""Steps of logging in through the test Profil Zaufany and of logging out (seed section 2)."""

from behave import given, then, when
from hamcrest import assert_that, equal_to, instance_of

from harness.lifecycle import site, use_persona
from pages.account import AccountPage
from pages.flows import log_in_to_account
from pages.logged_out import LoggedOutPage
from pages.pz_login import PzLoginPage


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


@when("{pacjent:Osoba} wylogowuje się przyciskiem „Wyloguj się”")
def step_logs_out(context, pacjent):
    context.page = context.page.logout()


@then("{pacjent:Osoba} widzi swoje konto w iIKP")
def step_sees_account(context, pacjent):
    assert_that(context.page, instance_of(AccountPage), "po zalogowaniu powinno otworzyć się „Moje konto”")
    assert_that(context.page.patient_name(), equal_to(pacjent))


@then("{pacjent:Osoba} widzi potwierdzenie wylogowania")
def step_sees_logged_out(context, pacjent):
    assert_that(context.page, instance_of(LoggedOutPage))
    assert_that(context.page.shows_account_menu(), equal_to(False), "po wylogowaniu nie może być menu konta")

"""Steps of logging in through the test Profil Zaufany and of logging out (instrukcja CeZ pkt 2 and 3.1)."""

from behave import given, then, when

from harness.expect import (
    Words,
    expect,
    expect_error_screen,
    expect_logged_in,
    expect_message,
    expect_no_account,
    expect_screen,
)
from harness.steps_api import acting, logged_in_as, maybe_acting, site, use_persona
from pages.account import AccountPage
from pages.components.error_pages import PzErrorPage
from pages.components.header import LoggedInPage
from pages.flows import log_in
from pages.logged_out import LoggedOutPage
from pages.pz_login import PzLoginPage


@given("{pacjent:Osoba} jest pacjentem testowym iIKP")
def step_is_test_patient(context, pacjent):
    """Osoba ma konto testowe (PESEL z symulatora albo z pliku kont); nic jeszcze nie jest otwarte."""
    use_persona(context, pacjent)


@given("{pacjent:Osoba} jest zalogowany w iIKP")
@given("{pacjent:Osoba} jest zalogowana w iIKP")
def step_is_logged_in(context, pacjent):
    """Loguje przez testowy Profil Zaufany (ENTER); przy pierwszym logowaniu akceptuje regulamin i odkłada dane
    kontaktowe na później."""
    persona = use_persona(context, pacjent)
    context.page = logged_in_as(context, persona, log_in(site(context), persona.pesel))


@when("{pacjent:Osoba} loguje się przez testowy Profil Zaufany, zatwierdzając PESEL {sposob:Zatwierdzenie}")
def step_logs_in(context, pacjent, sposob):
    """Logowanie przez testowy Profil Zaufany, PESEL zatwierdzony klawiszem ENTER albo przyciskiem „Dalej”."""
    persona = use_persona(context, pacjent)
    context.page = logged_in_as(context, persona, PzLoginPage.start_login(site(context)).log_in(persona.pesel, sposob))


@when("{pacjent:Osoba} próbuje zalogować się przez testowy Profil Zaufany")
def step_tries_to_log_in(context, pacjent):
    """Loguje; ekran błędu z instrukcji CeZ pkt 3 jest wynikiem kroku, bez ponawiania."""
    persona = use_persona(context, pacjent)
    page = PzLoginPage.start_login(site(context)).log_in_allowing_error_screen(persona.pesel)
    context.page = logged_in_as(context, persona, page) if isinstance(page, LoggedInPage) else page


@when("pacjent zatwierdza w testowym Profilu Zaufanym numer PESEL „{numer:Wpisane}”")
def step_submits_number(context, numer):
    """Wpisuje ten numer w pole „Pesel” testowego Profilu Zaufanego i zatwierdza."""
    context.page = PzLoginPage.start_login(site(context)).attempt_invalid(numer)


@when("{pesel:OsobaSpozaListy} loguje się przez testowy Profil Zaufany")
def step_outsider_logs_in(context, pesel):
    """Osoba spoza listy kont testowych próbuje zalogować się swoim PESEL-em."""
    context.page = PzLoginPage.start_login(site(context)).log_in_allowing_error_screen(pesel)


@when("{pacjent:Osoba} otwiera „Moje konto”")
def step_opens_my_account(context, pacjent):
    """Otwiera „Moje konto” z góry ekranu (publiczne opisy IKP: prawy górny róg)."""
    acting(context, pacjent)
    context.page = context.page.my_account()


@when("{pacjent:Osoba} wylogowuje się przyciskiem „Wyloguj się”")
def step_logs_out(context, pacjent):
    """Naciska „Wyloguj się”."""
    acting(context, pacjent)
    context.page = logged_in_as(context, None, context.page.logout())


@when("{pacjent:Osoba} wraca przyciskiem „Wstecz” przeglądarki")
def step_goes_back(context, pacjent):
    """Przycisk „Wstecz” przeglądarki."""
    acting(context, pacjent)
    context.page = context.page.go_back()


@then("{pacjent:Osoba} widzi swoje konto w iIKP")
def step_sees_account(context, pacjent):
    """Sprawdza, że otwarty jest ekran iIKP, którego nagłówek pokazuje pacjenta i oferuje „Wyloguj się”."""
    expect_logged_in(context.page, pacjent)
    acting(context, pacjent)


@then("{pacjent:Osoba} widzi w „Moje konto” swoje imię i nazwisko")
def step_sees_own_name(context, pacjent):
    """Sprawdza imię i nazwisko w danych pacjenta w „Moje konto”."""
    acting(context, pacjent)
    expect_screen(context.page, AccountPage)
    expect("imię i nazwisko w „Moje konto”", pacjent, context.page.patient_name())


@then("{pacjent:Osoba} nie jest już zalogowany w iIKP")
@then("{pacjent:Osoba} nie jest już zalogowana w iIKP")
def step_logged_out(context, pacjent):
    """Sprawdza, że nie ma „Wyloguj się” ani imienia pacjenta w nagłówku (strona po wylogowaniu nie jest
    publicznie opisana)."""
    acting(context, pacjent)
    expect_screen(context.page, LoggedOutPage, subject="ekran po wylogowaniu")
    expect_no_account(context.page, pacjent)


@then("{pacjent:Osoba} nie widzi już swojego konta")
def step_no_longer_sees_account(context, pacjent):
    """Sprawdza, że nie widać konta ani „Wyloguj się”."""
    acting(context, pacjent)
    expect_no_account(context.page, pacjent)


@then("testowy Profil Zaufany odrzuca ten numer i mówi dlaczego")
def step_pz_refuses_number(context):
    """Sprawdza komunikat przy polu „Pesel” testowego Profilu Zaufanego."""
    expect_message(context.page, "komunikat przy polu „Pesel”")


@then("logowanie nie opuszcza strony testowego Profilu Zaufanego")
def step_stays_on_pz(context):
    """Sprawdza, że przeglądarka została na stronie testowego Profilu Zaufanego."""
    expect_screen(context.page, PzLoginPage, subject="ekran po błędnym numerze PESEL")
    expect("adres strony", Words("adres testowego Profilu Zaufanego"), context.page.current_url(),
           holds=context.page.is_on_pz_origin())


@then("{ktos:Ktos} widzi ekran błędu testowego Profilu Zaufanego")
def step_sees_pz_error(context, ktos):
    """Sprawdza ekran błędu 3.1 (instrukcja CeZ pkt 3.1) pod adresem testowego Profilu Zaufanego."""
    maybe_acting(context, ktos)
    expect_error_screen(context.page, PzErrorPage)
    expect("adres ekranu błędu 3.1", Words("adres testowego Profilu Zaufanego"), context.page.current_url(),
           holds=context.page.is_on_pz_origin())

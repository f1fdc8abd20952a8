"""Steps of the environment's documented faults (instrukcja CeZ pkt 3) and the recoveries CeZ prescribes."""

from behave import given, step, then, when

from harness.expect import expect_error_screen
from harness.steps_api import acting, arranged, close_browser, fresh_site, logged_in_as, site, use_persona
from pages.account import AccountPage
from pages.components.error_pages import IkpErrorPage
from pages.flows import (
    allowing_error_screen,
    log_in,
    log_in_after_hard_refresh,
    open_allowing_error_screen,
    open_in_second_tab,
)


# -- faults on demand (simulator) -------------------------------------------------------------------------
@given("testowy Profil Zaufany zawiedzie przy najbliższym logowaniu")
def step_pz_fails_once(context):
    """Symulator: najbliższe logowanie w testowym Profilu Zaufanym kończy się ekranem błędu 3.1."""
    arranged(context).pz_fails(1)


@given("iIKP będzie niedostępne przy najbliższym logowaniu")
def step_ikp_fails_once(context):
    """Symulator: po najbliższym logowaniu iIKP pokazuje ekran błędu 3.2."""
    arranged(context).ikp_down_once()


@step("węzeł serwera ISUS, do którego trafia przeglądarka, przestał działać")
def step_node_down(context):
    """Symulator: węzeł logowania ISUS z ciasteczka przeglądarki przestaje działać (jako „Zakładając” albo w
    środku scenariusza)."""
    arranged(context).node_down()


# -- browser states (arranged in the browser, the only place they exist) ----------------------------------------
@given("{pacjent:Osoba} zamknął przeglądarkę, nie wylogowawszy się z iIKP")
@given("{pacjent:Osoba} zamknęła przeglądarkę, nie wylogowawszy się z iIKP")
def step_left_without_logout(context, pacjent):
    """Loguje i zamyka przeglądarkę bez „Wyloguj się” (instrukcja CeZ pkt 2.3 przed tym przestrzega)."""
    log_in(site(context), use_persona(context, pacjent).pesel)
    close_browser(context)


@given("{pacjent:Osoba} ma otwarty formularz „Edytuj swoje dane”")
def step_has_contact_form_open(context, pacjent):
    """Loguje i otwiera „Moje konto” → „Edytuj swoje dane” w przeglądarce."""
    persona = use_persona(context, pacjent)
    page = log_in(site(context), persona.pesel).my_account().edit_contact_data()
    context.page = logged_in_as(context, persona, page)


# -- the patient ---------------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} otwiera swoje konto w drugiej karcie przeglądarki")
def step_opens_second_tab(context, pacjent):
    """Otwiera „Moje konto” w drugiej karcie i wraca do pierwszej."""
    acting(context, pacjent)
    open_in_second_tab(site(context), AccountPage)


@when("{pacjent:Osoba} zapisuje dane kontaktowe w pierwszej karcie")
def step_saves_in_first_tab(context, pacjent):
    """Naciska „Zapisz” w formularzu pierwszej karty; ekran błędu jest wynikiem kroku."""
    acting(context, pacjent)
    context.page = allowing_error_screen(site(context), context.page.save)


@when("{pacjent:Osoba} ponawia logowanie od początku w nowym oknie prywatnym")
def step_retries_in_private_window(context, pacjent):
    """Instrukcja CeZ pkt 3: ponowienie od kroku 1 w nowym oknie prywatnym (nowa przeglądarka)."""
    persona = use_persona(context, pacjent)
    context.page = logged_in_as(context, persona, log_in(fresh_site(context), persona.pesel))


@when("{pacjent:Osoba} otwiera ponownie „Moje konto”")
def step_reopens_account(context, pacjent):
    """Otwiera adres „Moje konto” jeszcze raz; ekran błędu jest wynikiem kroku."""
    acting(context, pacjent)
    context.page = open_allowing_error_screen(site(context), AccountPage)


@when("{pacjent:Osoba} loguje się ponownie po odświeżeniu strony testowego WK klawiszami CTRL+F5")
def step_logs_in_after_hard_refresh(context, pacjent):
    """Odświeża stronę testowego WK klawiszami CTRL+F5 i loguje się od nowa (instrukcja CeZ pkt 3)."""
    persona = use_persona(context, pacjent)
    context.page = logged_in_as(context, persona, log_in_after_hard_refresh(site(context), persona.pesel))


# -- what the patient sees --------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi ekran niedziałającego iIKP")
def step_sees_ikp_error(context, pacjent):
    """Sprawdza ekran błędu 3.2 (instrukcja CeZ pkt 3.2)."""
    acting(context, pacjent)
    expect_error_screen(context.page, IkpErrorPage)

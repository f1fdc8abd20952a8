"""Steps of the first login's duties and of the contact data in „Moje konto” (instrukcja CeZ pkt 2.2)."""

from behave import given, then, when

from harness.expect import Words, expect, expect_message, expect_screen
from harness.gherkin_types import contact_data
from harness.steps_api import acting, arranged, logged_in_as, on_screen, site, use_persona
from harness.tasks import save_contact_data, try_contact_data
from pages.contact_form import ContactFormPage, FirstContactPage
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage


# -- the first login (arranged through the simulator) --------------------------------------------------
@given("{pacjent:Osoba} nie zaakceptował jeszcze regulaminu iIKP")
@given("{pacjent:Osoba} nie zaakceptowała jeszcze regulaminu iIKP")
def step_terms_not_accepted(context, pacjent):
    """Układa w symulatorze konto, które nie ma jeszcze zaakceptowanego regulaminu."""
    arranged(context).terms_not_accepted(use_persona(context, pacjent))


@given("{pacjent:Osoba} nie podał jeszcze danych kontaktowych")
@given("{pacjent:Osoba} nie podała jeszcze danych kontaktowych")
def step_no_contact_data(context, pacjent):
    """Układa w symulatorze konto bez numeru telefonu i adresu e-mail."""
    arranged(context).no_contact_data(use_persona(context, pacjent))


@given("{pacjent:Osoba} ma za sobą pierwsze logowanie")
def step_after_first_login(context, pacjent):
    """Układa w symulatorze konto po pierwszym logowaniu: regulamin zaakceptowany, dane kontaktowe podane
    (instrukcja CeZ pkt 2.2)."""
    arranged(context).after_first_login(use_persona(context, pacjent))


@given("{pacjent:Osoba} zalogował się do iIKP po raz pierwszy")
@given("{pacjent:Osoba} zalogowała się do iIKP po raz pierwszy")
def step_first_login(context, pacjent):
    """Układa konto bez zaakceptowanego regulaminu i loguje pacjenta na ekranie: przeglądarka pokazuje
    regulamin. Stan przeglądarki da się ułożyć tylko w przeglądarce, stąd logowanie przez ekrany."""
    persona = use_persona(context, pacjent)
    arranged(context).terms_not_accepted(persona)
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
    context.page = context.page.fill_in(contact_data(context.table)).save()


@when("{pacjent:Osoba} próbuje otworzyć „Moje konto” bez akceptacji regulaminu")
def step_opens_account_before_terms(context, pacjent):
    """Próbuje przejść do „Moje konto”, nie akceptując regulaminu."""
    acting(context, pacjent)
    context.page = context.page.open_account_without_accepting()


@then("{pacjent:Osoba} widzi regulamin iIKP do akceptacji")
def step_sees_terms(context, pacjent):
    """Sprawdza, że jest ekran regulaminu i da się go zaakceptować."""
    acting(context, pacjent)
    expect_screen(context.page, TermsPage, subject="ekran przed akceptacją regulaminu")
    expect("regulamin", Words("pole akceptacji i „Dalej”"), Words("bez pola akceptacji albo „Dalej”"),
           holds=context.page.can_accept())


@then("{pacjent:Osoba} widzi prośbę o podanie danych kontaktowych")
def step_sees_contact_prompt(context, pacjent):
    """Sprawdza, że po regulaminie iIKP prosi o dane kontaktowe."""
    acting(context, pacjent)
    expect_screen(context.page, FirstContactPage, subject="ekran po akceptacji regulaminu")


# -- contact data in „Moje konto” ----------------------------------------------------------------------------
@when("{pacjent:Osoba} zapisuje w „Moje konto” dane kontaktowe:")
def step_saves_contact_data(context, pacjent):
    """Zapisuje dane z tabeli przez „Moje konto” → „Edytuj swoje dane”; na prawdziwym koncie poprzednie dane
    wracają po scenariuszu."""
    save_contact_data(context, pacjent, contact_data(context.table))


@when("{pacjent:Osoba} próbuje zapisać w „Moje konto” dane kontaktowe:")
def step_tries_contact_data(context, pacjent):
    """Wpisuje dane z tabeli w „Edytuj swoje dane” i zapisuje, spodziewając się odmowy; zapamiętuje dane sprzed
    próby."""
    try_contact_data(context, pacjent, lambda form: form.fill_in(contact_data(context.table)))


@when("{pacjent:Osoba} próbuje zapisać jako {pole:PoleKontaktowe} „{wartosc:Wpisane}”")
def step_tries_contact_value(context, pacjent, pole, wartosc):
    """Wpisuje tę wartość w jedno pole „Edytuj swoje dane” i zapisuje, spodziewając się odmowy."""
    try_contact_data(context, pacjent, lambda form: form.fill_field(pole, wartosc))


@then("{pacjent:Osoba} widzi w „Moje konto” dane kontaktowe:")
def step_sees_contact_data(context, pacjent):
    """Sprawdza, że „Moje konto” pokazuje dokładnie dane z tabeli."""
    acting(context, pacjent)
    expect("dane kontaktowe w „Moje konto”", contact_data(context.table),
           on_screen(context, context.page.my_account()).contact_data())


@then("iIKP nie zapisuje danych kontaktowych i wskazuje pole {pole:PoleKontaktowe}")
def step_contact_refused(context, pole):
    """Sprawdza odmowę: formularz wraca z komunikatem, a to pole jest oznaczone jako błędne."""
    expect_screen(context.page, ContactFormPage, FirstContactPage, subject="ekran po odmowie")
    expect_message(context.page, "komunikat, co jest nie tak")
    expect("pola oznaczone jako błędne", Words(f"między nimi „{pole}”"), context.page.refused_fields(),
           holds=pole in context.page.refused_fields())


@then("{pacjent:Osoba} ma w „Moje konto” niezmienione dane kontaktowe")
def step_contact_unchanged(context, pacjent):
    """Sprawdza, że „Moje konto” pokazuje te same dane kontaktowe co przed próbą."""
    acting(context, pacjent)
    expect("dane kontaktowe w „Moje konto” po odmowie", context.scene.before,
           on_screen(context, context.page.my_account()).contact_data())

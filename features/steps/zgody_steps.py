"""Steps of granting and withdrawing consents and authorisations under „Uprawnienia” (instrukcja CeZ pkt 1)."""

from __future__ import annotations

from behave import given, then, when

from harness.created import ConsentRef
from harness.expect import Words, expect, expect_message, expect_screen
from harness.steps_api import acting, arranged, last, named_consent, on_screen, remember, today, use_persona
from harness.tasks import consent_shown_as, grant_consent, try_to_grant
from pages.consent_form import ConsentWizardPage
from pages.consents import ConsentsPage


# -- arranging (simulator only) ---------------------------------------------------------------------
@given("{pacjent:Osoba} ma już aktywne uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_has_active_consent(context, pacjent, rodzaj, osoba):
    """Układa w symulatorze aktywne od dziś uprawnienie tego rodzaju dla tej osoby; „to uprawnienie” w dalszych
    krokach to ono."""
    remember(context, arranged(context).active_consent(use_persona(context, pacjent), rodzaj, osoba.name, osoba.pesel))


# -- acting ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} nadaje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_grants_to_person(context, pacjent, rodzaj, osoba, okres):
    """Na ekranie: „Uprawnienia” → „Dodaj uprawnienie”, rodzaj, osoba, „Dalej”, daty, zapis. Wcześniejsze
    aktywne uprawnienie tego rodzaju dla tej osoby jest najpierw wycofywane; po scenariuszu nowe też."""
    grant_consent(context, pacjent, rodzaj, okres, person=osoba)


@when("{pacjent:Osoba} nadaje uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}” "
      "{okres:OkresUprawnienia}")
def step_grants_for_services(context, pacjent, rodzaj, zakres, okres):
    """Na ekranie: „Uprawnienia” → „Dodaj uprawnienie”, rodzaj, zakres usług, „Dalej”, daty, zapis. Wcześniejsze
    aktywne uprawnienie tego rodzaju w tym zakresie jest najpierw wycofywane; po scenariuszu nowe też."""
    grant_consent(context, pacjent, rodzaj, okres, scope=zakres)


@when("{pacjent:Osoba} próbuje nadać uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_tries_to_grant(context, pacjent, rodzaj, osoba, okres):
    """Przechodzi kreator „Dodaj uprawnienie”, spodziewając się odmowy; zapamiętuje listę sprzed próby."""
    try_to_grant(context, pacjent, rodzaj, okres, osoba)


@when("{pacjent:Osoba} wycofuje to uprawnienie")
def step_withdraws(context, pacjent):
    """„Wycofaj” przy uprawnieniu nadanym albo ułożonym ostatnio w scenariuszu."""
    acting(context, pacjent)
    ref = last(context, ConsentRef)
    context.page = context.page.consents().withdraw(ref.kind, ref.identity)


@when("{pacjent:Osoba} przegląda swoje uprawnienia")
def step_views_consents(context, pacjent):
    """Otwiera „Uprawnienia” z menu."""
    acting(context, pacjent)
    context.page = context.page.consents()


# -- checking ----------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi to uprawnienie w „Uprawnienia” jako {stan:StanUprawnienia}")
def step_sees_consent(context, pacjent, stan):
    """Aktywne: któryś wiersz tego uprawnienia jest aktywny. Wycofane: żaden nie jest już aktywny, a któryś
    pokazuje je jako wycofane."""
    acting(context, pacjent)
    context.scene.seen = consent_shown_as(context, stan)


@then("to uprawnienie ma pełny zakres")
def step_consent_full_scope(context):
    """Sprawdza, że sprawdzone przed chwilą uprawnienie ma pełny zakres."""
    expect("zakres tego uprawnienia", ConsentsPage.FULL_SCOPE, context.scene.seen.scope)


@then("to uprawnienie obowiązuje {okres:OkresUprawnienia}")
def step_consent_period(context, okres):
    """Sprawdza daty „od” i „do” sprawdzonego przed chwilą uprawnienia."""
    seen = context.scene.seen
    expect("okres obowiązywania tego uprawnienia", Words(okres.describe(today(context))),
           Words(f"od {seen.date_from} " + (f"do {seen.date_to}" if seen.date_to else "bezterminowo")))


@then("iIKP nie zapisuje uprawnienia i wskazuje {pole:PoleUprawnienia}")
def step_refused_pointing_at(context, pole):
    """Sprawdza, że kreator został z komunikatem, a to pole jest oznaczone jako błędne."""
    expect_screen(context.page, ConsentWizardPage, subject="ekran po odmowie")
    expect_message(context.page, "komunikat, co jest nie tak")
    expect("pola oznaczone jako błędne", Words(f"między nimi „{pole}”"), context.page.refused_fields(),
           holds=pole in context.page.refused_fields())


@then("iIKP nie zapisuje uprawnienia i mówi dlaczego")
def step_refused(context):
    """Sprawdza, że kreator został z komunikatem, dlaczego iIKP nie zapisało uprawnienia."""
    expect_screen(context.page, ConsentWizardPage, subject="ekran po odmowie")
    expect_message(context.page, "komunikat, dlaczego iIKP nie zapisało uprawnienia")


@then("żadne nowe uprawnienie nie zostało zapisane")
def step_nothing_saved(context):
    """Sprawdza, że lista „Uprawnienia” jest taka sama jak przed próbą."""
    shown = on_screen(context, context.page.consents()).listed()
    expect("lista „Uprawnienia”", context.scene.before, shown)


# -- earlier consents, named by their kind and person (or services) ------------------------------------------------
@given("{pacjent:Osoba} nadał {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
@given("{pacjent:Osoba} nadała {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_granted_days_ago(context, pacjent, kiedy, rodzaj, osoba):
    """Układa w symulatorze aktywne uprawnienie dla tej osoby z datą rozpoczęcia tyle dni przed dzisiejszą."""
    remember(context, arranged(context).active_consent(use_persona(context, pacjent), rodzaj, osoba.name, osoba.pesel,
                                                       days_ago=kiedy))


@given("{pacjent:Osoba} nadał {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
@given("{pacjent:Osoba} nadała {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
def step_granted_for_services_days_ago(context, pacjent, kiedy, rodzaj, zakres):
    """Układa w symulatorze aktywne uprawnienie w tym zakresie z datą rozpoczęcia tyle dni przed dzisiejszą."""
    remember(context, arranged(context).active_consent(use_persona(context, pacjent), rodzaj, scope=zakres,
                                                       days_ago=kiedy))


@when("{pacjent:Osoba} wycofuje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_withdraws_named(context, pacjent, rodzaj, osoba):
    """„Wycofaj” przy tym uprawnieniu dla tej osoby, nadanym albo ułożonym wcześniej w scenariuszu."""
    ref = named_consent(context, pacjent, rodzaj, person=osoba)
    context.page = context.page.consents().withdraw(ref.kind, ref.identity)


@when("{pacjent:Osoba} wycofuje uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
def step_withdraws_named_services(context, pacjent, rodzaj, zakres):
    """„Wycofaj” przy tym uprawnieniu w tym zakresie, nadanym albo ułożonym wcześniej w scenariuszu."""
    ref = named_consent(context, pacjent, rodzaj, scope=zakres)
    context.page = context.page.consents().withdraw(ref.kind, ref.identity)


@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "w „Uprawnienia” jako {stan:StanUprawnienia}")
def step_sees_named_consent(context, pacjent, rodzaj, osoba, stan):
    """Sprawdza w „Uprawnienia” stan tego uprawnienia dla tej osoby (nadanego albo ułożonego w scenariuszu);
    „to uprawnienie” w następnych zdaniach to ono."""
    context.scene.seen = consent_shown_as(context, stan, named_consent(context, pacjent, rodzaj, person=osoba))


@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}” "
      "w „Uprawnienia” jako {stan:StanUprawnienia}")
def step_sees_named_services_consent(context, pacjent, rodzaj, zakres, stan):
    """Sprawdza w „Uprawnienia” stan tego uprawnienia w tym zakresie (nadanego albo ułożonego w scenariuszu)."""
    context.scene.seen = consent_shown_as(context, stan, named_consent(context, pacjent, rodzaj, scope=zakres))

"""Steps of granting and withdrawing consents and authorisations under „Uprawnienia” (instrukcja CeZ pkt 1)."""

from __future__ import annotations

from behave import given, then, when
from hamcrest import assert_that, equal_to, has_item, instance_of, is_not

from harness.created import ConsentRef
from harness.gherkin_types import MYSELF, THIRD_PERSONS, Period, ThirdPerson
from harness.steps_api import acting, created, preparing, today, undo_later, use_persona
from harness.steps_api import given as given_state
from pages.consent_form import ConsentEntry, ConsentWizardPage
from pages.consents import ConsentsPage


def third_person(context, form: str) -> ThirdPerson:
    """The person named in Gherkin; „samego siebie” is the logged-in patient."""
    if form == MYSELF:
        return ThirdPerson(context.patient.name, context.patient.pesel)
    return THIRD_PERSONS[form]


def consents_page(context) -> ConsentsPage:
    """The list „Uprawnienia”: the current page if it is the list, else reached through the main menu."""
    if not isinstance(context.page, ConsentsPage):
        context.page = context.page.go_to("Uprawnienia", ConsentsPage)
    return context.page


def entry_of(context, kind: str, period: Period, person: ThirdPerson | None = None, scope: str = "") -> ConsentEntry:
    date_from, date_to = period.dates(today(context))
    return ConsentEntry(kind, person.name if person else "", person.pesel if person else "", scope, date_from, date_to)


def withdraw_if_active(kind: str, identity: str):
    """How to withdraw a consent if it is still active (for the clean-up of a real account)."""

    def undo(page):
        consents = page if isinstance(page, ConsentsPage) else page.go_to("Uprawnienia", ConsentsPage)
        rows = consents.consents(kind)
        if any(row.can_withdraw and (identity in row.person or identity == row.scope) for row in rows):
            return consents.withdraw(kind, identity)
        return consents

    return undo


def grant(context, patient: str, entry: ConsentEntry) -> None:
    """Bring the account to a clean start (no active consent of this kind for this person or services),
    then go through the wizard; remember the consent and how to withdraw it after the scenario."""
    persona = acting(context, patient)
    identity = entry.person_name or entry.scope
    consents = consents_page(context)
    while any(row.can_withdraw for row in consents.consents(entry.kind, person=entry.person_name or None,
                                                             scope=None if entry.person_name else entry.scope)):
        with preparing(f"wycofanie aktywnego uprawnienia „{entry.kind}” ({identity}) sprzed scenariusza"):
            consents = consents.withdraw(entry.kind, identity)
    context.page = consents.add_consent().grant(entry)
    created(context).add(ConsentRef(persona, entry.kind, entry.person_name, entry.person_pesel, entry.scope,
                                    entry.date_from, entry.date_to))
    undo_later(context, f"wycofanie uprawnienia „{entry.kind}” ({identity})", persona,
               withdraw_if_active(entry.kind, identity))


def shown_rows(context, ref: ConsentRef):
    """The rows of „Uprawnienia” that show this consent (its kind, person or services, start date)."""
    rows = consents_page(context).consents(ref.kind, person=ref.person_name or None,
                                           scope=None if ref.person_name else ref.scope)
    return [row for row in rows if row.date_from == ref.date_from]


# -- arranging (simulator only) ---------------------------------------------------------------------
@given("{pacjent:Osoba} ma już aktywne uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_has_active_consent(context, pacjent, rodzaj, osoba):
    """Układa w symulatorze aktywne od dziś uprawnienie tego rodzaju dla tej osoby; „to uprawnienie” w dalszych
    krokach to ono."""
    person = third_person(context, osoba)
    created(context).add(given_state(context).active_consent(use_persona(context, pacjent), rodzaj,
                                                              person_name=person.name, person_pesel=person.pesel))


# -- acting ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} nadaje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_grants_to_person(context, pacjent, rodzaj, osoba, okres):
    """Na ekranie: „Uprawnienia” → „Dodaj uprawnienie”, rodzaj, osoba, „Dalej”, daty, zapis. Wcześniejsze
    aktywne uprawnienie tego rodzaju dla tej osoby jest najpierw wycofywane; po scenariuszu nowe też."""
    grant(context, pacjent, entry_of(context, rodzaj, okres, person=third_person(context, osoba)))


@when("{pacjent:Osoba} nadaje uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}” "
      "{okres:OkresUprawnienia}")
def step_grants_for_services(context, pacjent, rodzaj, zakres, okres):
    """Na ekranie: „Uprawnienia” → „Dodaj uprawnienie”, rodzaj, zakres usług, „Dalej”, daty, zapis. Wcześniejsze
    aktywne uprawnienie tego rodzaju w tym zakresie jest najpierw wycofywane; po scenariuszu nowe też."""
    grant(context, pacjent, entry_of(context, rodzaj, okres, scope=zakres))


@when("{pacjent:Osoba} próbuje nadać uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_tries_to_grant(context, pacjent, rodzaj, osoba, okres):
    """Przechodzi kreator „Dodaj uprawnienie”, spodziewając się odmowy; zapamiętuje listę sprzed próby."""
    acting(context, pacjent)
    consents = consents_page(context)
    context.consents_before = consents.consents()
    entry = entry_of(context, rodzaj, okres, person=third_person(context, osoba))
    context.page = consents.add_consent().grant_expecting_refusal(entry)


@when("{pacjent:Osoba} wycofuje to uprawnienie")
def step_withdraws(context, pacjent):
    """„Wycofaj” przy uprawnieniu nadanym albo ułożonym ostatnio w scenariuszu."""
    acting(context, pacjent)
    ref = created(context).last(ConsentRef)
    context.page = consents_page(context).withdraw(ref.kind, ref.person_name or ref.scope)


@when("{pacjent:Osoba} przegląda swoje uprawnienia")
def step_views_consents(context, pacjent):
    """Otwiera „Uprawnienia” z menu."""
    acting(context, pacjent)
    context.page = context.page.go_to("Uprawnienia", ConsentsPage)


# -- checking ----------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi to uprawnienie w „Uprawnieniach” jako {stan:StanUprawnienia}")
def step_sees_consent(context, pacjent, stan):
    """Aktywne: któryś wiersz tego uprawnienia jest aktywny. Wycofane: żaden nie jest już aktywny, a któryś
    pokazuje je jako wycofane."""
    acting(context, pacjent)
    ref = created(context).last(ConsentRef)
    rows = shown_rows(context, ref)
    states = [row.state for row in rows]
    if stan == "withdrawn":
        assert_that(states, is_not(has_item("active")), f"{ref.describe()} nie może być już aktywne")
    assert_that(states, has_item(stan), f"{ref.describe()}: stany na liście")
    context.consent = next(row for row in rows if row.state == stan)


@then("to uprawnienie ma pełny zakres")
def step_consent_full_scope(context):
    """Sprawdza, że sprawdzone przed chwilą uprawnienie ma pełny zakres."""
    assert_that(context.consent.scope, equal_to(ConsentsPage.FULL_SCOPE))


@then("to uprawnienie obowiązuje {okres:OkresUprawnienia}")
def step_consent_period(context, okres):
    """Sprawdza daty „od” i „do” sprawdzonego przed chwilą uprawnienia."""
    shown = (context.consent.date_from, context.consent.date_to)
    assert_that(shown, equal_to(okres.dates(today(context))), "okres obowiązywania (od, do)")


@then("iIKP nie zapisuje uprawnienia i wskazuje {pole:PoleUprawnienia}")
def step_refused_pointing_at(context, pole):
    """Sprawdza, że kreator został z komunikatem, a to pole jest oznaczone jako błędne."""
    assert_that(context.page, instance_of(ConsentWizardPage), "po odmowie powinien zostać kreator uprawnienia")
    assert_that(context.page.messages(), is_not(equal_to([])), "komunikat, co jest nie tak")
    assert_that(context.page.refused_fields(), has_item(ConsentWizardPage.FIELD_LABELS[pole]))


@then("iIKP nie zapisuje uprawnienia i mówi dlaczego")
def step_refused(context):
    """Sprawdza, że kreator został z komunikatem, dlaczego iIKP nie zapisało uprawnienia."""
    assert_that(context.page, instance_of(ConsentWizardPage), "po odmowie powinien zostać kreator uprawnienia")
    assert_that(context.page.messages(), is_not(equal_to([])), "komunikat, dlaczego iIKP nie zapisało uprawnienia")


@then("żadne nowe uprawnienie nie zostało zapisane")
def step_nothing_saved(context):
    """Sprawdza, że lista „Uprawnienia” jest taka sama jak przed próbą."""
    assert_that(consents_page(context).consents(), equal_to(context.consents_before),
                "lista uprawnień przed próbą i po niej")


# -- earlier consents, named by their kind and person (or services) ------------------------------------------------
def named_consent(context, patient: str, kind: str, form: str | None = None, scope: str = "") -> ConsentRef:
    """The consent of this kind for this person (or these services) the scenario granted or arranged last."""
    persona = acting(context, patient)
    name = third_person(context, form).name if form else ""
    whom = f"dla {form}" if form else f"w zakresie „{scope}”"
    return created(context).named(ConsentRef, f"uprawnienie „{kind}” {whom}", lambda ref: (
        ref.patient == persona and ref.kind == kind and (ref.person_name == name if form else ref.scope == scope)))


def consent_shown_as(context, ref: ConsentRef, state: str) -> None:
    """Active: a row of it is active. Withdrawn: no row of it is active any more, and one shows it withdrawn."""
    rows = shown_rows(context, ref)
    states = [row.state for row in rows]
    if state == "withdrawn":
        assert_that(states, is_not(has_item("active")), f"{ref.describe()} nie może być już aktywne")
    assert_that(states, has_item(state), f"{ref.describe()}: stany na liście")
    context.consent = next(row for row in rows if row.state == state)


@given("{pacjent:Osoba} nadał {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
@given("{pacjent:Osoba} nadała {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_granted_days_ago(context, pacjent, kiedy, rodzaj, osoba):
    """Układa w symulatorze aktywne uprawnienie dla tej osoby z datą rozpoczęcia tyle dni przed dzisiejszą."""
    person = third_person(context, osoba)
    created(context).add(given_state(context).active_consent(use_persona(context, pacjent), rodzaj, days_ago=kiedy,
                                                              person_name=person.name, person_pesel=person.pesel))


@given("{pacjent:Osoba} nadał {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
@given("{pacjent:Osoba} nadała {kiedy:Dawniej} uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
def step_granted_for_services_days_ago(context, pacjent, kiedy, rodzaj, zakres):
    """Układa w symulatorze aktywne uprawnienie w tym zakresie z datą rozpoczęcia tyle dni przed dzisiejszą."""
    created(context).add(given_state(context).active_consent(use_persona(context, pacjent), rodzaj, scope=zakres,
                                                              days_ago=kiedy))


@when("{pacjent:Osoba} wycofuje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_withdraws_named(context, pacjent, rodzaj, osoba):
    """„Wycofaj” przy tym uprawnieniu dla tej osoby, nadanym albo ułożonym wcześniej w scenariuszu."""
    ref = named_consent(context, pacjent, rodzaj, form=osoba)
    context.page = consents_page(context).withdraw(ref.kind, ref.person_name)


@when("{pacjent:Osoba} wycofuje uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}”")
def step_withdraws_named_services(context, pacjent, rodzaj, zakres):
    """„Wycofaj” przy tym uprawnieniu w tym zakresie, nadanym albo ułożonym wcześniej w scenariuszu."""
    ref = named_consent(context, pacjent, rodzaj, scope=zakres)
    context.page = consents_page(context).withdraw(ref.kind, ref.scope)


@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "w „Uprawnieniach” jako {stan:StanUprawnienia}")
def step_sees_named_consent(context, pacjent, rodzaj, osoba, stan):
    """Sprawdza w „Uprawnieniach” stan tego uprawnienia dla tej osoby (nadanego albo ułożonego w scenariuszu);
    „to uprawnienie” w następnych zdaniach to ono."""
    consent_shown_as(context, named_consent(context, pacjent, rodzaj, form=osoba), stan)


@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres:Tekst}” "
      "w „Uprawnieniach” jako {stan:StanUprawnienia}")
def step_sees_named_services_consent(context, pacjent, rodzaj, zakres, stan):
    """Sprawdza w „Uprawnieniach” stan tego uprawnienia w tym zakresie (nadanego albo ułożonego w scenariuszu)."""
    consent_shown_as(context, named_consent(context, pacjent, rodzaj, scope=zakres), stan)

"""Steps of granting and withdrawing consents and authorisations under „Uprawnienia” (instrukcja CeZ pkt 1)."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import parse
from behave import given, register_type, then, when
from hamcrest import assert_that, equal_to, has_item, instance_of

from harness.steps_api import use_persona
from pages.consent_form import ConsentEntry, ConsentFormPage
from pages.consents import ConsentsPage

# Option labels of „Rodzaj uprawnienia” (docs/simulator-contract.md) -> the admin API's kind.
KINDS = {
    "Upoważnienie do dostępu do dokumentacji medycznej": "records_access",  # [choice]
    "Upoważnienie do uzyskiwania informacji o stanie zdrowia": "health_info",  # [choice]
    "Zgoda na udzielenie określonych świadczeń zdrowotnych": "treatment_consent",  # [choice]
    "Sprzeciw wobec udzielenia określonych świadczeń zdrowotnych": "treatment_refusal",  # [choice]
}


@dataclass(frozen=True)
class ThirdPerson:
    """Someone the patient authorises; synthetic data, never a test patient's own PESEL."""

    name: str
    pesel: str


# Third persons by the form Gherkin uses („dla Ewy Nowak”) -> name and synthetic PESEL.
PEOPLE = {
    "Ewy Nowak": ThirdPerson("Ewa Nowak", "15232045626"),
    "Piotra Zielińskiego": ThirdPerson("Piotr Zieliński", "75092301878"),
    "osoby z błędnym numerem PESEL": ThirdPerson("Tomasz Mazur", "87061302072"),  # wrong check digit
}
MYSELF = "samego siebie"  # the logged-in patient, named in the form as a third person


@dataclass(frozen=True)
class Period:
    """A validity period relative to today: start in days from today, length in days (None: open-ended)."""

    start: int
    days: int | None

    def dates(self, today: datetime.date) -> tuple[datetime.date, datetime.date | None]:
        """(first day, last day or None); „przez 30 dni” counts the first day as day one."""
        first = today + datetime.timedelta(days=self.start)
        return first, (first + datetime.timedelta(days=self.days - 1) if self.days else None)


_STARTS = {"dziś": 0, "jutra": 1}
_PERIOD = r"od (?:dziś|jutra) (?:bezterminowo|przez \d+ dni)|z datą rozpoczęcia wczoraj"


@parse.with_pattern("|".join(re.escape(label) for label in KINDS))
def parse_consent_kind(text: str) -> str:
    return text


@parse.with_pattern("|".join(re.escape(form) for form in [*PEOPLE, MYSELF]))
def parse_third_person(text: str) -> str:
    return text


@parse.with_pattern(_PERIOD)
def parse_period(text: str) -> Period:
    if text == "z datą rozpoczęcia wczoraj":
        return Period(start=-1, days=None)
    start, length = re.fullmatch(r"od (\S+) (.+)", text).groups()
    days = None if length == "bezterminowo" else int(length.split()[1])
    return Period(start=_STARTS[start], days=days)


parse_consent_kind.allowed = ", ".join(f"`{label}`" for label in KINDS)
parse_third_person.allowed = ", ".join(f"`{form}`" for form in [*PEOPLE, MYSELF])
parse_period.allowed = "`od dziś bezterminowo`, `od jutra przez N dni`, `z datą rozpoczęcia wczoraj`"

register_type(RodzajUprawnienia=parse_consent_kind, OsobaUprawniona=parse_third_person, OkresUprawnienia=parse_period)


def today(context) -> datetime.date:
    """The simulator's simulated date, or the real one against the real iIKP."""
    return datetime.date.fromisoformat(context.sim.today()) if context.sim else datetime.date.today()


def third_person(context, form: str) -> ThirdPerson:
    """The person named in Gherkin; „samego siebie” is the logged-in patient."""
    if form == MYSELF:
        return ThirdPerson(context.patient.name, context.patient.pesel)
    return PEOPLE[form]


def entry(context, kind: str, person: str | None = None, scope: str = "", period: Period | None = None):
    """The form's content for a consent of this kind, person or scope and period."""
    someone = third_person(context, person) if person else ThirdPerson("", "")
    date_from, date_to = (period or Period(0, None)).dates(today(context))
    return ConsentEntry(kind, someone.name, someone.pesel, scope, date_from, date_to)


def consents_page(context) -> ConsentsPage:
    """The list „Uprawnienia”: the current page if it is the list, else reached through the main menu."""
    if not isinstance(context.page, ConsentsPage):
        context.page = context.page.go_to("Uprawnienia", ConsentsPage)
    return context.page


def open_form(context) -> ConsentFormPage:
    """Go to „Uprawnienia”, remember its rows and open „Dodaj uprawnienie”."""
    consents = consents_page(context)
    context.consents_before = consents.consents()
    return consents.add_consent()


# -- arranging (simulator only) ---------------------------------------------------------------------
@given("{pacjent:Osoba} ma już aktywne uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_has_active_consent(context, pacjent, rodzaj, osoba):
    person = third_person(context, osoba)
    context.sim.add_consent(use_persona(context, pacjent).pesel, kind=KINDS[rodzaj], person_name=person.name,
                            person_pesel=person.pesel, date_from=today(context).isoformat(), status="active")


# -- acting ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} zapisuje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_grants_to_person(context, pacjent, rodzaj, osoba, okres):
    context.page = open_form(context).fill_in(entry(context, rodzaj, person=osoba, period=okres)).save()


@when("{pacjent:Osoba} zapisuje uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres}” "
      "{okres:OkresUprawnienia}")
def step_grants_for_services(context, pacjent, rodzaj, zakres, okres):
    context.page = open_form(context).fill_in(entry(context, rodzaj, scope=zakres, period=okres)).save()


@when("{pacjent:Osoba} próbuje zapisać uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "{okres:OkresUprawnienia}")
def step_tries_to_grant(context, pacjent, rodzaj, osoba, okres):
    form = open_form(context).fill_in(entry(context, rodzaj, person=osoba, period=okres))
    context.page = form.save_expecting_refusal()


@when("{pacjent:Osoba} wycofuje uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona}")
def step_withdraws(context, pacjent, rodzaj, osoba):
    consents = consents_page(context)
    active = [row for row in consents.consents(rodzaj, person=third_person(context, osoba).name) if row.can_withdraw]
    context.page = consents.withdraw(active[0])


# -- checking ----------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” dla {osoba:OsobaUprawniona} "
      "ze statusem „{status}”")
def step_sees_consent_for_person(context, pacjent, rodzaj, osoba, status):
    rows = consents_page(context).consents(rodzaj, person=third_person(context, osoba).name)
    assert_that([row.status for row in rows], has_item(status), f"uprawnienia „{rodzaj}” na liście")
    context.consent = next(row for row in rows if row.status == status)


@then("{pacjent:Osoba} widzi uprawnienie „{rodzaj:RodzajUprawnienia}” w zakresie „{zakres}” ze statusem „{status}”")
def step_sees_consent_for_services(context, pacjent, rodzaj, zakres, status):
    rows = consents_page(context).consents(rodzaj, scope=zakres)
    assert_that([row.status for row in rows], has_item(status), f"uprawnienia „{rodzaj}” na liście")
    context.consent = next(row for row in rows if row.status == status)


@then("to uprawnienie ma zakres „{zakres}”")
def step_consent_scope(context, zakres):
    assert_that(context.consent.scope, equal_to(zakres))


@then("to uprawnienie obowiązuje {okres:OkresUprawnienia}")
def step_consent_period(context, okres):
    shown = (context.consent.date_from, context.consent.date_to)
    assert_that(shown, equal_to(okres.dates(today(context))), "okres obowiązywania (od, do)")


@then("zapis uprawnienia zostaje odrzucony z komunikatem „{komunikat}”")
def step_refused_with(context, komunikat):
    assert_that(context.page, instance_of(ConsentFormPage), "po odmowie powinien zostać formularz")
    assert_that(context.page.messages(), has_item(komunikat))


@then("żadne nowe uprawnienie nie zostało zapisane")
def step_nothing_saved(context):
    consents = consents_page(context).consents()
    assert_that(consents, equal_to(context.consents_before), "lista uprawnień przed próbą i po niej")

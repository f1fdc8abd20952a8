"""The parameter types of the Polish step sentences: one home, registered before the step modules load.

Each type says in words what it accepts (`allowed`, shown in docs/kroki.md) and what kind of text it is
(`kind`): `dane` — data a person types or an account holds (names, medicines, addresses), or
`tekst ekranu` — a text iIKP itself shows, which must come from instrukcja CeZ or a public IKP source
when a scenario runs on the real iIKP (docs/teksty-ekranow.md; checked by tests/harness/test_screen_texts.py).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import Enum

import parse
from behave import register_type

from harness import personas
from pages import wording
from pages.account import ContactData, channels_of
from pages.consent_form import ConsentField
from pages.consents import ConsentState
from pages.contact_form import ContactField
from pages.declaration_form import PozRole
from pages.declarations import DeclarationState
from pages.orders import OrderState
from pages.pz_login import Submit

DATA, SCREEN_TEXT = "dane", "tekst ekranu"


def choice(options: Mapping[str, object], allowed: str | None = None) -> Callable[[str], object]:
    """A parameter type accepting exactly the words of `options` and delivering their values.

    `allowed` says in words what it accepts (docs/kroki.md); by default the words themselves.
    """
    @parse.with_pattern("|".join(re.escape(word) for word in options))
    def convert(text: str) -> object:
        return options[text]

    quoted = [f"`{word}`" for word in options]
    convert.allowed = allowed or (", ".join(quoted[:-1]) + " albo " + quoted[-1] if len(quoted) > 1 else quoted[0])
    return convert


def pattern(regex: str, allowed: str, convert: Callable[[str], object] = str) -> Callable[[str], object]:
    """A parameter type accepting text that matches `regex`, delivered through `convert`."""

    @parse.with_pattern(regex)
    def parse_text(text: str) -> object:
        return convert(text)

    parse_text.allowed = allowed
    return parse_text


# -- people ---------------------------------------------------------------------------------------------
# A persona is a first and last name, e.g. "Jan Nowak", "Stanisław Wójcik".
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż-]+"
# People who may try to log in but are no test patients of iIKP; synthetic valid PESELs.
OUTSIDERS = {"osoba spoza listy pacjentów testowych": "15232045626"}


@dataclass(frozen=True)
class ThirdPerson:
    """Someone the patient authorises; synthetic data, never a test patient's own PESEL. `myself`: the
    logged-in patient, whose name and PESEL the scenario knows only when it runs."""

    name: str
    pesel: str
    myself: bool = False


# Third persons as Gherkin names them („dla Ewy Nowak”): their name and a synthetic PESEL.
THIRD_PERSONS = personas.RenamedPeople({
    "Ewy Nowak": ThirdPerson("Ewa Nowak", "15232045626"),
    "Piotra Zielińskiego": ThirdPerson("Piotr Zieliński", "75092301878"),
    "osoby z błędnym numerem PESEL": ThirdPerson("Tomasz Mazur", "87061302072"),  # wrong check digit
})
MYSELF = "samego siebie"  # the logged-in patient, named in the form as a third person

PERSONA_ALLOWED = ("imię i nazwisko persony: Jan Nowak, Anna Kowalska, Stanisław Wójcik, Maria Zielińska "
                   "(symulator) albo osoby z pliku kont (prawdziwe iIKP); zdanie działa jako ta osoba")
OUTSIDER_ALLOWED = "`osoba spoza listy pacjentów testowych` (ktoś z poprawnym numerem PESEL, kto nie ma konta)"
parse_persona = pattern(_NAME, PERSONA_ALLOWED)
parse_outsider = choice(OUTSIDERS, OUTSIDER_ALLOWED)
parse_anyone = pattern(f"{_NAME}|" + "|".join(re.escape(form) for form in OUTSIDERS),
                       f"persona (jak wyżej) albo {OUTSIDER_ALLOWED}")
parse_third_person = choice({**THIRD_PERSONS, MYSELF: ThirdPerson(MYSELF, "", myself=True)},
                            "osoba, której pacjent nadaje uprawnienie (w dopełniaczu): "
                            + ", ".join(f"`{form}`" for form in [*THIRD_PERSONS, MYSELF]))

# -- logging in ---------------------------------------------------------------------------------------
SUBMIT_WAYS = {"klawiszem ENTER": Submit.ENTER, "przyciskiem „Dalej”": Submit.BUTTON}
parse_submit_way = choice(SUBMIT_WAYS, ", ".join(f"`{way}`" for way in SUBMIT_WAYS) + " (instrukcja CeZ pkt 2.2)")
parse_typed = pattern(r"[^”]*", "dowolny tekst wpisany przez osobę (może być pusty)")

# -- contact data -------------------------------------------------------------------------------------------
parse_contact_field = choice({"adres e-mail": ContactField.EMAIL, "numer telefonu": ContactField.PHONE},
                             "`adres e-mail` albo `numer telefonu` (pole formularza danych kontaktowych)")

# -- consents -------------------------------------------------------------------------------------------------
# The kinds of „Uprawnienia”, as art. 7a ust. 1 pkt 3–5 of the act on the information system in
# health care names them: an authorisation to access records, consent to information about the state
# of health, consent to specific health services or refusal of it ("lub o jej odmowie").
CONSENT_KINDS = wording.group("rodzaj uprawnienia")  # pages/teksty_ekranow.toml, [publiczne] art. 7a usioz
PERSON_KINDS = CONSENT_KINDS[:2]  # given to a named person; the other two concern services


@dataclass(frozen=True)
class Period:
    """A validity period relative to today: start in days from today, length in days (None: open-ended)."""

    start: int
    days: int | None

    def dates(self, today: datetime.date) -> tuple[datetime.date, datetime.date | None]:
        """(first day, last day or None); „przez 30 dni” counts the first day as day one."""
        first = today + datetime.timedelta(days=self.start)
        return first, (first + datetime.timedelta(days=self.days - 1) if self.days else None)

    def describe(self, today: datetime.date) -> str:
        """„od 2026-12-06 do 2027-01-04” or „od 2026-12-06 bezterminowo”, as dates on the screen read."""
        first, last = self.dates(today)
        return f"od {first.isoformat()} " + (f"do {last.isoformat()}" if last else "bezterminowo")


_STARTS = {"dziś": 0, "jutra": 1}
_PERIOD = r"od (?:dziś|jutra) (?:bezterminowo|przez \d+ dni)|z datą rozpoczęcia wczoraj"


def _period(text: str) -> Period:
    if text == "z datą rozpoczęcia wczoraj":
        return Period(start=-1, days=None)
    start, length = re.fullmatch(r"od (\S+) (.+)", text).groups()
    days = None if length == "bezterminowo" else int(length.split()[1])
    return Period(start=_STARTS[start], days=days)


parse_consent_kind = choice({kind: kind for kind in CONSENT_KINDS},
                            "rodzaj uprawnienia (nazwa z ustawy, art. 7a ust. 1 pkt 3–5): "
                            + ", ".join(f"`{kind}`" for kind in CONSENT_KINDS))
parse_period = pattern(_PERIOD, "`od dziś bezterminowo`, `od jutra przez N dni`, `z datą rozpoczęcia wczoraj`",
                       _period)
CONSENT_STATES = {"aktywne": ConsentState.ACTIVE, "wycofane": ConsentState.WITHDRAWN}  # the scenario's word -> state
parse_consent_state = choice(CONSENT_STATES)
parse_consent_field = choice({"PESEL osoby": ConsentField.PERSON_PESEL, "datę rozpoczęcia": ConsentField.DATE_FROM},
                             "`PESEL osoby` albo `datę rozpoczęcia` (pole, które iIKP wskazuje jako błędne)")

# -- prescriptions ---------------------------------------------------------------------------------------------
_QUOTED = re.compile(r"„([^”]+)”")
parse_medicines = pattern(r"„[^”]+”(?:(?:, | i )„[^”]+”)*",
                          "nazwy leków z recept pacjenta w cudzysłowach „…”, kilka oddzielonych przecinkiem "
                          "lub „i”, np. `„Bisoprolol 5 mg” i „Atorwastatyna 20 mg”`",
                          _QUOTED.findall)
# the scenario's word -> the state
ORDER_STATES = {"złożone": OrderState.PLACED, "w realizacji": OrderState.IN_PROGRESS,
                "zrealizowane": OrderState.FULFILLED, "odrzucone": OrderState.REJECTED,
                "anulowane": OrderState.CANCELLED}
parse_order_state = choice(ORDER_STATES)

# -- POZ declarations ----------------------------------------------------------------------------------------------
# Gherkin's genitive ("deklaracja wyboru lekarza") -> the role.
parse_role = choice({"lekarza": PozRole.DOCTOR, "pielęgniarki": PozRole.NURSE, "położnej": PozRole.MIDWIFE},
                    "`lekarza`, `pielęgniarki` albo `położnej` (kogo wybiera deklaracja)")
parse_count = choice({"jedną deklarację": 1, "dwie deklaracje": 2})
# Gherkin's accusative („widzi tę deklarację jako złożoną”) -> the state.
DECLARATION_STATES = {"złożoną": DeclarationState.SUBMITTED, "zaakceptowaną": DeclarationState.ACCEPTED,
                      "odrzuconą": DeclarationState.REJECTED}
parse_declaration_state = choice(DECLARATION_STATES)

# -- how long ago an arranged thing happened -----------------------------------------------------------------------
_AGO = {"wczoraj": 1, "przedwczoraj": 2}


@parse.with_pattern(r"wczoraj|przedwczoraj|\d+ dni temu")
def parse_days_ago(text: str) -> int:
    return _AGO[text] if text in _AGO else int(text.split()[0])


parse_days_ago.allowed = "`wczoraj`, `przedwczoraj` albo `N dni temu`, np. `3 dni temu` (według zegara symulatora)"

# -- domain values in the scenario's words (for failure messages) ---------------------------------------------------
_SAID = {value: word for words in (ORDER_STATES, CONSENT_STATES, DECLARATION_STATES, SUBMIT_WAYS)
         for word, value in words.items()}


def said(value: object) -> object:
    """How a scenario says a domain value („zrealizowane” for OrderState.FULFILLED); other values as they are."""
    return _SAID.get(value, value) if isinstance(value, Enum) else value


# -- any quoted data --------------------------------------------------------------------------------------------------
parse_text = pattern(r"[^„”]+", "tekst w cudzysłowach „…”: nazwa placówki, osoby, zakres, uwaga, komentarz, wpisana "
                                "fraza")

# name -> (converter, kind)
TYPES = {
    "Osoba": (parse_persona, DATA), "OsobaSpozaListy": (parse_outsider, DATA), "Ktos": (parse_anyone, DATA),
    "OsobaUprawniona": (parse_third_person, DATA), "Zatwierdzenie": (parse_submit_way, SCREEN_TEXT),
    "Wpisane": (parse_typed, DATA), "PoleKontaktowe": (parse_contact_field, DATA),
    "RodzajUprawnienia": (parse_consent_kind, SCREEN_TEXT), "OkresUprawnienia": (parse_period, DATA),
    "StanUprawnienia": (parse_consent_state, DATA), "PoleUprawnienia": (parse_consent_field, DATA),
    "Leki": (parse_medicines, DATA), "StanZamowienia": (parse_order_state, DATA),
    "RolaPOZ": (parse_role, DATA), "LiczbaDeklaracji": (parse_count, DATA),
    "StanDeklaracji": (parse_declaration_state, DATA), "Tekst": (parse_text, DATA),
    "Dawniej": (parse_days_ago, DATA),
}
for _converter, _kind in TYPES.values():
    _converter.kind = _kind


def register() -> None:
    # data values come as this environment names them ([nazwy] of the accounts file, harness/personas.py)
    register_type(**{name: personas.renaming(converter) if kind == DATA else converter
                     for name, (converter, kind) in TYPES.items()})


# -- data tables ------------------------------------------------------------------------------------------------------
# The columns of a contact-data table, as Gherkin names them.
CONTACT_COLUMNS = ("numer telefonu", "adres e-mail", "powiadomienia")


def contact_data(table) -> ContactData:
    """The one data row of a table headed „numer telefonu | adres e-mail | powiadomienia” („SMS i e-mail”)."""
    row = {heading: table[0][heading].strip() for heading in table.headings}
    unknown = [heading for heading in row if heading not in CONTACT_COLUMNS]
    if unknown:
        raise ValueError(f"Nieznana kolumna tabeli danych kontaktowych: {', '.join(unknown)}; "
                         f"dozwolone: {', '.join(CONTACT_COLUMNS)}")
    return ContactData(row.get("numer telefonu", ""), row.get("adres e-mail", ""),
                       channels_of(row.get("powiadomienia", "")))

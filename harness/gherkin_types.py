"""The parameter types of the Polish step sentences: one home, registered before the step modules load.

Each type says in words what it accepts (`allowed`, shown in docs/kroki.md) and what kind of text it is
(`kind`): `dane` — data a person types or an account holds (names, medicines, addresses), or
`tekst ekranu` — a text iIKP itself shows, which must come from instrukcja CeZ or a public IKP source
when a scenario runs on the real iIKP (docs/teksty-ekranow.md; checked by tests/harness/test_screen_texts.py).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import parse
from behave import register_type

from harness import personas
from pages import wording

DATA, SCREEN_TEXT = "dane", "tekst ekranu"

# -- people ---------------------------------------------------------------------------------------------
# A persona is a first and last name, e.g. "Jan Nowak", "Stanisław Wójcik".
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż-]+"
# People who may try to log in but are no test patients of iIKP; synthetic valid PESELs.
OUTSIDERS = {"osoba spoza listy pacjentów testowych": "15232045626"}


@dataclass(frozen=True)
class ThirdPerson:
    """Someone the patient authorises; synthetic data, never a test patient's own PESEL."""

    name: str
    pesel: str


# Third persons as Gherkin names them („dla Ewy Nowak”): their name and a synthetic PESEL.
THIRD_PERSONS = personas.RenamedPeople({
    "Ewy Nowak": ThirdPerson("Ewa Nowak", "15232045626"),
    "Piotra Zielińskiego": ThirdPerson("Piotr Zieliński", "75092301878"),
    "osoby z błędnym numerem PESEL": ThirdPerson("Tomasz Mazur", "87061302072"),  # wrong check digit
})
MYSELF = "samego siebie"  # the logged-in patient, named in the form as a third person


@parse.with_pattern(_NAME)
def parse_persona(text: str) -> str:
    return text


@parse.with_pattern("|".join(re.escape(form) for form in OUTSIDERS))
def parse_outsider(text: str) -> str:
    return OUTSIDERS[text]


@parse.with_pattern(f"{_NAME}|" + "|".join(re.escape(form) for form in OUTSIDERS))
def parse_anyone(text: str) -> str:
    return text


@parse.with_pattern("|".join(re.escape(form) for form in [*THIRD_PERSONS, MYSELF]))
def parse_third_person(text: str) -> str:
    return text


parse_persona.allowed = ("imię i nazwisko persony: Jan Nowak, Anna Kowalska, Stanisław Wójcik, Maria Zielińska "
                         "(symulator) albo osoby z pliku kont (prawdziwe iIKP); zdanie działa jako ta osoba")
parse_outsider.allowed = "`osoba spoza listy pacjentów testowych` (ktoś z poprawnym numerem PESEL, kto nie ma konta)"
parse_anyone.allowed = f"persona (jak wyżej) albo {parse_outsider.allowed}"
parse_third_person.allowed = ("osoba, której pacjent nadaje uprawnienie (w dopełniaczu): "
                              + ", ".join(f"`{form}`" for form in [*THIRD_PERSONS, MYSELF]))

# -- logging in ---------------------------------------------------------------------------------------
SUBMIT_WAYS = {"klawiszem ENTER": "enter", "przyciskiem „Dalej”": "button"}


@parse.with_pattern("|".join(re.escape(way) for way in SUBMIT_WAYS))
def parse_submit_way(text: str) -> str:
    return SUBMIT_WAYS[text]


@parse.with_pattern(r"[^”]*")
def parse_typed(text: str) -> str:
    return text


parse_submit_way.allowed = ", ".join(f"`{way}`" for way in SUBMIT_WAYS) + " (instrukcja CeZ pkt 2.2)"
parse_typed.allowed = "dowolny tekst wpisany przez osobę (może być pusty)"

# -- contact data -------------------------------------------------------------------------------------------
CONTACT_FIELDS = {"adres e-mail": "email", "numer telefonu": "phone"}


@parse.with_pattern("|".join(CONTACT_FIELDS))
def parse_contact_field(text: str) -> str:
    return text


parse_contact_field.allowed = "`adres e-mail` albo `numer telefonu` (pole formularza danych kontaktowych)"

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


_STARTS = {"dziś": 0, "jutra": 1}
_PERIOD = r"od (?:dziś|jutra) (?:bezterminowo|przez \d+ dni)|z datą rozpoczęcia wczoraj"
CONSENT_STATES = {"aktywne": "active", "wycofane": "withdrawn"}
CONSENT_FIELDS = {"PESEL osoby": "person_pesel", "datę rozpoczęcia": "date_from"}


@parse.with_pattern("|".join(re.escape(kind) for kind in CONSENT_KINDS))
def parse_consent_kind(text: str) -> str:
    return text


@parse.with_pattern(_PERIOD)
def parse_period(text: str) -> Period:
    if text == "z datą rozpoczęcia wczoraj":
        return Period(start=-1, days=None)
    start, length = re.fullmatch(r"od (\S+) (.+)", text).groups()
    days = None if length == "bezterminowo" else int(length.split()[1])
    return Period(start=_STARTS[start], days=days)


@parse.with_pattern("|".join(CONSENT_STATES))
def parse_consent_state(text: str) -> str:
    return CONSENT_STATES[text]


@parse.with_pattern("|".join(re.escape(field) for field in CONSENT_FIELDS))
def parse_consent_field(text: str) -> str:
    return CONSENT_FIELDS[text]


parse_consent_kind.allowed = "rodzaj uprawnienia (nazwa z ustawy, art. 7a ust. 1 pkt 3–5): " + ", ".join(
    f"`{kind}`" for kind in CONSENT_KINDS)
parse_period.allowed = "`od dziś bezterminowo`, `od jutra przez N dni`, `z datą rozpoczęcia wczoraj`"
parse_consent_state.allowed = "`aktywne` albo `wycofane`"
parse_consent_field.allowed = "`PESEL osoby` albo `datę rozpoczęcia` (pole, które iIKP wskazuje jako błędne)"

# -- prescriptions ---------------------------------------------------------------------------------------------
_QUOTED = re.compile(r"„([^”]+)”")
ORDER_STATES = {"złożone": "placed", "w realizacji": "in_progress", "zrealizowane": "fulfilled",
                "odrzucone": "rejected", "anulowane": "cancelled"}


@parse.with_pattern(r"„[^”]+”(?:(?:, | i )„[^”]+”)*")
def parse_medicines(text: str) -> list[str]:
    """„Metformina 500 mg”, „Bisoprolol 5 mg” i „Atorwastatyna 20 mg” -> the three names."""
    return _QUOTED.findall(text)


@parse.with_pattern("|".join(ORDER_STATES))
def parse_order_state(text: str) -> str:
    return ORDER_STATES[text]


parse_medicines.allowed = ("nazwy leków z recept pacjenta w cudzysłowach „…”, kilka oddzielonych przecinkiem "
                           "lub „i”, np. `„Bisoprolol 5 mg” i „Atorwastatyna 20 mg”`")
parse_order_state.allowed = ", ".join(f"`{state}`" for state in ORDER_STATES)

# -- POZ declarations ----------------------------------------------------------------------------------------------
# Gherkin's genitive ("deklaracja wyboru lekarza") -> the role as the list of declarations shows it.
ROLES = {"lekarza": "lekarz", "pielęgniarki": "pielęgniarka", "położnej": "położna"}
COUNTS = {"jedną deklarację": 1, "dwie deklaracje": 2}
DECLARATION_STATES = {"złożoną": "submitted", "zaakceptowaną": "accepted", "odrzuconą": "rejected"}


@parse.with_pattern("|".join(ROLES))
def parse_role(text: str) -> str:
    return ROLES[text]


@parse.with_pattern("|".join(COUNTS))
def parse_count(text: str) -> int:
    return COUNTS[text]


@parse.with_pattern("|".join(DECLARATION_STATES))
def parse_declaration_state(text: str) -> str:
    return DECLARATION_STATES[text]


parse_role.allowed = "`lekarza`, `pielęgniarki` albo `położnej` (kogo wybiera deklaracja)"
parse_count.allowed = "`jedną deklarację` albo `dwie deklaracje`"
parse_declaration_state.allowed = "`złożoną`, `zaakceptowaną` albo `odrzuconą`"

# -- how long ago an arranged thing happened -----------------------------------------------------------------------
_AGO = {"wczoraj": 1, "przedwczoraj": 2}


@parse.with_pattern(r"wczoraj|przedwczoraj|\d+ dni temu")
def parse_days_ago(text: str) -> int:
    return _AGO[text] if text in _AGO else int(text.split()[0])


parse_days_ago.allowed = "`wczoraj`, `przedwczoraj` albo `N dni temu`, np. `3 dni temu` (według zegara symulatora)"

# -- any quoted data --------------------------------------------------------------------------------------------------


@parse.with_pattern(r"[^„”]+")
def parse_text(text: str) -> str:
    return text


parse_text.allowed = "tekst w cudzysłowach „…”: nazwa placówki, osoby, zakres, uwaga, komentarz, wpisana fraza"

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

"""The e-deklaracja POZ form: facility search, choice of person and reason, confirmation with the fee."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pages import dom
from pages.base import Site
from pages.components.header import LoggedInPage
from pages.locators import Query, button, label, link, outside, role, text, within


class PozRole(StrEnum):
    """A POZ role as iIKP names it: in the list „Zobacz deklaracje” (its value, `label`), as the heading of its
    part of the POZ section on „Moje konto” (`section`), and as the h1 of its declaration form (`form_title`)."""

    DOCTOR = "lekarz", "Lekarz POZ", "Deklaracja wyboru lekarza POZ"  # [wybór]
    NURSE = "pielęgniarka", "Pielęgniarka POZ", "Deklaracja wyboru pielęgniarki POZ"  # [wybór]
    MIDWIFE = "położna", "Położna POZ", "Deklaracja wyboru położnej POZ"  # [wybór]

    def __new__(cls, label: str, section: str, form_title: str):
        member = str.__new__(cls, label)
        member._value_ = label
        member.section = section
        member.form_title = form_title
        return member

    @property
    def label(self) -> str:
        return self.value


DOCTOR, NURSE, MIDWIFE = PozRole.DOCTOR, PozRole.NURSE, PozRole.MIDWIFE

NO_REASON = "Brak szczególnego powodu"


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation screen stated before the declaration was submitted."""

    choice_number: int  # which choice of this role in the calendar year
    year: int
    fee_zl: int  # 0 when free
    role: str  # as the list of declarations shows it
    person: str


class RoleFormPage(LoggedInPage):
    """A step of the declaration form of one POZ role: its h1 names the role."""

    def __init__(self, site: Site, role_: PozRole):
        super().__init__(site)
        self.role = role_

    def is_here(self, screen: dom.Screen) -> bool:
        return screen.h1 == self.role.form_title

    def describe(self) -> str:
        return f"strona „{self.role.form_title}”"


class FacilitySearchPage(RoleFormPage):
    """Step 1 of the form: find a facility by city or name, and choose it by clicking its name
    [publiczne: uniabracka.pl, cmrpulawy.pl]; each entry names the facility's unit for the role."""

    QUERY = label("Miejscowość lub nazwa placówki")
    SEARCH = button("Szukaj")
    RESULTS = outside(within(role("main"), role("listitem")), role("navigation"))

    def search(self, query: str) -> "FacilitySearchPage":
        """Search facilities by city or name; return this page once the search's answer is shown."""
        self.fill(self.QUERY, query)
        return self.arrive(self.click(self.SEARCH))

    def facilities(self) -> list[str]:
        """The texts of the facilities found (name, unit and address), in page order."""
        return self.read(Query.texts(self.RESULTS))

    def choose(self, facility: str) -> "PersonChoicePage":
        """Choose the found facility by clicking its name; return the choice of person."""
        action = self.click(within(self.RESULTS, link(facility)), f"nazwa placówki „{facility}”")
        return PersonChoicePage(self.site, self.role).arrive(action)


class PersonChoicePage(RoleFormPage):
    """Step 2 of the form: the facility's staff of the role and the reason for the change."""

    REASON = label("Powód zmiany")
    NEXT = button("Dalej")

    def choose(self, person: str, reason: str = NO_REASON) -> "ConfirmationPage":
        """Pick the person (by the name on its label) and the reason; return the confirmation screen."""
        self.set_checked(label(person), True, f"osoba „{person}”")
        self.choose_option(self.REASON, reason, "lista „Powód zmiany”")
        return ConfirmationPage(self.site).arrive(self.click(self.NEXT))


class ConfirmationPage(LoggedInPage):
    """Step 3 of the form: which choice in the year it is and whether it costs 80 zł."""

    TITLE = "Potwierdź deklarację"
    CHOICE_NUMBER = text("wybór w", exact=False)
    FEE = text("Ten wybór jest", exact=False)
    ROLE_LABEL = "Rola"
    PERSON_LABEL = "Osoba"
    SUBMIT = button("Złóż deklarację")
    CHOICE_PATTERN = re.compile(r"(\d+)\. wybór w (\d{4}) roku")  # [wybór]
    FEE_PATTERN = re.compile(r"(\d+) zł")  # [wybór]

    def confirmation(self) -> Confirmation:
        """What the screen states: the choice number in the year, the year, the fee in zł (0 = free), role, person."""
        shown = self.wait_for(lambda screen: screen.result["choice"], "numer wyboru w roku i opłata", Query.all(
            choice=Query.text(self.CHOICE_NUMBER), fee=Query.text(self.FEE),
            role=Query.value_of(self.ROLE_LABEL), person=Query.value_of(self.PERSON_LABEL))).result
        stated = self.CHOICE_PATTERN.search(shown["choice"])
        if stated is None:
            raise ValueError(f"Nie rozpoznano numeru wyboru: „{shown['choice']}”")
        fee = self.FEE_PATTERN.search(shown["fee"])
        return Confirmation(int(stated.group(1)), int(stated.group(2)), int(fee.group(1)) if fee else 0,
                            shown["role"] or "", shown["person"] or "")

    def submit(self):
        """Press „Złóż deklarację”; return the list of declarations that opens next."""
        from pages.declarations import DeclarationsPage

        return DeclarationsPage(self.site).arrive(self.click(self.SUBMIT))

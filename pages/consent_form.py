"""„Dodaj uprawnienie”: the grant wizard (kind, recipient or services, „Dalej”, scope and dates, save)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from pages.base import Action
from pages.components.header import LoggedInPage
from pages.errors import FlowDiffers, RefusedByIkp
from pages.locators import button, label


@dataclass(frozen=True)
class ConsentEntry:
    """What the patient gives; empty strings and None leave a field empty. A person's authorisation has
    a person (name and PESEL); a consent to services (or its refusal) has a description in `scope`."""

    kind: str
    person_name: str = ""
    person_pesel: str = ""
    scope: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @property
    def for_person(self) -> bool:
        return bool(self.person_name or self.person_pesel)

    @property
    def identity(self) -> str:
        """Whom or what the consent concerns, as its row in „Uprawnienia” names it: the person, or the services."""
        return self.person_name or self.scope


class ConsentField(StrEnum):
    """A field of the wizard that a refusal may point at, by its label."""

    PERSON_PESEL = "PESEL osoby"  # [wybór]
    DATE_FROM = "Obowiązuje od"  # [wybór]


class ConsentWizardPage(LoggedInPage):
    """The wizard, as public IKP instructions describe it (cmbm.pl, gazeta-dla-lekarzy.com): the kind of
    access, the recipient, „Dalej”, the scope, then the dates (start today or later, end optional), save."""

    TITLE = "Dodaj uprawnienie"
    PATH = "/ikp/uprawnienia/nowe"
    NEXT = button("Dalej")
    SAVE = button("Zapisz")
    PERSON_NAME = label("Imię i nazwisko osoby")
    PERSON_PESEL = label(ConsentField.PERSON_PESEL)
    SERVICES = label("Opis świadczeń")
    FULL_SCOPE = label("Pełny zakres")
    DATE_FROM = label(ConsentField.DATE_FROM)
    DATE_TO_LABEL = "Obowiązuje do"
    DATE_TO = label(DATE_TO_LABEL)
    DATE_FORMAT = "%Y-%m-%d"  # [wybór] RRRR-MM-DD

    def grant(self, entry: ConsentEntry):
        """Go through the wizard and save; return the list „Uprawnienia”."""
        from pages.consents import ConsentsPage

        action = self._walk(entry)
        if action is None:
            raise ValueError("kreator uprawnienia zatrzymał się na odmowie")  # the waits quote the refusal first
        listing = ConsentsPage(self.site)
        screen = self.wait_for(lambda screen: listing.is_here(screen) or (self.is_here(screen) and bool(screen.alerts)),
                               f"{listing.describe()} albo odmowa zapisu", after=action)
        if listing.is_here(screen):
            return listing
        if entry.date_to is None and self.DATE_TO_LABEL in self.refused_fields():
            raise self._end_date_required()
        raise RefusedByIkp(screen.alerts, listing.describe())

    def grant_expecting_refusal(self, entry: ConsentEntry) -> "ConsentWizardPage":
        """Go through the wizard until iIKP refuses (at whichever step); return this page, showing why."""
        action = self._walk(entry)
        return self if action is None else self.await_refusal(action, "komunikat o odrzuceniu uprawnienia")

    def _walk(self, entry: ConsentEntry) -> Action | None:
        """Fill in each step; return the final save's Action, or None when a step was refused."""
        self.set_checked(label(entry.kind), True, f"rodzaj „{entry.kind}”")
        if self._refused(self.click(self.NEXT, "przycisk „Dalej” (rodzaj)")):
            return None
        if entry.for_person:
            self.fill(self.PERSON_NAME, entry.person_name)
            self.fill(self.PERSON_PESEL, entry.person_pesel)
        else:
            self.fill(self.SERVICES, entry.scope)
        if self._refused(self.click(self.NEXT, "przycisk „Dalej” (osoba albo świadczenia)")):
            return None
        if entry.for_person:
            self.set_checked(self.FULL_SCOPE, True, "zakres „Pełny zakres”")
        if entry.date_to is None and self._end_date_is_required():
            raise self._end_date_required()
        self.fill(self.DATE_FROM, self._date(entry.date_from))
        self.fill(self.DATE_TO, self._date(entry.date_to))
        return self.click(self.SAVE)

    def _end_date_is_required(self) -> bool:
        """Whether the form marks „Obowiązuje do” as required (no open-ended consent on this iIKP)."""
        field = self.find(self.DATE_TO, "pole „Obowiązuje do”")
        return field.get_attribute("required") is not None or field.get_attribute("aria-required") == "true"

    def _end_date_required(self) -> FlowDiffers:
        return FlowDiffers("to iIKP wymaga daty zakończenia uprawnienia (pole „Obowiązuje do”) i nie pozwala "
                           "nadać go bezterminowo, a scenariusz nadaje uprawnienie bezterminowo. Podaj w scenariuszu "
                           "datę końca albo uruchom go na środowisku, które przyjmuje uprawnienia bezterminowe.")

    def _refused(self, action: Action) -> bool:
        """Wait for the next step (or a refusal) after `action`; whether iIKP refused."""
        return bool(self.wait_for(self.is_here, "następny krok dodawania uprawnienia", after=action).alerts)

    def _date(self, value: datetime.date | None) -> str:
        return value.strftime(self.DATE_FORMAT) if value else ""

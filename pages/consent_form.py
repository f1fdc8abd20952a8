"""„Dodaj uprawnienie”: the grant wizard (kind, recipient or services, „Dalej”, scope and dates, save)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pages.base import Action
from pages.components.header import LoggedInPage
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


class ConsentWizardPage(LoggedInPage):
    """The wizard, as public IKP instructions describe it (cmbm.pl, gazeta-dla-lekarzy.com): the kind of
    access, the recipient, „Dalej”, the scope, then the dates (start today or later, end optional), save."""

    TITLE = "Dodaj uprawnienie"  # [wybór]
    PATH = "/ikp/uprawnienia/nowe"
    NEXT = button("Dalej")  # [publiczne] cmbm.pl
    SAVE = button("Zapisz")  # [publiczne] cmbm.pl
    PERSON_NAME = label("Imię i nazwisko osoby")  # [wybór]
    PERSON_PESEL = label("PESEL osoby")  # [wybór]
    SERVICES = label("Opis świadczeń")  # [wybór]
    FULL_SCOPE = label("Pełny zakres")  # [wybór]
    DATE_FROM = label("Obowiązuje od")  # [wybór]
    DATE_TO = label("Obowiązuje do")  # [wybór]
    DATE_FORMAT = "%Y-%m-%d"  # [wybór] RRRR-MM-DD
    # The form's fields as a refusal names them -> their labels.
    FIELD_LABELS = {"person_pesel": "PESEL osoby", "date_from": "Obowiązuje od"}  # [wybór]

    def grant(self, entry: ConsentEntry):
        """Go through the wizard and save; return the list „Uprawnienia”."""
        from pages.consents import ConsentsPage

        action = self._walk(entry)
        if action is None:
            raise ValueError("kreator uprawnienia zatrzymał się na odmowie")  # the waits quote the refusal first
        return ConsentsPage(self.site).arrive(action)

    def grant_expecting_refusal(self, entry: ConsentEntry) -> "ConsentWizardPage":
        """Go through the wizard until iIKP refuses (at whichever step); return this page, showing why."""
        action = self._walk(entry)
        return self if action is None else self.await_refusal(action, "komunikat o odrzuceniu uprawnienia")

    def messages(self) -> list[str]:
        """The refusal messages shown, in page order (kept until the steps read alerts())."""
        return self.alerts()

    def _walk(self, entry: ConsentEntry) -> Action | None:
        """Fill in each step; return the final save's Action, or None when a step was refused."""
        self.set_checked(label(entry.kind), True, f"rodzaj „{entry.kind}”")
        if self._refused(self.click(self.NEXT, "przycisk „Dalej” (rodzaj)")):
            return None
        if entry.for_person:
            self.fill(self.PERSON_NAME, entry.person_name, "pole „Imię i nazwisko osoby”")
            self.fill(self.PERSON_PESEL, entry.person_pesel, "pole „PESEL osoby”")
        else:
            self.fill(self.SERVICES, entry.scope, "pole „Opis świadczeń”")
        if self._refused(self.click(self.NEXT, "przycisk „Dalej” (osoba albo świadczenia)")):
            return None
        if entry.for_person:
            self.set_checked(self.FULL_SCOPE, True, "zakres „Pełny zakres”")
        self.fill(self.DATE_FROM, self._date(entry.date_from), "pole „Obowiązuje od”")
        self.fill(self.DATE_TO, self._date(entry.date_to), "pole „Obowiązuje do”")
        return self.click(self.SAVE, "przycisk „Zapisz”")

    def _refused(self, action: Action) -> bool:
        """Wait for the next step (or a refusal) after `action`; whether iIKP refused."""
        return bool(self.wait_for(self.is_here, "następny krok dodawania uprawnienia", after=action).alerts)

    def _date(self, value: datetime.date | None) -> str:
        return value.strftime(self.DATE_FORMAT) if value else ""

"""„Dodaj uprawnienie”: the form that grants a consent or an authorisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pages.components.header import LoggedInPage
from pages.locators import button, label


@dataclass(frozen=True)
class ConsentEntry:
    """What the patient fills in; empty strings and None leave a field empty."""

    kind: str
    person_name: str = ""
    person_pesel: str = ""
    scope: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


class ConsentFormPage(LoggedInPage):
    TITLE = "Dodaj uprawnienie"  # [wybór]
    PATH = "/ikp/uprawnienia/nowe"
    KIND = label("Rodzaj uprawnienia")  # [wybór]
    PERSON_NAME = label("Imię i nazwisko osoby")  # [wybór]
    PERSON_PESEL = label("PESEL osoby")  # [wybór]
    SCOPE = label("Zakres")  # [wybór]
    DATE_FROM = label("Obowiązuje od")  # [wybór]
    DATE_TO = label("Obowiązuje do")  # [wybór]
    SAVE = button("Zapisz uprawnienie")  # [wybór]
    DATE_FORMAT = "%Y-%m-%d"  # [wybór] RRRR-MM-DD

    def fill_in(self, entry: ConsentEntry) -> "ConsentFormPage":
        """Choose the kind by its label and type the rest; return self."""
        self.choose_option(self.KIND, entry.kind, "lista „Rodzaj uprawnienia”")
        self.fill(self.PERSON_NAME, entry.person_name, "pole „Imię i nazwisko osoby”")
        self.fill(self.PERSON_PESEL, entry.person_pesel, "pole „PESEL osoby”")
        self.fill(self.SCOPE, entry.scope, "pole „Zakres”")
        self.fill(self.DATE_FROM, self._date(entry.date_from), "pole „Obowiązuje od”")
        self.fill(self.DATE_TO, self._date(entry.date_to), "pole „Obowiązuje do”")
        return self

    def save(self):
        """Press „Zapisz uprawnienie” expecting success; return the list „Uprawnienia”."""
        from pages.consents import ConsentsPage

        return ConsentsPage(self.site).arrive(self.click(self.SAVE, "przycisk „Zapisz uprawnienie”"))

    def save_expecting_refusal(self) -> "ConsentFormPage":
        """Press „Zapisz uprawnienie” expecting a refusal; return this form once it shows its messages."""
        action = self.click(self.SAVE, "przycisk „Zapisz uprawnienie”")
        self.wait_for(lambda screen: screen.h1 == self.TITLE and action.moved_on(screen) and bool(screen.alerts),
                      "komunikat o odrzuceniu uprawnienia", since=action.generation)
        return self

    def messages(self) -> list[str]:
        """The refusal messages shown, for fields and for the whole form, in page order."""
        return self.probe().alerts

    def _date(self, value: datetime.date | None) -> str:
        return value.strftime(self.DATE_FORMAT) if value else ""

"""„Dodaj uprawnienie”: the form that grants a consent or an authorisation."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from pages.base import button, field
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class ConsentEntry:
    """What the patient fills in; empty strings and None leave a field empty."""

    kind: str
    person_name: str = ""
    person_pesel: str = ""
    scope: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None


class ConsentFormPage(TopMenu):
    TITLE = "Dodaj uprawnienie"  # [choice]
    PATH = "/ikp/uprawnienia/nowe"
    KIND = field("Rodzaj uprawnienia")  # [choice]
    PERSON_NAME = field("Imię i nazwisko osoby")  # [choice]
    PERSON_PESEL = field("PESEL osoby")  # [choice]
    SCOPE = field("Zakres")  # [choice]
    DATE_FROM = field("Obowiązuje od")  # [choice]
    DATE_TO = field("Obowiązuje do")  # [choice]
    SAVE = button("Zapisz uprawnienie")  # [choice]
    DATE_FORMAT = "%Y-%m-%d"  # [choice] RRRR-MM-DD

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

        self.click_and_wait_for_new_page(self.SAVE, "przycisk „Zapisz uprawnienie”")
        return ConsentsPage(self.site).wait_until_loaded()

    def save_expecting_refusal(self) -> "ConsentFormPage":
        """Press „Zapisz uprawnienie” expecting a refusal; return this form, reloaded with its messages."""
        self.click_and_wait_for_new_page(self.SAVE, "przycisk „Zapisz uprawnienie”")
        self.wait_until_loaded()
        self.wait_for_screen(lambda screen: screen.element is not None, "komunikat o odrzuceniu uprawnienia",
                             locator=self.ALERTS)
        return self

    def messages(self) -> list[str]:
        """The refusal messages shown, for fields and for the whole form, in page order."""
        return self.alerts()

    def _date(self, value: datetime.date | None) -> str:
        return value.strftime(self.DATE_FORMAT) if value else ""

"""„Uprawnienia”: the patient's consents and authorisations, withdrawn ones included, and withdrawal."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from pages import dom
from pages.base import button, link
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class ConsentRow:
    """One row of the list, as the patient sees it; dates are None where the cell is empty."""

    consent_id: str
    kind: str
    person: str
    scope: str
    date_from: datetime.date | None
    date_to: datetime.date | None
    status: str
    can_withdraw: bool


class ConsentsPage(TopMenu):
    TITLE = "Uprawnienia"  # [public]
    PATH = "/ikp/uprawnienia"
    ADD = link("Dodaj uprawnienie")  # [choice]
    WITHDRAW = button("Wycofaj")  # [choice]
    WITHDRAW_IN_ROW = (By.XPATH, "." + WITHDRAW[1])
    ROWS = (By.CSS_SELECTOR, "#consents tr[data-consent-id]")
    HEADERS = (By.CSS_SELECTOR, "#consents thead th")
    CELLS = (By.TAG_NAME, "td")
    # Column headings of the list -> ConsentRow fields.
    COLUMNS = {"Rodzaj": "kind", "Osoba": "person", "Zakres": "scope",  # [choice]
               "Od": "date_from", "Do": "date_to", "Status": "status"}  # [choice]
    EMPTY_CELLS = ("", "—", "-")  # [choice] how an empty cell is shown
    DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")  # [choice] ISO as in the simulator; the Polish one just in case

    def consents(self, kind: str | None = None, person: str | None = None,
                 scope: str | None = None) -> list[ConsentRow]:
        """Every row of the list in page order, optionally only those of this kind, person name or scope."""
        headings = self.texts(self.HEADERS)
        rows = [self._read(headings, record) for record in dom.records(
            self.driver, self.ROWS, {"cells": self.CELLS, "withdraw": self.WITHDRAW_IN_ROW}, ("data-consent-id",))]
        return [row for row in rows
                if (kind is None or row.kind == kind) and (person is None or person in row.person)
                and (scope is None or row.scope == scope)]

    def add_consent(self):
        """Follow „Dodaj uprawnienie”; return the empty form."""
        from pages.consent_form import ConsentFormPage

        self.click_and_wait_for_new_page(self.ADD, "odnośnik „Dodaj uprawnienie”")
        return ConsentFormPage(self.site).wait_until_loaded()

    def withdraw(self, consent: ConsentRow) -> "ConsentsPage":
        """Press „Wycofaj” in the consent's row; return the list, reloaded."""
        row_button = (By.XPATH, f"//tr[@data-consent-id='{consent.consent_id}']{self.WITHDRAW[1]}")
        self.click_and_wait_for_new_page(row_button, f"przycisk „Wycofaj” uprawnienia „{consent.kind}”")
        return ConsentsPage(self.site).wait_until_loaded()

    # -- reading ---------------------------------------------------------------------------------------
    def _read(self, headings: list[str], record: dict) -> ConsentRow:
        cells = dict(zip(headings, record["cells"], strict=False))
        values = {name: cells.get(heading, "") for heading, name in self.COLUMNS.items()}
        return ConsentRow(
            consent_id=record["@data-consent-id"] or "",
            kind=values["kind"], person=self._text(values["person"]), scope=values["scope"],
            date_from=self._date(values["date_from"]), date_to=self._date(values["date_to"]),
            status=values["status"], can_withdraw=bool(record["withdraw"]))

    def _text(self, text: str) -> str:
        return "" if text in self.EMPTY_CELLS else text

    def _date(self, text: str) -> datetime.date | None:
        if text in self.EMPTY_CELLS:
            return None
        for date_format in self.DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(f"Nieznany format daty w liście uprawnień: {text!r}")

"""„Zobacz deklaracje”: the patient's POZ declarations with their stage, fee and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from pages import dom
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class Declaration:
    """One row of the list, as shown."""

    role: str
    facility: str
    person: str
    submitted_on: str
    choice_in_year: str
    fee_zl: int  # 0 when shown as free
    status: str
    notes: str


class DeclarationsPage(TopMenu):
    TITLE = "Twoje deklaracje POZ"  # [choice]
    PATH = "/ikp/deklaracje"
    MENU_ENTRY = "Zobacz deklaracje"  # [public]
    HEADERS = (By.CSS_SELECTOR, "#declarations thead th")
    ROWS = (By.CSS_SELECTOR, "#declarations tbody tr")
    CELLS = (By.TAG_NAME, "td")
    # [choice] column headings -> Declaration fields
    COLUMNS = {"Rola": "role", "Placówka": "facility", "Osoba": "person", "Data złożenia": "submitted_on",
               "Wybór w roku": "choice_in_year", "Opłata": "fee_zl", "Status": "status", "Uwagi": "notes"}
    FEE_PATTERN = re.compile(r"(\d+) zł")  # [choice] „80 zł” / „bez opłaty”

    def declarations(self) -> list[Declaration]:
        """Every declaration in the list, in page order (newest first)."""
        headings = [self.COLUMNS.get(text) for text in self.texts(self.HEADERS)]
        rows = []
        for record in dom.records(self.driver, self.ROWS, {"cells": self.CELLS}):
            cells = dict(zip(headings, record["cells"], strict=False))
            cells.pop(None, None)
            fee = self.FEE_PATTERN.search(cells.get("fee_zl", ""))
            cells["fee_zl"] = int(fee.group(1)) if fee else 0
            rows.append(Declaration(**{name: cells.get(name, "") for name in Declaration.__dataclass_fields__}))
        return rows

    def declaration(self, role: str, person: str) -> Declaration | None:
        """The newest declaration of this role (as shown) for this person, or None."""
        return next((d for d in self.declarations() if d.role == role and d.person == person), None)


def view_declarations(page: TopMenu) -> DeclarationsPage:
    """From any logged-in page: follow „Zobacz deklaracje” in the menu; return the list, freshly loaded."""
    return page.go_to(DeclarationsPage.MENU_ENTRY, DeclarationsPage)

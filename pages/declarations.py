"""„Zobacz deklaracje”: the patient's POZ declarations with their stage, fee and notes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pages.components.header import LoggedInPage
from pages.declaration_form import PozRole
from pages.locators import Query
from pages.missing import check_states


class DeclarationState(StrEnum):
    """The stage of a POZ declaration (how a scenario says it: harness/gherkin_types.py)."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ENDED = "ended"


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
    state: DeclarationState | None  # None when the screen shows a status the suite does not know


class DeclarationsPage(LoggedInPage):
    TITLE = "Twoje deklaracje POZ"
    PATH = "/ikp/deklaracje"
    # [publiczne] telemedi.com: stages include „zaakceptowana” and „odrzucona”; [wybór] the others
    STATES = {"Złożona": DeclarationState.SUBMITTED, "Zaakceptowana": DeclarationState.ACCEPTED,
              "Odrzucona": DeclarationState.REJECTED, "Zakończona": DeclarationState.ENDED}
    # [wybór] column headers -> Declaration fields
    COLUMNS = {"Rola": "role", "Placówka": "facility", "Osoba": "person", "Data złożenia": "submitted_on",
               "Wybór w roku": "choice_in_year", "Opłata": "fee_zl", "Status": "status", "Uwagi": "notes"}
    FEE_PATTERN = re.compile(r"(\d+) zł")  # [wybór] „80 zł” / „bez opłaty”
    EMPTY_VALUES = ("—", "-")  # how an empty cell is shown

    def listed(self) -> list[Declaration]:
        """Every declaration in the list, in page order (newest first)."""
        rows = []
        table = self.read(Query.table())
        check_states(self, [row["cells"].get("Status", "") for row in table], self.STATES, "deklaracji")
        for row in table:
            cells = {name: row["cells"].get(header, "") for header, name in self.COLUMNS.items()}
            fee = self.FEE_PATTERN.search(cells["fee_zl"])
            cells["fee_zl"] = int(fee.group(1)) if fee else 0
            cells["notes"] = "" if cells["notes"] in self.EMPTY_VALUES else cells["notes"]
            rows.append(Declaration(**cells, state=self.STATES.get(cells["status"])))
        return rows

    def declaration(self, role: PozRole, person: str) -> Declaration | None:
        """The newest declaration of this role for this person, or None."""
        return next((d for d in self.listed() if d.role == role.label and d.person == person), None)

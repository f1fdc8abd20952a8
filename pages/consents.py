"""„Uprawnienia”: the patient's consents and authorisations, withdrawn ones included, and withdrawal."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum

from pages.components.header import LoggedInPage
from pages.locators import Query, button, having, link, role, within
from pages.missing import check_states


class ConsentState(StrEnum):
    """The state of a consent or authorisation (how a scenario says it: harness/gherkin_types.py)."""

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ConsentRow:
    """One row of the list, as the patient sees it; dates are None where the cell is empty; `status` is the
    text shown, `state` what it means (None when the page shows a status the suite does not know)."""

    kind: str
    person: str
    scope: str
    date_from: datetime.date | None
    date_to: datetime.date | None
    status: str
    state: ConsentState | None
    can_withdraw: bool

    def __str__(self) -> str:
        return f"{self.kind}: {self.person or self.scope} ({self.status})"

    def names(self, identity: str) -> bool:
        """Whether the row is of this person (by name) or these services (by scope)."""
        return identity in self.person or identity == self.scope


class ConsentsPage(LoggedInPage):
    TITLE = "Uprawnienia"
    PATH = "/ikp/uprawnienia"
    ADD = link("Dodaj uprawnienie")
    WITHDRAW = button("Wycofaj")
    # Column headers of the list -> ConsentRow fields.
    COLUMNS = {"Rodzaj": "kind", "Osoba": "person", "Zakres": "scope",
               "Od": "date_from", "Do": "date_to", "Status": "status"}
    STATES = {"Aktywne": ConsentState.ACTIVE, "Wycofane": ConsentState.WITHDRAWN}  # status texts -> states
    FULL_SCOPE = "Pełny zakres"
    EMPTY_CELLS = ("", "—", "-")  # how an empty cell is shown
    DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y")  # [wybór] ISO as in the simulator; the Polish one just in case

    def listed(self, kind: str | None = None, person: str | None = None,
               scope: str | None = None) -> list[ConsentRow]:
        """Every row of the list in page order, optionally only those of this kind, person name or scope."""
        rows = [self._read(row) for row in self.read(Query.table(read={"withdraw": Query.exists(self.WITHDRAW)}))]
        check_states(self, [row.status for row in rows], self.STATES, "uprawnienia")
        return [row for row in rows
                if (kind is None or row.kind == kind) and (person is None or person in row.person)
                and (scope is None or row.scope == scope)]

    def has_active(self, kind: str, identity: str) -> bool:
        """Whether a row of this kind for this person (or services) can still be withdrawn."""
        return any(row.can_withdraw and row.names(identity) for row in self.listed(kind))

    def withdraw_active(self, kind: str, identity: str) -> "ConsentsPage":
        """Withdraw every row of this kind for this person (or services) still active; return the list."""
        page = self
        while page.has_active(kind, identity):
            page = page.withdraw(kind, identity)
        return page

    def add_consent(self):
        """Follow „Dodaj uprawnienie”; return the wizard's first step."""
        from pages.consent_form import ConsentWizardPage

        return ConsentWizardPage(self.site).arrive(self.click(self.ADD))

    def withdraw(self, kind: str, identity: str) -> "ConsentsPage":
        """Press „Wycofaj” in the first row of this kind that names `identity` (the person, or the services)
        and offers it; return the list, shown anew."""
        row = having(having(role("row"), kind), identity)
        action = self.click(within(row, self.WITHDRAW), f"przycisk „Wycofaj” uprawnienia „{kind}” ({identity})")
        return self.arrive(action)

    # -- reading ---------------------------------------------------------------------------------------
    def _read(self, row: dict) -> ConsentRow:
        values = {name: row["cells"].get(header, "") for header, name in self.COLUMNS.items()}
        return ConsentRow(
            kind=values["kind"], person=self._text(values["person"]), scope=self._text(values["scope"]),
            date_from=self._date(values["date_from"]), date_to=self._date(values["date_to"]),
            status=values["status"], state=self.STATES.get(values["status"]),
            can_withdraw=bool(row["withdraw"]))

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

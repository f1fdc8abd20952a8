"""What this scenario created, on screen or by arrangement, so that „ta/to/tę …” means the last one of its kind,
and how to undo what it changed on a real account (`undo`, through the screens; None when it cannot be undone)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from harness.personas import Persona
from pages.account import ContactData
from pages.components.header import LoggedInPage
from pages.declaration_form import PozRole


@dataclass(frozen=True)
class DeclarationRef:
    """A POZ declaration by what the patient and the facility know of it (never a simulator id)."""

    patient: Persona
    role: PozRole
    facility: str
    person: str
    submitted_on: datetime.date | None = None

    what = "deklaracja"
    this = "tę deklarację"
    undo = None  # a declaration counts in the year for good (@nieodwracalne)

    def describe(self) -> str:
        return f"deklaracja wyboru ({self.role}) „{self.person}” z placówki „{self.facility}” pacjenta {self.patient}"


@dataclass(frozen=True)
class OrderRef:
    """A prescription order by its patient and medicines."""

    patient: Persona
    medicines: tuple[str, ...]
    placed_on: datetime.date | None = None

    what = "zamówienie recepty"
    this = "to zamówienie"

    def describe(self) -> str:
        return f"zamówienie na {', '.join(f'„{m}”' for m in self.medicines)}"

    @property
    def undo_label(self) -> str:
        return f"anulowanie zamówienia na {', '.join(self.medicines)}"

    def undo(self, page: LoggedInPage) -> LoggedInPage:
        """Cancel the newest still cancellable order of these medicines (one per order placed)."""
        return page.ordered_prescriptions(anew=True).cancel_open(self.medicines)


@dataclass(frozen=True)
class ConsentRef:
    """A consent or authorisation by its kind and its person (or, for services, its scope)."""

    patient: Persona
    kind: str  # as „Uprawnienia” shows it
    person_name: str = ""
    person_pesel: str = ""
    scope: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    what = "uprawnienie"
    this = "to uprawnienie"

    @property
    def identity(self) -> str:
        """Whom or what it concerns, as its row names it: the person, or the services."""
        return self.person_name or self.scope

    def describe(self) -> str:
        whom = f"dla {self.person_name}" if self.person_name else f"w zakresie „{self.scope}”"
        return f"uprawnienie „{self.kind}” {whom}"

    @property
    def undo_label(self) -> str:
        return f"wycofanie uprawnienia „{self.kind}” ({self.identity})"

    def undo(self, page: LoggedInPage) -> LoggedInPage:
        """Withdraw it, if it is still active."""
        return page.consents().withdraw_active(self.kind, self.identity)


@dataclass(frozen=True)
class ContactChange:
    """The contact data a scenario replaced on screen, as they were before."""

    patient: Persona
    before: ContactData

    what = "zmiana danych kontaktowych"
    this = "tę zmianę danych kontaktowych"
    undo_label = "przywrócenie poprzednich danych kontaktowych"

    def describe(self) -> str:
        return f"dane kontaktowe sprzed zmiany ({self.before})"

    def undo(self, page: LoggedInPage) -> LoggedInPage:
        return page.my_account().change_contact_data(self.before)


Thing = TypeVar("Thing", DeclarationRef, OrderRef, ConsentRef, ContactChange)


class NothingCreated(Exception):
    """A sentence refers to „ta/to/tę …” but the scenario has not created such a thing yet."""


@dataclass
class Created:
    """The scenario's record, in the order things were created; one per scenario (context.scene.created)."""

    things: list = field(default_factory=list)

    def add(self, thing: Thing) -> Thing:
        self.things.append(thing)
        return thing

    def last(self, kind: type[Thing]) -> Thing:
        """The last thing of this kind the scenario created; NothingCreated saying so when there is none."""
        for thing in reversed(self.things):
            if isinstance(thing, kind):
                return thing
        raise NothingCreated(f"Zdanie mówi o „{kind.this}”, ale scenariusz nie utworzył wcześniej żadnego "
                             f"obiektu tego rodzaju ({kind.what}). Najpierw użyj zdania, które go tworzy "
                             f"(na ekranie albo w „Zakładając, że …”).")

    def named(self, kind: type[Thing], name: str, fits: Callable[[Thing], bool]) -> Thing:
        """The last thing of this kind that `fits` what the sentence names (`name`, for the message);
        NothingCreated listing what the scenario did create of this kind when none fits."""
        for thing in reversed(self.things):
            if isinstance(thing, kind) and fits(thing):
                return thing
        had = "; ".join(thing.describe() for thing in self.all(kind)) or "nic"
        raise NothingCreated(f"Zdanie mówi o „{name}”, ale scenariusz nie utworzył wcześniej takiego obiektu "
                             f"({kind.what}); utworzył: {had}. Najpierw użyj zdania, które go tworzy "
                             f"(na ekranie albo w „Zakładając, że …”), albo popraw nazwę w zdaniu.")

    def all(self, kind: type[Thing]) -> list[Thing]:
        return [thing for thing in self.things if isinstance(thing, kind)]

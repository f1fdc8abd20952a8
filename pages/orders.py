"""„Recepty” > „Zamówione recepty”: the orders with medicines, doctor, status and comment; cancel and repeat."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pages import dom
from pages.components.header import LoggedInPage
from pages.errors import FlowDiffers
from pages.locators import Query, button, link, nth, role, within
from pages.missing import check_states
from pages.prescriptions import RecipesTabPage


class OrderState(StrEnum):
    """The stage of a prescription order (how a scenario says it: harness/gherkin_types.py)."""

    PLACED = "placed"
    IN_PROGRESS = "in_progress"
    FULFILLED = "fulfilled"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Order:
    """One order as the patient sees it; `position` is its place on the list (0: the newest); `status` is the
    text shown, `state` what it means (None when the screen shows a status the suite does not know)."""

    position: int
    title: str
    medicines: tuple[str, ...]
    doctor: str
    status: str
    state: OrderState | None
    comment: str
    cancellable: bool
    repeatable: bool

    def __str__(self) -> str:
        return f"{', '.join(self.medicines)}: {self.status}"


class OrderNotListed(AssertionError):
    """The list „Zamówione recepty” shows no order of the medicines a scenario names."""

    def __init__(self, medicines, orders: list[Order]):
        listed = ", ".join(f"„{order}”" for order in orders) or "nic"
        super().__init__(f"zamówienie na {', '.join(f'„{m}”' for m in medicines)}: oczekiwano na liście "
                         f"„Zamówione recepty”, na ekranie {listed}")


class OrdersPage(RecipesTabPage):
    TAB = "Zamówione recepty"
    PATH = "/ikp/recepty/zamowione"
    ORDERS = within(role("main"), role("article"))  # [wybór] each order is an article headed by its date
    MEDICINES = role("listitem")
    CANCEL = button("Anuluj zamówienie")
    REPEAT = button("Zamów ponownie")
    DOCTOR_LABEL = "Lekarz"
    STATUS_LABEL = "Status"
    COMMENT_LABEL = "Komentarz lekarza"
    STATES = {"Złożone": OrderState.PLACED, "W realizacji": OrderState.IN_PROGRESS,
              "Zrealizowane": OrderState.FULFILLED, "Odrzucone": OrderState.REJECTED,
              "Anulowane": OrderState.CANCELLED}

    def orders(self) -> list[Order]:
        """Every order on the page, newest first."""
        read = Query.each(self.ORDERS, {
            "title": Query.text(role("heading")), "medicines": Query.texts(self.MEDICINES),
            "doctor": Query.value_of(self.DOCTOR_LABEL), "status": Query.value_of(self.STATUS_LABEL),
            "comment": Query.value_of(self.COMMENT_LABEL), "cancellable": Query.exists(self.CANCEL),
            "repeatable": Query.exists(self.REPEAT)})
        shown_orders = self.read(read)
        check_states(self, [shown["status"] or "" for shown in shown_orders], self.STATES, "zamówienia")
        return [Order(position, shown["title"], tuple(shown["medicines"]), shown["doctor"] or "",
                      shown["status"] or "", self.STATES.get(shown["status"] or ""),
                      shown["comment"] or "", shown["cancellable"], shown["repeatable"])
                for position, shown in enumerate(shown_orders)]

    def order_of(self, medicines: list[str] | tuple[str, ...]) -> Order | None:
        """The newest order of exactly these medicines, or None when there is none."""
        wanted = sorted(medicines)
        return next((order for order in self.orders() if sorted(order.medicines) == wanted), None)

    def shown(self, medicines: list[str] | tuple[str, ...]) -> Order:
        """The newest order of exactly these medicines; OrderNotListed, naming the orders shown, when there is none."""
        orders = self.orders()
        wanted = sorted(medicines)
        found = next((order for order in orders if sorted(order.medicines) == wanted), None)
        if found is None:
            raise OrderNotListed(medicines, orders)
        return found

    def cancel_order_of(self, medicines: list[str] | tuple[str, ...]) -> "OrdersPage":
        """Press „Anuluj zamówienie” on the newest order of these medicines; return this page, shown anew."""
        return self.cancel(self.shown(medicines))

    def repeat_order_of(self, medicines: list[str] | tuple[str, ...]) -> "OrdersPage":
        """„Zamów ponownie” on the newest order of these medicines, confirmed; return the list with the new order."""
        return self.repeat(self.shown(medicines))

    def cancel_open(self, medicines: list[str] | tuple[str, ...]) -> "OrdersPage":
        """Cancel the newest still cancellable order of exactly these medicines, if there is one; return the list."""
        wanted = sorted(medicines)
        order = next((o for o in self.orders() if sorted(o.medicines) == wanted and o.cancellable), None)
        return self.cancel(order) if order is not None else self

    def cancel(self, order: Order) -> "OrdersPage":
        """Press „Anuluj zamówienie” on this order; return this page, shown anew."""
        action = self.click(within(nth(self.ORDERS, order.position), self.CANCEL),
                            f"„Anuluj zamówienie” na: {', '.join(order.medicines)}")
        return self.arrive(action)

    def repeat(self, order: Order) -> "OrdersPage":
        """Press „Zamów ponownie” on this order and confirm; return this page with the new order.

        Some portals offer „Zamów ponownie” only for a fulfilled order: when this order has none, say so
        at once (FlowDiffers) instead of waiting for it."""
        if not order.repeatable:
            raise FlowDiffers(
                f"„Zamów ponownie” nie jest oferowane przy zamówieniu o statusie „{order.status}” "
                f"(na: {', '.join(order.medicines)}); to iIKP pozwala ponowić być może tylko zamówienie "
                f"zrealizowane, a scenariusz ponawia zamówienie „{order.status}”.")
        action = self.click(within(nth(self.ORDERS, order.position), self.REPEAT),
                            f"„Zamów ponownie” na: {', '.join(order.medicines)}")
        return OrderConfirmationPage(self.site).arrive(action).confirm()


class OrderConfirmationPage(LoggedInPage):
    """The order's confirmation ("a następnie potwierdzamy", infor.pl) before it goes to the doctor: a page of
    its own, or a modal dialog over „Recepty” (how the real iIKP shows it is not public)."""

    TITLE = "Potwierdź zamówienie"
    DIALOG = role("dialog", TITLE)  # [wybór] the same confirmation as a modal dialog named by its title
    CONFIRM = button("Potwierdź")
    BACK = link("Wróć do recept")

    def is_here(self, screen: dom.Screen) -> bool:
        """A page headed by TITLE, or a dialog of that name over another screen."""
        return screen.h1 == self.TITLE or bool(screen.result)

    def evidence(self) -> dict:
        return Query.exists(self.DIALOG)

    def describe(self) -> str:
        return f"potwierdzenie zamówienia „{self.TITLE}” (strona albo okno dialogowe)"

    def back(self):
        """Leave without confirming („Wróć do recept”); return „Moje recepty”, nothing ordered."""
        from pages.prescriptions import PrescriptionsPage

        return PrescriptionsPage(self.site).arrive(self.click(self.BACK))

    def confirm(self) -> OrdersPage:
        """Press „Potwierdź”; return „Zamówione recepty”."""
        return OrdersPage(self.site).arrive(self.click(self.CONFIRM))


"""„Recepty” > „Zamówione recepty”: the orders with medicines, doctor, status and comment; cancel and repeat."""

from __future__ import annotations

from dataclasses import dataclass

from pages import dom
from pages.components.header import LoggedInPage
from pages.errors import FlowDiffers
from pages.locators import Query, button, link, nth, role, within
from pages.missing import check_states
from pages.prescriptions import RecipesTabPage


@dataclass(frozen=True)
class Order:
    """One order as the patient sees it; `position` is its place on the list (0: the newest); `state` is
    one of placed, in_progress, fulfilled, rejected, cancelled (or the status text when it is another)."""

    position: int
    title: str
    medicines: tuple[str, ...]
    doctor: str
    status: str
    state: str
    comment: str
    cancellable: bool
    repeatable: bool


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
    STATES = {"Złożone": "placed", "W realizacji": "in_progress", "Zrealizowane": "fulfilled",
              "Odrzucone": "rejected", "Anulowane": "cancelled"}

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
                      shown["status"] or "", self.STATES.get(shown["status"] or "", shown["status"] or ""),
                      shown["comment"] or "", shown["cancellable"], shown["repeatable"])
                for position, shown in enumerate(shown_orders)]

    def order_of(self, medicines: list[str] | tuple[str, ...]) -> Order | None:
        """The newest order of exactly these medicines, or None when there is none."""
        wanted = sorted(medicines)
        return next((order for order in self.orders() if sorted(order.medicines) == wanted), None)

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


def ordered_recipes(page: LoggedInPage) -> OrdersPage:
    """From any logged-in page: „Recepty” > „Zamówione recepty”, shown anew; return it."""
    from pages.prescriptions import recipes

    return recipes(page).tab(OrdersPage)

"""„Zamówione recepty”: the patient's prescription orders with medicines, doctor, status and comment."""

from __future__ import annotations

from dataclasses import dataclass

from pages.components.header import LoggedInPage
from pages.locators import Query, button, nth, role, within


@dataclass(frozen=True)
class Order:
    """One order as the patient sees it; `position` is its place on the list (0: the newest)."""

    position: int
    title: str
    medicines: tuple[str, ...]
    doctor: str
    status: str
    comment: str
    cancellable: bool


class OrdersPage(LoggedInPage):
    TITLE = "Zamówione recepty"  # [publiczne] pacjent.gov.pl, infor.pl
    PATH = "/ikp/zamowione-recepty"
    ORDERS = within(role("main"), role("article"))  # [wybór] each order is an article headed by its number
    MEDICINES = role("listitem")
    CANCEL = button("Anuluj zamówienie")  # [wybór]
    DOCTOR_LABEL = "Lekarz"  # [wybór]
    STATUS_LABEL = "Status"  # [wybór]
    COMMENT_LABEL = "Komentarz lekarza"  # [wybór]

    def orders(self) -> list[Order]:
        """Every order on the page, newest first."""
        read = Query.each(self.ORDERS, {
            "title": Query.text(role("heading")), "medicines": Query.texts(self.MEDICINES),
            "doctor": Query.value_of(self.DOCTOR_LABEL), "status": Query.value_of(self.STATUS_LABEL),
            "comment": Query.value_of(self.COMMENT_LABEL), "cancellable": Query.exists(self.CANCEL)})
        return [Order(position, shown["title"], tuple(shown["medicines"]), shown["doctor"] or "",
                      shown["status"] or "", shown["comment"] or "", shown["cancellable"])
                for position, shown in enumerate(self.read(read))]

    def order_of(self, medicines: list[str]) -> Order | None:
        """The newest order of exactly these medicines, or None when there is none."""
        wanted = sorted(medicines)
        return next((order for order in self.orders() if sorted(order.medicines) == wanted), None)

    def cancel(self, order: Order) -> "OrdersPage":
        """Press „Anuluj zamówienie” on this order; return this page, shown anew."""
        action = self.click(within(nth(self.ORDERS, order.position), self.CANCEL),
                            f"„Anuluj zamówienie” na: {', '.join(order.medicines)}")
        return self.arrive(action)

"""„Zamówione recepty”: the patient's prescription orders with medicines, doctor, status and comment."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By

from pages import dom
from pages.base import button
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class Order:
    """One order as the patient sees it."""

    order_id: str
    medicines: tuple[str, ...]
    doctor: str
    status: str
    comment: str
    cancellable: bool


class OrdersPage(TopMenu):
    TITLE = "Zamówione recepty"  # [public]
    PATH = "/ikp/zamowione-recepty"
    ORDER = (By.CSS_SELECTOR, "article[data-order-id]")
    MEDICINES = (By.CSS_SELECTOR, ".order-medicines li")
    DOCTOR = (By.CSS_SELECTOR, ".order-doctor")
    STATUS = (By.CSS_SELECTOR, ".order-status")
    COMMENT = (By.CSS_SELECTOR, ".order-comment")
    CANCEL = (By.XPATH, "." + button("Anuluj zamówienie")[1])  # [choice], searched inside one order
    DOCTOR_PREFIX = "Lekarz: "  # [choice]
    STATUS_PREFIX = "Status: "  # [choice]
    COMMENT_PREFIX = "Komentarz lekarza: "  # [choice]

    def orders(self) -> list[Order]:
        """Every order on the page, newest first."""
        parts = {"medicines": self.MEDICINES, "doctor": self.DOCTOR, "status": self.STATUS,
                 "comment": self.COMMENT, "cancel": self.CANCEL}
        return [self._read(record) for record in dom.records(self.driver, self.ORDER, parts, ("data-order-id",))]

    def order_of(self, medicines: list[str]) -> Order | None:
        """The newest order of exactly these medicines, or None when there is none."""
        wanted = sorted(medicines)
        return next((order for order in self.orders() if sorted(order.medicines) == wanted), None)

    def cancel(self, medicines: list[str]) -> "OrdersPage":
        """Press „Anuluj zamówienie” on the newest order of these medicines; return this page, reloaded."""
        order = self.order_of(medicines)
        if order is None:
            raise AssertionError(f"Brak zamówienia na: {', '.join(medicines)} (są: {self.orders()})")
        cancel = (By.XPATH, f"//article[@data-order-id='{order.order_id}']{self.CANCEL[1][1:]}")
        self.click_and_wait_for_new_page(cancel, f"„Anuluj zamówienie” na: {', '.join(medicines)}")
        return self.wait_until_loaded()

    def _read(self, record: dict) -> Order:
        def text(name: str, prefix: str) -> str:
            return record[name][0].removeprefix(prefix) if record[name] else ""

        return Order(
            order_id=record["@data-order-id"] or "",
            medicines=tuple(record["medicines"]),
            doctor=text("doctor", self.DOCTOR_PREFIX),
            status=text("status", self.STATUS_PREFIX),
            comment=text("comment", self.COMMENT_PREFIX),
            cancellable=bool(record["cancel"]),
        )


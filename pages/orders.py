"""„Zamówione recepty”: the patient's prescription orders with medicines, doctor, status and comment."""

from __future__ import annotations

from dataclasses import dataclass

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from pages.base import button, is_stale
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class Order:
    """One order as the patient sees it."""

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
        return [self._read(article) for article in self.driver.find_elements(*self.ORDER)]

    def order_of(self, medicines: list[str]) -> Order | None:
        """The newest order of exactly these medicines, or None when there is none."""
        wanted = sorted(medicines)
        return next((order for order in self.orders() if sorted(order.medicines) == wanted), None)

    def cancel(self, medicines: list[str]) -> "OrdersPage":
        """Press „Anuluj zamówienie” on the newest order of these medicines; return this page, reloaded."""
        article = self._article_of(medicines)
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        article.find_element(*self.CANCEL).click()
        self.wait(lambda d: is_stale(old_html), "„Zamówione recepty” po anulowaniu zamówienia")
        return self.wait_until_loaded()

    def _article_of(self, medicines: list[str]) -> WebElement:
        wanted = sorted(medicines)

        def found(driver):
            articles = driver.find_elements(*self.ORDER)
            return next((a for a in articles if sorted(self._read(a).medicines) == wanted), False)

        return self.wait(found, f"zamówienie na: {', '.join(medicines)}")

    def _read(self, article: WebElement) -> Order:
        def text(locator, prefix: str = "") -> str:
            found = article.find_elements(*locator)
            return found[0].text.strip().removeprefix(prefix) if found else ""

        return Order(
            medicines=tuple(item.text.strip() for item in article.find_elements(*self.MEDICINES)),
            doctor=text(self.DOCTOR, self.DOCTOR_PREFIX),
            status=text(self.STATUS, self.STATUS_PREFIX),
            comment=text(self.COMMENT, self.COMMENT_PREFIX),
            cancellable=bool(article.find_elements(*self.CANCEL)),
        )


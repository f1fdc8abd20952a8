"""„Recepty”: earlier prescriptions; continuation medicines are ticked and ordered with „Zamów receptę”."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from pages.base import button, field
from pages.components.top_menu import TopMenu


class PrescriptionsPage(TopMenu):
    TITLE = "Recepty"  # [public]
    PATH = "/ikp/recepty"
    ORDER = button("Zamów receptę")  # [public]
    ENTRIES = (By.CSS_SELECTOR, "#prescriptions li")
    CONTINUATION_LABELS = (By.CSS_SELECTOR, "#prescriptions li label")
    FORM_ERROR = (By.ID, "form-error")

    # Why an order is refused (#form-error), one constant per reason.
    NOTHING_SELECTED = "Zaznacz co najmniej jeden lek, aby zamówić receptę."  # [choice]
    NO_DOCTOR_DECLARATION = ("Nie możesz zamówić recepty: nie masz aktywnej deklaracji wyboru lekarza POZ. "
                             "Złóż deklarację w sekcji Twoja Podstawowa Opieka Zdrowotna (POZ).")  # [choice]
    ORDERING_DISABLED = ("Twoja placówka POZ nie realizuje zamówień recept przez Internetowe Konto Pacjenta. "
                         "Skontaktuj się z placówką.")  # [public] meaning, [choice] wording

    def listed_medicines(self) -> list[str]:
        """The text of every earlier prescription on the list (name first, then dosage and notes)."""
        return self.texts(self.ENTRIES)

    def orderable_medicines(self) -> list[str]:
        """Names of the medicines that can be ordered (those with a checkbox), in page order."""
        return self.texts(self.CONTINUATION_LABELS)

    def order(self, medicines: list[str]):
        """Tick the medicines and press „Zamów receptę”; return „Zamówione recepty” with the new order."""
        from pages.orders import OrdersPage

        self._tick_and_submit(medicines)
        return OrdersPage(self.site).wait_until_loaded()

    def order_expecting_refusal(self, medicines: list[str]) -> "PrescriptionsPage":
        """Tick the medicines (maybe none) and press „Zamów receptę”; return this page, with its message."""
        self._tick_and_submit(medicines)
        self.wait_until_loaded()
        self.wait_for_screen(lambda screen: screen.element is not None,
                             "komunikat, dlaczego nie można zamówić recepty", locator=self.FORM_ERROR)
        return self

    def refusal_message(self) -> str:
        """The message saying why the order was not placed, or ''."""
        return self.text_or_empty(self.FORM_ERROR)

    def _tick_and_submit(self, medicines: list[str]) -> None:
        for medicine in medicines:
            checkbox = self.find(field(medicine), f"pole wyboru leku „{medicine}”")
            if not checkbox.is_selected():
                checkbox.click()
        self.click_and_wait_for_new_page(self.ORDER, "przycisk „Zamów receptę”")

"""„Recepty”: earlier prescriptions; continuation medicines are ticked and ordered with „Zamów receptę”."""

from __future__ import annotations

from pages.components.header import LoggedInPage
from pages.locators import Query, button, label, role, within


class PrescriptionsPage(LoggedInPage):
    TITLE = "Recepty"  # [publiczne] pacjent.gov.pl, infor.pl
    PATH = "/ikp/recepty"
    ORDER = button("Zamów receptę")  # [publiczne] pacjent.gov.pl, infor.pl
    ENTRIES = within(role("main"), role("listitem"))
    ORDERABLE = within(role("main"), role("checkbox"))

    # Why an order is refused (role=alert), one constant per reason.
    NOTHING_SELECTED = "Zaznacz co najmniej jeden lek, aby zamówić receptę."  # [wybór]
    NO_DOCTOR_DECLARATION = ("Nie możesz zamówić recepty: nie masz aktywnej deklaracji wyboru lekarza POZ. "
                             "Złóż deklarację w sekcji Twoja Podstawowa Opieka Zdrowotna (POZ).")  # [wybór]
    ORDERING_DISABLED = ("Twoja placówka POZ nie realizuje zamówień recept przez Internetowe Konto Pacjenta. "
                         "Skontaktuj się z placówką.")  # [publiczne] meaning (mbrk.pl), [wybór] wording

    def listed_medicines(self) -> list[str]:
        """The text of every earlier prescription on the list (name first, then dosage and notes)."""
        return self.read(Query.texts(self.ENTRIES))

    def orderable_medicines(self) -> list[str]:
        """Names of the medicines that can be ordered (those with a checkbox), in page order."""
        return self.read(Query.names(self.ORDERABLE))

    def order(self, medicines: list[str]):
        """Tick the medicines and press „Zamów receptę”; return „Zamówione recepty” with the new order."""
        from pages.orders import OrdersPage

        return OrdersPage(self.site).arrive(self._tick_and_submit(medicines))

    def order_expecting_refusal(self, medicines: list[str]) -> "PrescriptionsPage":
        """Tick the medicines (maybe none) and press „Zamów receptę”; return this page once it says why not."""
        action = self._tick_and_submit(medicines)
        self.wait_for(lambda screen: screen.h1 == self.TITLE and action.moved_on(screen) and bool(screen.alerts),
                      "komunikat, dlaczego nie można zamówić recepty", since=action.generation)
        return self

    def refusal_message(self) -> str:
        """The message saying why the order was not placed, or ''."""
        alerts = self.probe().alerts
        return alerts[0] if alerts else ""

    def _tick_and_submit(self, medicines: list[str]):
        for medicine in medicines:
            self.set_checked(label(medicine), True, f"pole wyboru leku „{medicine}”")
        return self.click(self.ORDER, "przycisk „Zamów receptę”")

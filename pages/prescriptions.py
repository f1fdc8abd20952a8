"""„Recepty” > „Moje recepty”: earlier prescriptions; continuation medicines are ticked, ordered and confirmed."""

from __future__ import annotations

from pages import dom
from pages.base import Action
from pages.components.header import LoggedInPage
from pages.locators import Query, button, heading, label, link, outside, role, within


class RecipesTabPage(LoggedInPage):
    """A sub-tab of „Recepty” [publiczne: pacjent.gov.pl, infor.pl]: the h1 is „Recepty”, the tab its heading."""

    TITLE = "Recepty"
    TAB = ""

    def is_here(self, screen: dom.Screen) -> bool:
        """„Recepty” showing this sub-tab's heading."""
        return screen.h1 == self.TITLE and bool(screen.result)

    def evidence(self) -> dict:
        return Query.exists(heading(self.TAB))

    def describe(self) -> str:
        return f"„{self.TITLE}” > „{self.TAB}”"

    def tab(self, page_class):
        """Follow the sub-tab link of `page_class`; return that sub-tab."""
        return page_class(self.site).arrive(self.click(link(page_class.TAB), f"zakładka „{page_class.TAB}”"))


class PrescriptionsPage(RecipesTabPage):
    TAB = "Moje recepty"
    PATH = "/ikp/recepty"
    ORDER = button("Zamów receptę")
    ENTRIES = outside(within(role("main"), role("listitem")), role("navigation"))
    ORDERABLE = within(role("main"), role("checkbox"))
    # What a refusal to order says, by the words that carry its meaning (not our wording word for word):
    NO_DOCTOR_DECLARATION = ("deklaracj",)
    ORDERING_DISABLED = ("nie może zostać zrealizowane",)

    def listed_medicines(self) -> list[str]:
        """The text of every earlier prescription on the list (name first, then dosage and notes)."""
        return [entry for entry in self.read(Query.texts(self.ENTRIES)) if entry]

    def orderable_medicines(self) -> list[str]:
        """Names of the medicines that can be ordered (those with a checkbox), in page order."""
        return self.read(Query.names(self.ORDERABLE))

    def order(self, medicines: list[str]):
        """Tick the medicines, press „Zamów receptę” and confirm; return „Zamówione recepty” with the new order."""
        from pages.orders import OrderConfirmationPage

        return OrderConfirmationPage(self.site).arrive(self._tick_and_submit(medicines)).confirm()

    def start_order(self, medicines: list[str]):
        """Tick the medicines and press „Zamów receptę”, confirming nothing; return the confirmation (a page or
        a dialog), or this page when iIKP refuses the order (it then says why)."""
        from pages.orders import OrderConfirmationPage

        confirmation = OrderConfirmationPage(self.site)
        screen = self.wait_for(lambda screen: bool(screen.alerts) or confirmation.is_here(screen),
                               f"{confirmation.describe()} albo odmowa", confirmation.evidence(),
                               after=self._tick_and_submit(medicines))
        return confirmation if confirmation.is_here(screen) else self

    def order_expecting_refusal(self, medicines: list[str]) -> "PrescriptionsPage":
        """Tick the medicines (maybe none) and press „Zamów receptę”; return this page once it says why not."""
        return self.await_refusal(self._tick_and_submit(medicines), "komunikat, dlaczego nie można zamówić recepty")

    def _tick_and_submit(self, medicines: list[str]) -> Action:
        for medicine in medicines:
            self.set_checked(label(medicine), True, f"pole wyboru leku „{medicine}”")
        return self.click(self.ORDER)




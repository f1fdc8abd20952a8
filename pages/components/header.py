"""The logged-in header (instrukcja CeZ pkt 2.3): who is logged in, the links to the sections, „Wyloguj się”."""

from __future__ import annotations

from typing import TypeVar

from pages.base import BasePage
from pages.components.markers import LOGOUT_NAME
from pages.locators import any_of, button, link, outside, role

P = TypeVar("P", bound=BasePage)

LOGOUT = any_of(button(LOGOUT_NAME), link(LOGOUT_NAME))  # [instrukcja CeZ pkt 2.3]
# [publiczne] pacjent.gov.pl (krok-4-co-robic-z-e-recepta): "w prawym górnym rogu zobaczysz napis „Moje konto”"
MY_ACCOUNT = "Moje konto"


class LoggedInPage(BasePage):
    """Every iIKP screen of a logged-in patient: its header shows the patient and offers „Wyloguj się”."""

    def describe(self) -> str:
        return f"strona „{self.TITLE}”" if self.TITLE else "ekran konta iIKP z „Wyloguj się”"

    def logout(self):
        """Press „Wyloguj się”; return the screen shown once nobody is logged in any more."""
        from pages.logged_out import LoggedOutPage

        return self.next_page(self.click(LOGOUT), LoggedOutPage)

    def can_log_out(self) -> bool:
        """Whether „Wyloguj się” is on the screen (i.e. someone is logged in here)."""
        return self.probe().logged_in

    def header_text(self) -> str:
        """The header's own text, where the logged-in patient's name is shown (without links and buttons)."""
        return self.probe().banner

    # -- the screens a logged-in patient reaches from any screen: each returns self when already there --------
    def my_account(self):
        """„Moje konto”, by its link at the top of the screen; return it."""
        from pages.account import AccountPage

        return self if isinstance(self, AccountPage) else self._follow(MY_ACCOUNT, AccountPage)

    def consents(self):
        """„Uprawnienia”, by the main menu; return the list."""
        from pages.consents import ConsentsPage

        return self if isinstance(self, ConsentsPage) else self._follow(ConsentsPage.TITLE, ConsentsPage)

    def prescriptions(self):
        """„Recepty” > „Moje recepty”, by the main menu; return it."""
        from pages.prescriptions import PrescriptionsPage

        return self if isinstance(self, PrescriptionsPage) else self._follow(PrescriptionsPage.TITLE,
                                                                             PrescriptionsPage)

    def ordered_prescriptions(self, anew: bool = False):
        """„Recepty” > „Zamówione recepty”; `anew`: shown again even when already there (the doctor may have
        acted on an order meanwhile); return it."""
        from pages.orders import OrdersPage

        if isinstance(self, OrdersPage) and not anew:
            return self
        return self.prescriptions().tab(OrdersPage)

    def declarations(self, anew: bool = False):
        """„Moje konto” > POZ > „Zobacz deklaracje”; `anew`: shown again even when already there (the
        facility may have decided meanwhile); return the list."""
        from pages.declarations import DeclarationsPage

        if isinstance(self, DeclarationsPage) and not anew:
            return self
        return self.my_account().see_declarations()

    def _follow(self, name: str, page_class: type[P]) -> P:
        """Follow the link with this name; return that page, loaded."""
        # the header's link, not the same link among the home screen's tiles (inside the main part)
        return page_class(self.site).arrive(self.click(outside(link(name), role("main"))))

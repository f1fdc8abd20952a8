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

    def open_my_account(self):
        """Follow „Moje konto” at the top of the screen; return „Moje konto”."""
        from pages.account import AccountPage

        return self.go_to(MY_ACCOUNT, AccountPage)

    def go_to(self, section: str, page_class: type[P]) -> P:
        """Follow the link with the section's name; return that page, loaded."""
        # the header's link, not the same link among the home screen's tiles (inside the main part)
        return page_class(self.site).arrive(self.click(outside(link(section), role("main"))))

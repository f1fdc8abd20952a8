"""The page shown after „Wyloguj się”."""

from __future__ import annotations

from pages.base import BasePage
from pages.components.top_menu import TopMenu


class LoggedOutPage(BasePage):
    TITLE = "Wylogowano"  # [choice]
    PATH = "/ikp/wylogowano"

    def shows_account_menu(self) -> bool:
        """Whether any logged-in menu („Wyloguj się”) is still on the screen."""
        return bool(self.driver.find_elements(*TopMenu.LOGOUT))

"""The page shown after „Wyloguj się”, and whatever the browser shows on Back from it."""

from __future__ import annotations

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement

from pages.account import AccountPage
from pages.base import BasePage, is_stale
from pages.components.top_menu import TopMenu


class LoggedOutPage(BasePage):
    TITLE = "Wylogowano"  # [choice]
    PATH = "/ikp/wylogowano"

    def shows_account_menu(self) -> bool:
        """Whether any logged-in menu („Wyloguj się”) is still on the screen."""
        return bool(self.driver.find_elements(*TopMenu.LOGOUT))

    def go_back(self) -> "ScreenAfterBack":
        """Press the browser's Back; return the screen the browser shows then, whatever it is."""
        old_html = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.back()
        self.wait(lambda d: is_stale(old_html) and d.execute_script("return document.readyState") == "complete",
                  "poprzednia strona po przycisku „Wstecz” przeglądarki")
        return ScreenAfterBack(self.site)


class ScreenAfterBack(BasePage):
    """Any screen reached with the browser's Back after logging out (instrukcja CeZ pkt 2.3 warns about Back)."""

    ACCOUNT_MARKERS = (TopMenu.LOGOUT, TopMenu.PATIENT_NAME, AccountPage.NAME)

    def shows_account(self) -> bool:
        """Whether anything of the patient's account (its data or „Wyloguj się”) is visible on the screen."""
        return any(_is_visible(element) for marker in self.ACCOUNT_MARKERS
                   for element in self.driver.find_elements(*marker))


def _is_visible(element: WebElement) -> bool:
    """Displayed and still in the current document (a page being replaced shows nothing of its own)."""
    try:
        return element.is_displayed()
    except StaleElementReferenceException:
        return False

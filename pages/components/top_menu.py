"""The logged-in header: the patient's name, the main menu and „Wyloguj się”."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from pages.base import BasePage, button, link


class TopMenu(BasePage):
    """Present on every iIKP page after login and the terms."""

    LOGOUT = button("Wyloguj się")  # [instrukcja CeZ pkt 2.3]
    PATIENT_NAME = (By.ID, "patient-name")

    def logout(self):
        """Press „Wyloguj się”; return the logged-out page."""
        from pages.logged_out import LoggedOutPage

        self.click_and_wait_for_new_page(self.LOGOUT, "przycisk „Wyloguj się”")
        return LoggedOutPage(self.site).wait_until_loaded()

    def can_log_out(self) -> bool:
        """Whether „Wyloguj się” is on the screen (i.e. someone is logged in here)."""
        return bool(self.driver.find_elements(*self.LOGOUT))

    def patient_name(self) -> str:
        return self.text_or_empty(self.PATIENT_NAME)

    def go_to(self, section: str, page_class):
        """Follow the main-menu link with the section's name; return that page, loaded."""
        self.click_and_wait_for_new_page(link(section), f"menu „{section}”")
        return page_class(self.site).wait_until_loaded()

"""The test Profil Zaufany / WK login page (seed 2.2): the field „Pesel”, ENTER or „Dalej”."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from pages.base import BasePage, Site, button, field, is_stale
from pages.landing import land_after_login


class PzLoginPage(BasePage):
    """Where the browser lands after `/ikp/zaloguj`; on another origin than iIKP."""

    PESEL = field("Pesel")  # [seed]
    NEXT = button("Dalej")  # [seed]
    ERROR = (By.CSS_SELECTOR, "[role='alert']")
    LOGIN_ENTRY = "/ikp/zaloguj"  # [seed] 2.1
    PZ_PATH = "/pz/ekran_pz"  # [seed] 2.2

    def wait_until_loaded(self) -> "PzLoginPage":
        """Wait for the „Pesel” field on the PZ origin; return self."""
        self.wait(lambda d: d.current_url.startswith(self.site.pz_url + self.PZ_PATH)
                  and d.find_elements(*self.PESEL), "strona logowania testowego Profilu Zaufanego")
        return self

    @classmethod
    def start_login(cls, site: Site) -> "PzLoginPage":
        """Open iIKP's login address (step 2.1) and follow the redirect to the PZ page; return it."""
        site.driver.get(site.ikp(cls.LOGIN_ENTRY))
        return cls(site).wait_until_loaded()

    def log_in(self, pesel: str, submit_with: str = "enter") -> BasePage:
        """Type the PESEL and submit with ENTER or the button „Dalej”; return the iIKP page landed on."""
        self._type_and_submit(pesel, submit_with)
        return land_after_login(self.site)

    def attempt_invalid(self, pesel: str, submit_with: str = "enter") -> "PzLoginPage":
        """Submit a PESEL expected to be refused; return this page, reloaded with its message."""
        self._type_and_submit(pesel, submit_with)
        self.wait(lambda d: d.find_elements(*self.ERROR), "komunikat o błędnym numerze PESEL")
        return self

    def _type_and_submit(self, pesel: str, submit_with: str) -> None:
        self.fill(self.PESEL, pesel, "pole „Pesel”")
        if submit_with == "enter":
            old = self.find(self.PESEL, "pole „Pesel”")
            old.send_keys(Keys.ENTER)
            self.wait(lambda d: is_stale(old), "wysłanie formularza klawiszem ENTER")
        else:
            self.click_and_wait_for_new_page(self.NEXT, "przycisk „Dalej”")

    def error_message(self) -> str:
        """The validation message shown under the field, or ''."""
        return self.text_or_empty(self.ERROR)

    def is_on_pz_origin(self) -> bool:
        return self.driver.current_url.startswith(self.site.pz_url)

    def hard_refresh(self) -> "PzLoginPage":
        """CTRL+F5 (seed section 3): reload bypassing the cache, so the request carries no-cache."""
        self.driver.execute_cdp_cmd("Page.reload", {"ignoreCache": True})
        return self.wait_until_loaded()


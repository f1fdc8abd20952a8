"""The test Profil Zaufany / WK login page (instrukcja CeZ pkt 2.2): the field „Pesel”, ENTER or „Dalej”."""

from __future__ import annotations

from enum import StrEnum

from selenium.webdriver.common.keys import Keys

from pages import dom
from pages.base import Action, BasePage, Site
from pages.components.error_pages import IkpErrorPage, PzErrorPage
from pages.errors import PzNotAnswering
from pages.home import HomePage
from pages.locators import Query, button, label
from pages.terms import TermsPage

# The screens iIKP may show right after the test PZ sends the browser back.
LANDING_PAGES = (TermsPage, HomePage)


class Submit(StrEnum):
    """How the PESEL is submitted on the PZ page (instrukcja CeZ pkt 2.2)."""

    ENTER = "enter"
    BUTTON = "button"  # „Dalej”


class PzLoginPage(BasePage):
    """Where the browser lands after `/ikp/zaloguj`; on another origin than iIKP."""

    PESEL = label("Pesel")
    NEXT = button("Dalej")
    LOGIN_ENTRY = "/ikp/zaloguj"  # [instrukcja CeZ pkt 2.1]
    PZ_PATH = "/pz/ekran_pz"  # [instrukcja CeZ pkt 2.2]
    # From iIKP's login address through the PZ and back to iIKP, the login belongs to the test PZ (pkt 3.1).
    NOT_ANSWERING = PzNotAnswering

    def is_here(self, screen: dom.Screen) -> bool:
        """The „Pesel” field, on the test PZ's own address."""
        return bool(screen.result) and screen.url.startswith(self.site.pz_url + self.PZ_PATH)

    def evidence(self) -> dict:
        return Query.exists(self.PESEL)

    def describe(self) -> str:
        return "strona logowania testowego Profilu Zaufanego z polem „Pesel”"

    @classmethod
    def start_login(cls, site: Site) -> "PzLoginPage":
        """Open iIKP's login address (instrukcja CeZ pkt 2.1) and follow the redirect to the PZ page; return it."""
        page = cls(site)
        page.go(site.ikp(cls.LOGIN_ENTRY))
        return page.arrive()

    def log_in(self, pesel: str, submit_with: Submit = Submit.ENTER) -> BasePage:
        """Type the PESEL and submit with ENTER or the button „Dalej”; return the iIKP page landed on."""
        return self.next_page(self._type_and_submit(pesel, submit_with), *LANDING_PAGES)

    def attempt_invalid(self, pesel: str, submit_with: Submit = Submit.ENTER) -> "PzLoginPage":
        """Submit a PESEL expected to be refused; return this page once it shows its message."""
        return self.await_refusal(self._type_and_submit(pesel, submit_with), "komunikat o błędnym numerze PESEL")

    def log_in_allowing_error_screen(self, pesel: str, submit_with: Submit = Submit.ENTER) -> BasePage:
        """Like log_in, but return an error screen (3.1 or 3.2) as its page instead of raising it.

        For scenarios where an error screen is the expected outcome (a valid PESEL of no test patient),
        or would be the product's fault (the next login after a proper logout), so that it is
        asserted on instead of being retried as an environment failure.
        """
        return self.next_page(self._type_and_submit(pesel, submit_with), *LANDING_PAGES, PzErrorPage, IkpErrorPage)

    def _type_and_submit(self, pesel: str, submit_with: Submit) -> Action:
        """Type the PESEL and submit it; return the submitting Action."""
        if submit_with is Submit.ENTER:
            return self.fill(self.PESEL, pesel + Keys.ENTER)  # typed, then ENTER, as a person does
        self.fill(self.PESEL, pesel)
        return self.click(self.NEXT)

    def is_on_pz_origin(self) -> bool:
        return self.current_url().startswith(self.site.pz_url)

    def hard_refresh(self) -> "PzLoginPage":
        """CTRL+F5 (instrukcja CeZ pkt 3): reload bypassing the cache, so the request carries no-cache."""
        return self.arrive(self.perform(lambda: self.driver.execute_cdp_cmd("Page.reload", {"ignoreCache": True})))

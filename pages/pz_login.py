"""The test Profil Zaufany / WK login page (instrukcja CeZ pkt 2.2): the field „Pesel”, ENTER or „Dalej”."""

from __future__ import annotations

from selenium.webdriver.common.keys import Keys

from pages import dom
from pages.base import Action, BasePage, Site
from pages.components.error_pages import IkpErrorPage, PzErrorPage
from pages.landing import LANDING_PAGES, land_after_login
from pages.locators import button, label


class PzLoginPage(BasePage):
    """Where the browser lands after `/ikp/zaloguj`; on another origin than iIKP."""

    PESEL = label("Pesel")  # [instrukcja CeZ pkt 2.2]
    NEXT = button("Dalej")  # [instrukcja CeZ pkt 2.2]
    LOGIN_ENTRY = "/ikp/zaloguj"  # [instrukcja CeZ pkt 2.1]
    PZ_PATH = "/pz/ekran_pz"  # [instrukcja CeZ pkt 2.2]

    def wait_until_loaded(self) -> "PzLoginPage":
        """Wait for the „Pesel” field on the PZ origin; return self."""
        self.find(self.PESEL, "pole „Pesel” na stronie testowego Profilu Zaufanego")
        self.wait_for(lambda screen: screen.url.startswith(self.site.pz_url + self.PZ_PATH),
                      "strona logowania testowego Profilu Zaufanego")
        return self

    @classmethod
    def start_login(cls, site: Site) -> "PzLoginPage":
        """Open iIKP's login address (instrukcja CeZ pkt 2.1) and follow the redirect to the PZ page; return it."""
        site.driver.get(site.ikp(cls.LOGIN_ENTRY))
        return cls(site).wait_until_loaded()

    def log_in(self, pesel: str, submit_with: str = "enter") -> BasePage:
        """Type the PESEL and submit with ENTER or the button „Dalej”; return the iIKP page landed on."""
        self._type_and_submit(pesel, submit_with)
        return land_after_login(self.site)

    def attempt_invalid(self, pesel: str, submit_with: str = "enter") -> "PzLoginPage":
        """Submit a PESEL expected to be refused; return this page once it shows its message."""
        action = self._type_and_submit(pesel, submit_with)
        self.wait_for(lambda screen: bool(screen.alerts) and action.moved_on(screen),
                      "komunikat o błędnym numerze PESEL", since=action.generation)
        return self

    def log_in_allowing_error_screen(self, pesel: str, submit_with: str = "enter") -> BasePage:
        """Like log_in, but return an error screen (3.1 or 3.2) as its page instead of raising it.

        For scenarios where an error screen is the expected outcome (a valid PESEL of no test patient),
        or would be the product's fault (the next login after a proper logout), so that it is
        asserted on instead of being retried as an environment failure.
        """
        self._type_and_submit(pesel, submit_with, expect_error_screen=True)
        candidates = {page.TITLE: page for page in (*LANDING_PAGES, PzErrorPage, IkpErrorPage)}
        screen = self.wait_for(lambda screen: screen.h1 in candidates,
                               "ekran po zalogowaniu albo ekran błędu", expect_error_screen=True)
        return candidates[screen.h1](self.site)

    def _type_and_submit(self, pesel: str, submit_with: str, expect_error_screen: bool = False) -> Action:
        """Type the PESEL, submit it and wait until the screen moves on; return the submitting Action."""
        if submit_with == "enter":
            action = self.fill(self.PESEL, pesel + Keys.ENTER, "pole „Pesel”")  # typed, then ENTER, as a person does
            what = "wysłanie formularza klawiszem ENTER"
        else:
            self.fill(self.PESEL, pesel, "pole „Pesel”")
            action = self.click(self.NEXT, "przycisk „Dalej”")
            what = "wysłanie formularza przyciskiem „Dalej”"
        self.wait_for_next(action, what, expect_error_screen=expect_error_screen)
        return action

    def error_message(self) -> str:
        """The validation message shown for the field, or ''."""
        alerts = self.probe().alerts
        return alerts[0] if alerts else ""

    def is_on_pz_origin(self) -> bool:
        return self.current_url().startswith(self.site.pz_url)

    def hard_refresh(self) -> "PzLoginPage":
        """CTRL+F5 (instrukcja CeZ pkt 3): reload bypassing the cache, so the request carries no-cache."""
        generation = dom.new_generation()
        before = self.probe(stamp=generation)
        self.driver.execute_cdp_cmd("Page.reload", {"ignoreCache": True})
        self.wait_for_next(Action(generation, before.h1), "strona testowego PZ po CTRL+F5")
        return self.wait_until_loaded()

"""The page shown after „Wyloguj się”, and whatever the browser shows on Back from it."""

from __future__ import annotations

from pages import dom
from pages.base import Action, BasePage


class LoggedOutPage(BasePage):
    TITLE = "Wylogowano"  # [wybór]
    PATH = "/ikp/wylogowano"

    def shows_account_menu(self) -> bool:
        """Whether „Wyloguj się” is still offered on the screen."""
        return self.probe().logged_in

    def go_back(self) -> "ScreenAfterBack":
        """Press the browser's Back; return the screen the browser shows then, whatever it is."""
        generation = dom.new_generation()
        before = self.probe(stamp=generation)
        self.driver.back()
        self.wait_for_next(Action(generation, before.h1), "poprzednia strona po przycisku „Wstecz” przeglądarki",
                           expect_error_screen=True)
        return ScreenAfterBack(self.site)


class ScreenAfterBack(BasePage):
    """Any screen reached with the browser's Back after logging out (instrukcja CeZ pkt 2.3 warns about Back)."""

    def shows_account_of(self, patient: str) -> bool:
        """Whether anything of this patient's account is visible: „Wyloguj się”, or the patient's name in a header."""
        screen = self.wait_for(lambda screen: True, "ekran po przycisku „Wstecz”", expect_error_screen=True)
        return screen.logged_in or patient.casefold() in screen.banner.casefold()

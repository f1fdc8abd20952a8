"""Whatever iIKP shows after „Wyloguj się”, and whatever the browser shows on Back from it."""

from __future__ import annotations

from pages import dom
from pages.base import BasePage

BACK = "Wstecz"


class LoggedOutPage(BasePage):
    """The screen after logging out. Its wording is not public, so it is known by what it lacks: no
    „Wyloguj się” and nobody's name in a header (the simulator shows „Wylogowano”, [wybór])."""

    def is_here(self, screen: dom.Screen) -> bool:
        return not screen.logged_in

    def describe(self) -> str:
        return "ekran po wylogowaniu (bez „Wyloguj się”)"

    def shows_account_of(self, patient: str) -> bool:
        """Whether anything of this patient's account is visible: „Wyloguj się”, or the patient's name in a header."""
        screen = self.wait_for(lambda screen: True, "ekran", expect_error_screen=True)
        return screen.logged_in or patient.casefold() in screen.banner.casefold()

    def go_back(self) -> "LoggedOutPage":
        """Press the browser's Back; return the screen the browser shows then, whatever it is."""
        self.wait_for_next(self.perform(self.driver.back), "poprzednia strona po przycisku „Wstecz” przeglądarki",
                           expect_error_screen=True)
        return LoggedOutPage(self.site)

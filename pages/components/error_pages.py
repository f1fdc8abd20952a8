"""The two error screens of instrukcja CeZ pkt 3 as pages, for scenarios where one is a possible outcome."""

from __future__ import annotations

from pages.base import BasePage
from pages.components.markers import IKP_ERROR_TITLE, PZ_ERROR_TITLE
from pages.errors import IkpErrorScreen, PzErrorScreen


class ErrorScreenPage(BasePage):
    """An error screen whose appearance is awaited, not treated as an environment failure."""

    ERROR_SCREEN = True

    def describe(self) -> str:
        return f"ekran błędu „{self.TITLE}”"

    def is_on_pz_origin(self) -> bool:
        """Whether the screen is shown by the test PZ (not by iIKP)."""
        return self.current_url().startswith(self.site.pz_url)

    def __repr__(self) -> str:
        return f"ekran błędu „{self.TITLE}” ({self.current_url()})"


class PzErrorPage(ErrorScreenPage):
    """Instrukcja CeZ pkt 3.1 on the PZ origin: a login error for the account, or the test PZ temporarily down."""

    TITLE = PZ_ERROR_TITLE  # [wybór] kept with the probe's markers in pages/components/markers.py


class IkpErrorPage(ErrorScreenPage):
    """Instrukcja CeZ pkt 3.2 on the iIKP origin: iIKP not working (e.g. after a bad logout)."""

    TITLE = IKP_ERROR_TITLE  # [wybór] kept with the probe's markers in pages/components/markers.py


FAILURES = {PzErrorPage: PzErrorScreen, IkpErrorPage: IkpErrorScreen}


def raise_unexpected_error_screen(page: BasePage, expected: type[BasePage] | None = None) -> None:
    """An unexpected error screen is an environment failure (instrukcja CeZ pkt 3), not a product defect.

    Raises the matching EnvironmentFailure when `page` is an error screen other than `expected`,
    so that the scenario is retried from its start and, if it persists, reported as the environment's.
    """
    for page_class, failure in FAILURES.items():
        if isinstance(page, page_class) and page_class is not expected:
            raise failure(page.current_url(), "ekran błędu w miejscu, w którym scenariusz go nie oczekiwał")

"""Journeys across several screens that many scenarios share, built only from page-object services."""

from __future__ import annotations

from collections.abc import Callable

from pages.base import BasePage, Site
from pages.components.error_pages import IkpErrorPage, PzErrorPage
from pages.components.header import LoggedInPage
from pages.contact_form import FirstContactPage
from pages.declaration_form import NO_REASON, Confirmation, PozRole
from pages.declarations import DeclarationsPage
from pages.errors import IkpErrorScreen, PzErrorScreen
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage


def log_in(site: Site, pesel: str) -> LoggedInPage:
    """Log in through the PZ page with ENTER; on a first login accept the terms and leave the contact
    step for later; return the screen the patient is on then (home)."""
    page = PzLoginPage.start_login(site).log_in(pesel)
    if isinstance(page, TermsPage):
        page = page.accept()
    if isinstance(page, FirstContactPage):
        page = page.skip()
    return page


def open_allowing_error_screen(site: Site, page_class: type[BasePage]) -> BasePage:
    """Open a page by its address; return it, or the error screen (3.1 / 3.2) shown instead.

    For scenarios in which an error screen is the expected outcome, so that it is asserted on
    rather than retried as an environment failure.
    """
    page = BasePage(site)
    page.go(site.ikp(page_class.PATH))
    return page.next_page(None, page_class, PzErrorPage, IkpErrorPage)


def log_in_after_hard_refresh(site: Site, pesel: str) -> BasePage:
    """Instrukcja CeZ pkt 3: start the login, hard-refresh the test WK page (CTRL+F5), log in; return the landing."""
    return PzLoginPage.start_login(site).hard_refresh().log_in(pesel)


def allowing_error_screen(site: Site, service: Callable[[], BasePage]) -> BasePage:
    """Run a page service; when it ends on an error screen of instrukcja CeZ pkt 3, return that screen's page."""
    try:
        return service()
    except PzErrorScreen:
        return PzErrorPage(site).arrive()
    except IkpErrorScreen:
        return IkpErrorPage(site).arrive()


def open_in_second_tab(site: Site, page_class: type[BasePage]) -> None:
    """Open a page in a second browser tab (the same session), then come back to the first tab.

    The tab is opened by the page itself (window.open), as a person would with a middle click: a
    WebDriver "new window" would open outside the incognito session and see no cookies.
    """
    driver = site.driver
    first = driver.current_window_handle
    before = set(driver.window_handles)
    driver.execute_script("window.open(arguments[0], '_blank');", site.ikp(page_class.PATH))
    BasePage(site).wait_for(lambda screen: set(driver.window_handles) - before, "druga karta przeglądarki")
    [second] = set(driver.window_handles) - before
    driver.switch_to.window(second)
    page_class(site).arrive()
    driver.switch_to.window(first)


# -- POZ declarations ---------------------------------------------------------------------------------
def declare(page: LoggedInPage, role: PozRole, facility: str, person: str,
            reason: str = NO_REASON) -> tuple[DeclarationsPage, Confirmation]:
    """From any logged-in page: fill in and submit a declaration; return (the list of declarations, Confirmation)."""
    summary = page.my_account().start_declaration(role).search(facility).choose(facility).choose(person, reason)
    confirmation = summary.confirmation()
    return summary.submit(), confirmation

"""Journeys across several screens that many scenarios share, built only from page-object services."""

from __future__ import annotations

from pages.account import AccountPage
from pages.base import BasePage, Site
from pages.components.error_pages import IkpErrorPage, PzErrorPage
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage


def log_in_to_account(site: Site, pesel: str) -> AccountPage:
    """Log in through the PZ page with ENTER and accept the terms if asked; return „Moje konto”."""
    page = PzLoginPage.start_login(site).log_in(pesel)
    if isinstance(page, TermsPage):
        page = page.accept()
    return page


def open_allowing_error_screen(site: Site, page_class: type[BasePage]) -> BasePage:
    """Open a page by its address; return it, or the error screen (3.1 / 3.2) shown instead.

    For scenarios in which an error screen is the expected outcome, so that it is asserted on
    rather than retried as an environment failure.
    """
    site.driver.get(site.ikp(page_class.PATH))
    candidates = {page.TITLE: page for page in (page_class, PzErrorPage, IkpErrorPage)}
    probe = BasePage(site)
    title = probe.wait(lambda d: probe.title() if probe.title() in candidates else False,
                       f"strona „{page_class.TITLE}” albo ekran błędu", expect_error_screen=True)
    return candidates[title](site)


def log_in_after_hard_refresh(site: Site, pesel: str) -> BasePage:
    """Seed 3: start the login, hard-refresh the test WK page (CTRL+F5), then log in; return the landing page."""
    return PzLoginPage.start_login(site).hard_refresh().log_in(pesel)

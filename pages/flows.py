"""Journeys across several screens that many scenarios share, built only from page-object services."""

from __future__ import annotations

from pages.account import AccountPage
from pages.base import Site
from pages.pz_login import PzLoginPage
from pages.terms import TermsPage


def log_in_to_account(site: Site, pesel: str) -> AccountPage:
    """Log in through the PZ page with ENTER and accept the terms if asked; return „Moje konto”."""
    page = PzLoginPage.start_login(site).log_in(pesel)
    if isinstance(page, TermsPage):
        page = page.accept()
    return page

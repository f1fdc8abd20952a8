"""Where a login ends: the terms screen on first login, otherwise the home screen; error screens raise."""

from __future__ import annotations

from pages.base import BasePage, Site
from pages.home import HomePage
from pages.terms import TermsPage

# The screens iIKP may show right after the test PZ sends the browser back.
LANDING_PAGES = (TermsPage, HomePage)


def land_after_login(site: Site) -> BasePage:
    """Wait for the first iIKP screen after the PZ page and return its page object."""
    candidates = {page.TITLE: page for page in LANDING_PAGES}
    screen = BasePage(site).wait_for(lambda screen: screen.h1 in candidates,
                                     "ekran iIKP po zalogowaniu (regulamin albo strona główna)")
    return candidates[screen.h1](site)

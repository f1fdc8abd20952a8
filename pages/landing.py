"""Where a login ends: the terms screen on first login, otherwise the account; error screens raise."""

from __future__ import annotations

from pages.base import BasePage, Site


def land_after_login(site: Site) -> BasePage:
    """Wait for the first iIKP screen after the PZ page and return its page object."""
    from pages.account import AccountPage
    from pages.terms import TermsPage

    candidates = {page.TITLE: page for page in (TermsPage, AccountPage)}
    screen = BasePage(site).wait_for_screen(lambda screen: screen.h1 in candidates,
                                            "ekran iIKP po zalogowaniu (regulamin albo Moje konto)")
    return candidates[screen.h1](site)

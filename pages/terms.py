"""The terms screen of the first login (seed 2.2: accept the regulamin if it is shown)."""

from __future__ import annotations

from pages.base import BasePage, button


class TermsPage(BasePage):
    TITLE = "Warunki korzystania z serwisu pacjent.gov.pl"  # [public]
    PATH = "/ikp/regulamin"
    ACCEPT = button("Akceptuję")

    def accept(self):
        """Press „Akceptuję”; return the account page that opens next."""
        from pages.account import AccountPage

        self.click_and_wait_for_new_page(self.ACCEPT, "przycisk „Akceptuję”")
        return AccountPage(self.site).wait_until_loaded()

"""The terms screen of the first login (instrukcja CeZ pkt 2.2: accept the regulamin if it is shown)."""

from __future__ import annotations

from pages.base import BasePage
from pages.locators import button


class TermsPage(BasePage):
    TITLE = "Warunki korzystania z serwisu pacjent.gov.pl"  # [publiczne] pacjent.gov.pl
    PATH = "/ikp/regulamin"
    ACCEPT = button("Akceptuję")  # [wybór]

    def accept(self):
        """Press „Akceptuję”; return the account page that opens next."""
        from pages.account import AccountPage

        return AccountPage(self.site).arrive(self.click(self.ACCEPT, "przycisk „Akceptuję”"))

    def can_accept(self) -> bool:
        """Whether the screen offers „Akceptuję”."""
        return self.shows(self.ACCEPT)

    def open_account_without_accepting(self) -> BasePage:
        """Open „Moje konto” by its address, terms not accepted; return the screen iIKP shows instead
        (the terms again, or the account if iIKP let the patient in)."""
        from pages.account import AccountPage
        from pages.landing import land_after_login

        self.driver.get(self.site.ikp(AccountPage.PATH))
        return land_after_login(self.site)

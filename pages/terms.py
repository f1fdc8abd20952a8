"""The terms screen of the first login (instrukcja CeZ pkt 2.2: accept the regulamin if it is shown)."""

from __future__ import annotations

from pages.base import BasePage
from pages.locators import button, label


class TermsPage(BasePage):
    TITLE = "Warunki korzystania z serwisu pacjent.gov.pl"
    PATH = "/ikp/regulamin"
    # [wybór] IKP's style sheet names a checkbox in the terms frame (github kamssiopeia/pacjent-gov-pl-
    # yellow-to-white): an inference that accepting is ticking a box, then confirming.
    ACCEPT_BOX = label("Akceptuję warunki korzystania z serwisu")
    CONFIRM = button("Dalej")

    def accept(self) -> BasePage:
        """Tick the acceptance and confirm; return the next screen: the first login's contact step, or home."""
        from pages.contact_form import FirstContactPage
        from pages.home import HomePage

        self.set_checked(self.ACCEPT_BOX, True)
        return self.next_page(self.click(self.CONFIRM, "przycisk „Dalej” pod regulaminem"), FirstContactPage, HomePage)

    def can_accept(self) -> bool:
        """Whether the screen offers the acceptance box and its confirmation."""
        return self.shows(self.ACCEPT_BOX) and self.shows(self.CONFIRM)

    def open_account_without_accepting(self) -> BasePage:
        """Open „Moje konto” by its address, terms not accepted; return the screen iIKP shows instead
        (the terms again, or the account if iIKP let the patient in)."""
        from pages.account import AccountPage

        self.go(self.site.ikp(AccountPage.PATH))
        return self.next_page(None, TermsPage, AccountPage)

"""„Moje konto” > „Edytuj swoje dane”: e-mail, mobile phone and notification channel (instrukcja CeZ pkt 2.2)."""

from __future__ import annotations

from pages.base import button, field
from pages.components.top_menu import TopMenu


class ContactFormPage(TopMenu):
    TITLE = "Edytuj swoje dane"  # [instrukcja CeZ]
    PATH = "/ikp/konto/edycja"
    EMAIL = field("Adres e-mail")  # [choice]
    PHONE = field("Numer telefonu komórkowego")  # [choice]
    CHANNELS = {"SMS": field("SMS"), "E-mail": field("E-mail")}  # [choice] radio labels
    SAVE = button("Zapisz")  # [choice]

    def fill_in(self, email: str | None = None, phone: str | None = None, channel: str | None = None
                ) -> "ContactFormPage":
        """Type the given values (None leaves a field as it is), choose the channel by its label; return self."""
        if email is not None:
            self.fill(self.EMAIL, email, "pole „Adres e-mail”")
        if phone is not None:
            self.fill(self.PHONE, phone, "pole „Numer telefonu komórkowego”")
        if channel is not None:
            self.click(self.CHANNELS[channel], f"kanał powiadomień „{channel}”")
        return self

    def save(self):
        """Press „Zapisz” expecting success; return „Moje konto” with the confirmation."""
        from pages.account import AccountPage

        self.click_and_wait_for_new_page(self.SAVE, "przycisk „Zapisz”")
        return AccountPage(self.site).wait_until_loaded()

    def save_expecting_refusal(self) -> "ContactFormPage":
        """Press „Zapisz” expecting the form back with its messages; return this page, reloaded."""
        self.click_and_wait_for_new_page(self.SAVE, "przycisk „Zapisz”")
        return self.wait_until_loaded()

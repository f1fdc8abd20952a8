"""„Moje konto” > „Edytuj swoje dane”: e-mail, mobile phone and notification channel (instrukcja CeZ pkt 2.2)."""

from __future__ import annotations

from pages.components.header import LoggedInPage
from pages.locators import button, label


class ContactFormPage(LoggedInPage):
    TITLE = "Edytuj swoje dane"  # [instrukcja CeZ pkt 2.2]
    PATH = "/ikp/konto/edycja"
    EMAIL = label("Adres e-mail")  # [wybór]
    PHONE = label("Numer telefonu komórkowego")  # [wybór]
    CHANNELS = {"SMS": label("SMS"), "E-mail": label("E-mail")}  # [wybór] radio labels
    SAVE = button("Zapisz")  # [wybór]

    def fill_in(self, email: str | None = None, phone: str | None = None, channel: str | None = None
                ) -> "ContactFormPage":
        """Type the given values (None leaves a field as it is), choose the channel by its label; return self."""
        if email is not None:
            self.fill(self.EMAIL, email, "pole „Adres e-mail”")
        if phone is not None:
            self.fill(self.PHONE, phone, "pole „Numer telefonu komórkowego”")
        if channel is not None:
            self.set_checked(self.CHANNELS[channel], True, f"kanał powiadomień „{channel}”")
        return self

    def save(self):
        """Press „Zapisz” expecting success; return „Moje konto”."""
        from pages.account import AccountPage

        return AccountPage(self.site).arrive(self.click(self.SAVE, "przycisk „Zapisz”"))

    def save_expecting_refusal(self) -> "ContactFormPage":
        """Press „Zapisz” expecting the form back with its messages; return this page, shown again."""
        return self.arrive(self.click(self.SAVE, "przycisk „Zapisz”"))

    def messages(self) -> list[str]:
        """The refusal messages shown (role=alert), in page order."""
        return self.probe().alerts

"""Contact data (instrukcja CeZ pkt 2.2): „Moje konto” > „Edytuj swoje dane”, and the first login's contact step."""

from __future__ import annotations

from pages.base import BasePage
from pages.components.header import LoggedInPage
from pages.locators import button, label

# The notification channels a patient can choose, by the labels of their checkboxes:
# [publiczne] "SMS lub e-mail (albo jedno i drugie)" (legionowo.pl, spzoz-miedzychod.com.pl); [wybór] labels.
CHANNEL_LABELS = ("SMS", "E-mail")


class ContactFields(LoggedInPage):
    """A phone number and/or an e-mail address, and notifications by SMS, e-mail or both."""

    # [publiczne] krok-4-co-robic-z-e-recepta: "podaj swój numer telefonu lub/i adres mailowy"; [wybór] labels
    FIELD_LABELS = {"phone": "Numer telefonu", "email": "Adres e-mail"}
    PHONE = label(FIELD_LABELS["phone"])
    EMAIL = label(FIELD_LABELS["email"])
    SAVE = button("Zapisz")

    def fill_in(self, email: str | None = None, phone: str | None = None,
                channels: set[str] | None = None) -> "ContactFields":
        """Type the given values (None leaves a field as it is) and tick exactly `channels`; return self."""
        if phone is not None:
            self.fill(self.PHONE, phone)
        if email is not None:
            self.fill(self.EMAIL, email)
        wanted = {channel.casefold() for channel in channels or ()}
        for channel in CHANNEL_LABELS if channels is not None else ():
            self.set_checked(label(channel), channel.casefold() in wanted, f"powiadomienia: „{channel}”")
        return self

    def save_expecting_refusal(self) -> "ContactFields":
        """Press „Zapisz” expecting the form back with what is wrong; return this page once it says so."""
        action = self.click(self.SAVE)
        return self.await_refusal(action, "komunikat o odrzuceniu danych kontaktowych")

    def messages(self) -> list[str]:
        """The refusal messages shown (role=alert), in page order (kept until the steps read alerts())."""
        return self.alerts()


class ContactFormPage(ContactFields):
    TITLE = "Edytuj swoje dane"
    PATH = "/ikp/konto/edycja"

    def save(self):
        """Press „Zapisz” expecting success; return „Moje konto”."""
        from pages.account import AccountPage

        return AccountPage(self.site).arrive(self.click(self.SAVE))


class FirstContactPage(ContactFields):
    """The first login's contact step ([wybór]: after the terms; the order of the two is not public):
    the patient "może już w pierwszym kroku podać swój numer telefonu i/lub adres e-mail" [publiczne]."""

    TITLE = "Podaj dane kontaktowe"
    SKIP = button("Pomiń")

    def save(self) -> BasePage:
        """Press „Zapisz” expecting success; return the home screen."""
        from pages.home import HomePage

        return HomePage(self.site).arrive(self.click(self.SAVE))

    def skip(self) -> BasePage:
        """Press „Pomiń”; return the home screen."""
        from pages.home import HomePage

        return HomePage(self.site).arrive(self.click(self.SKIP))

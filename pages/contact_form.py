"""Contact data (instrukcja CeZ pkt 2.2): „Moje konto” > „Edytuj swoje dane”, and the first login's contact step."""

from __future__ import annotations

from enum import StrEnum

from pages.account import ContactData
from pages.base import BasePage
from pages.components.header import LoggedInPage
from pages.locators import button, label

# The notification channels a patient can choose, by the labels of their checkboxes:
# [publiczne] "SMS lub e-mail (albo jedno i drugie)" (legionowo.pl, spzoz-miedzychod.com.pl); [wybór] labels.
CHANNEL_LABELS = ("SMS", "E-mail")


class ContactField(StrEnum):
    """A field of the contact data by its label."""

    # [publiczne] krok-4-co-robic-z-e-recepta: "podaj swój numer telefonu lub/i adres mailowy"; [wybór] labels
    PHONE = "Numer telefonu"
    EMAIL = "Adres e-mail"


class ContactFields(LoggedInPage):
    """A phone number and/or an e-mail address, and notifications by SMS, e-mail or both."""

    SAVE = button("Zapisz")

    def fill_in(self, contact: ContactData) -> "ContactFields":
        """Type the phone and the e-mail address and tick exactly the contact's channels; return self."""
        self.fill_field(ContactField.PHONE, contact.phone)
        self.fill_field(ContactField.EMAIL, contact.email)
        for channel in CHANNEL_LABELS:
            self.set_checked(label(channel), channel.casefold() in contact.channels, f"powiadomienia: „{channel}”")
        return self

    def fill_field(self, field: ContactField, value: str) -> "ContactFields":
        """Type `value` into one field, leaving the others as they are; return self."""
        self.fill(label(field.value), value)
        return self

    def save_expecting_refusal(self) -> "ContactFields":
        """Press „Zapisz” expecting the form back with what is wrong; return this page once it says so."""
        action = self.click(self.SAVE)
        return self.await_refusal(action, "komunikat o odrzuceniu danych kontaktowych")


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

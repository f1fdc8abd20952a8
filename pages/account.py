"""„Moje konto”: the patient's data and contact data, and the section „Twoja Podstawowa Opieka Zdrowotna (POZ)”."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pages.components.header import LoggedInPage
from pages.locators import Query, link, section, within

# How „Moje konto” labels the values it shows -> ContactData fields.
CONTACT_LABELS = {"phone": "Numer telefonu", "email": "Adres e-mail", "channels": "Powiadomienia"}
EMPTY_VALUES = ("", "—", "-")  # how an empty value is shown


def channels_of(text: str) -> frozenset[str]:
    """„SMS, E-mail” or „SMS i e-mail” -> {'sms', 'e-mail'} (case does not matter)."""
    return frozenset(part.strip().casefold() for part in re.split(r",| i ", text) if part.strip())


@dataclass(frozen=True)
class ContactData:
    """A patient's contact data: phone and e-mail ('' when none) and the notification channels (casefolded labels)."""

    phone: str = ""
    email: str = ""
    channels: frozenset[str] = frozenset()

    def __str__(self) -> str:
        channels = ", ".join(sorted(self.channels)) or "brak"
        return f"telefon „{self.phone}”, e-mail „{self.email}”, powiadomienia: {channels}"


class AccountPage(LoggedInPage):
    TITLE = "Moje konto"
    PATH = "/ikp/konto"
    EDIT = link("Edytuj swoje dane")
    POZ_SECTION = "Twoja Podstawowa Opieka Zdrowotna (POZ)"
    FILL_DECLARATION = "Wypełnij deklarację"
    SEE_DECLARATIONS = "Zobacz deklaracje"
    NAME_LABEL = "Imię i nazwisko"

    def contact_data(self) -> ContactData:
        """The contact data shown ('' where a value is empty)."""
        shown = self.read(Query.all(**{key: Query.value_of(name) for key, name in CONTACT_LABELS.items()}))
        values = {key: "" if (value or "") in EMPTY_VALUES else value for key, value in shown.items()}
        return ContactData(values["phone"], values["email"], channels_of(values["channels"]))

    def change_contact_data(self, contact: ContactData) -> "AccountPage":
        """„Edytuj swoje dane”: type these data, tick exactly their channels, save; return „Moje konto”."""
        return self.edit_contact_data().fill_in(contact).save()

    def patient_name(self) -> str:
        """The name in the patient's data, or '' when the page shows none."""
        return self.read(Query.value_of(self.NAME_LABEL)) or ""

    def edit_contact_data(self):
        """Follow „Edytuj swoje dane”; return the edit form."""
        from pages.contact_form import ContactFormPage

        return ContactFormPage(self.site).arrive(self.click(self.EDIT))

    def start_declaration(self, role):
        """Follow „Wypełnij deklarację” in the POZ section, in the part of the role; return step 1 of the form."""
        from pages.declaration_form import FacilitySearchPage

        start = within(section(self.POZ_SECTION), within(section(role.section), link(self.FILL_DECLARATION)))
        action = self.click(start, f"„{self.FILL_DECLARATION}” ({role.label})")
        return FacilitySearchPage(self.site, role).arrive(action)

    def see_declarations(self):
        """Follow „Zobacz deklaracje” in the POZ section; return the list of declarations."""
        from pages.declarations import DeclarationsPage

        action = self.click(within(section(self.POZ_SECTION), link(self.SEE_DECLARATIONS)),
                            f"odnośnik „{self.SEE_DECLARATIONS}”")
        return DeclarationsPage(self.site).arrive(action)

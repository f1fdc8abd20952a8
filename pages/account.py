"""„Moje konto”: the patient's data, the contact-data prompt and the POZ section."""

from __future__ import annotations

from pages.components.header import LoggedInPage
from pages.locators import Query, link, section, text, within

# How „Moje konto” labels the values it shows -> AccountPage.contact_data() keys.
CONTACT_LABELS = {"email": "E-mail kontaktowy", "phone": "Telefon kontaktowy", "channel": "Powiadomienia"}  # [wybór]
EMPTY_VALUES = ("", "—", "-")  # [wybór] how an empty value is shown


class AccountPage(LoggedInPage):
    TITLE = "Moje konto"  # [instrukcja CeZ pkt 2.2]
    PATH = "/ikp/konto"
    EDIT = link("Edytuj swoje dane")  # [instrukcja CeZ pkt 2.2]
    NAME_LABEL = "Imię i nazwisko"  # [wybór]
    CONTACT_PROMPT = text("Uzupełnij swoje dane kontaktowe", exact=False)  # [wybór]
    POZ_SECTION = "Twoja Podstawowa Opieka Zdrowotna (POZ)"  # [publiczne] cmrpulawy.pl, uniabracka.pl
    FILL_DECLARATION = "Wypełnij deklarację"  # [publiczne] cmrpulawy.pl, uniabracka.pl

    def contact_data(self) -> dict[str, str]:
        """The contact data shown: {'email', 'phone', 'channel'}; '—' where empty."""
        shown = self.read(Query.all(**{key: Query.value_of(label) for key, label in CONTACT_LABELS.items()}))
        return {key: value if value is not None else "" for key, value in shown.items()}

    def patient_name(self) -> str:
        """The name in the patient's data, or '' when the page shows none."""
        return self.read(Query.value_of(self.NAME_LABEL)) or ""

    def asks_for_contact_data(self) -> bool:
        """Whether the prompt to complete the contact data is shown."""
        return self.shows(self.CONTACT_PROMPT)

    def edit_contact_data(self):
        """Follow „Edytuj swoje dane”; return the edit form."""
        from pages.contact_form import ContactFormPage

        return ContactFormPage(self.site).arrive(self.click(self.EDIT, "odnośnik „Edytuj swoje dane”"))

    def start_declaration(self, role):
        """Follow „Wypełnij deklarację” in the POZ section, in the part of the role; return step 1 of the form."""
        from pages.declaration_form import FacilitySearchPage

        start = within(section(self.POZ_SECTION), within(section(role.section), link(self.FILL_DECLARATION)))
        action = self.click(start, f"„{self.FILL_DECLARATION}” ({role.label})")
        return FacilitySearchPage(self.site, role).arrive(action)

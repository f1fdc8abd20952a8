"""„Moje konto”: the patient's data, the contact-data prompt and the POZ section."""

from __future__ import annotations

from selenium.webdriver.common.by import By

from pages.base import link
from pages.components.top_menu import TopMenu


class AccountPage(TopMenu):
    TITLE = "Moje konto"  # [instrukcja CeZ]
    PATH = "/ikp/konto"
    EDIT = link("Edytuj swoje dane")  # [instrukcja CeZ]
    NAME = (By.ID, "account-name")
    EMAIL = (By.ID, "account-email")
    PHONE = (By.ID, "account-phone")
    CHANNEL = (By.ID, "account-channel")
    CONTACT_PROMPT = (By.ID, "contact-prompt")

    def contact_data(self) -> dict[str, str]:
        """The contact data shown: {'email', 'phone', 'channel'}; '—' where empty."""
        return {"email": self.text_or_empty(self.EMAIL), "phone": self.text_or_empty(self.PHONE),
                "channel": self.text_or_empty(self.CHANNEL)}

    def contact_prompt(self) -> str:
        """The prompt to complete contact data, or '' when none is shown."""
        return self.text_or_empty(self.CONTACT_PROMPT)

    def edit_contact_data(self):
        """Follow „Edytuj swoje dane”; return the edit form."""
        from pages.contact_form import ContactFormPage

        self.click_and_wait_for_new_page(self.EDIT, "odnośnik „Edytuj swoje dane”")
        return ContactFormPage(self.site).wait_until_loaded()

    def asks_for_contact_data(self) -> bool:
        """Whether the prompt to complete the contact data is shown."""
        return bool(self.contact_prompt())

    # [public] „Twoja Podstawowa Opieka Zdrowotna (POZ)” -> for a role „Wypełnij deklarację”
    POZ_SECTION = "Twoja Podstawowa Opieka Zdrowotna (POZ)"  # [public]
    FILL_DECLARATION = "Wypełnij deklarację"  # [public]

    def start_declaration(self, role):
        """Follow „Wypełnij deklarację” in the POZ section's box of the role; return step 1 of the form."""
        from pages.declaration_form import FacilitySearchPage

        start = (By.XPATH, f"//section[h2[normalize-space()='{self.POZ_SECTION}']]"
                           f"//*[@id='poz-{role.slug}']//a[normalize-space()='{self.FILL_DECLARATION}']")
        self.click_and_wait_for_new_page(start, f"„{self.FILL_DECLARATION}” ({role.label})")
        return FacilitySearchPage(self.site, role).wait_until_loaded()

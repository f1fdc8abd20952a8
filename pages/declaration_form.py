"""The e-deklaracja POZ form: facility search, choice of person and reason, confirmation with the fee."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selenium.webdriver.common.by import By

from pages.base import Site, _xpath_literal, button, by_text, field
from pages.components.top_menu import TopMenu


@dataclass(frozen=True)
class Role:
    """A POZ role as iIKP names it in its addresses, forms and the list of declarations."""

    slug: str  # [choice] the `rola` URL value and the suffix of its box on „Moje konto”
    label: str  # [choice] the role as the list „Zobacz deklaracje” shows it
    form_title: str  # [choice] the h1 of the declaration form


DOCTOR = Role("lekarz", "lekarz", "Deklaracja wyboru lekarza POZ")  # [choice]
NURSE = Role("pielegniarka", "pielęgniarka", "Deklaracja wyboru pielęgniarki POZ")  # [choice]
MIDWIFE = Role("polozna", "położna", "Deklaracja wyboru położnej POZ")  # [choice]

NO_REASON = "Brak szczególnego powodu"  # [choice] the reason option when no art. 9 ust. 5 reason applies


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation screen stated before the declaration was submitted."""

    choice_number: int  # which choice of this role in the calendar year
    year: int
    fee_zl: int  # 0 when free
    role: str  # as the list of declarations shows it
    person: str


class FacilitySearchPage(TopMenu):
    """Step 1 of the form: find a facility by city or name."""

    QUERY = field("Miejscowość lub nazwa placówki")  # [choice]
    SEARCH = button("Szukaj")  # [choice]
    RESULTS = (By.CSS_SELECTOR, "#facilities > li")
    NO_RESULTS = by_text("p", "Nie znaleziono placówek spełniających kryteria wyszukiwania.")  # [choice]
    CHOOSE = "Wybierz"  # [choice]

    def __init__(self, site: Site, role: Role):
        super().__init__(site)
        self.role = role
        self.TITLE = role.form_title

    def search(self, query: str) -> "FacilitySearchPage":
        """Search facilities by city or name; return this page once it shows results or says there are none."""
        self.fill(self.QUERY, query, "pole „Miejscowość lub nazwa placówki”")
        self.click_and_wait_for_new_page(self.SEARCH, "przycisk „Szukaj”")
        either = (By.XPATH, f"//ul[@id='facilities']/li | {self.NO_RESULTS[1]}")
        self.wait_for_screen(lambda screen: screen.element is not None, "wyniki wyszukiwania placówek",
                             locator=either)
        return self

    def facilities(self) -> list[str]:
        """The texts of the facilities found (name and address), in page order."""
        return self.texts(self.RESULTS)

    def says_nothing_found(self) -> bool:
        """Whether the page says that no facility matches the search."""
        return bool(self.texts(self.NO_RESULTS))

    def choose(self, facility: str) -> "PersonChoicePage":
        """Pick the found facility with this name; return the choice of person."""
        choose = (By.XPATH, f"//ul[@id='facilities']/li[contains(normalize-space(), {_xpath_literal(facility)})]"
                            f"//a[normalize-space()={_xpath_literal(self.CHOOSE)}]")
        self.click_and_wait_for_new_page(choose, f"„{self.CHOOSE}” przy placówce „{facility}”")
        return PersonChoicePage(self.site, self.role).wait_until_loaded()


class PersonChoicePage(TopMenu):
    """Step 2 of the form: the facility's staff of the role and the reason for the change."""

    REASON = field("Powód zmiany")  # [choice]
    NEXT = button("Dalej")  # [choice]

    def __init__(self, site: Site, role: Role):
        super().__init__(site)
        self.role = role
        self.TITLE = role.form_title

    def choose(self, person: str, reason: str = NO_REASON) -> "ConfirmationPage":
        """Pick the person (by the name on its label) and the reason; return the confirmation screen."""
        self.click(by_text("label", person), f"osoba „{person}”")
        self.choose_option(self.REASON, reason, "lista „Powód zmiany”")
        self.click_and_wait_for_new_page(self.NEXT, "przycisk „Dalej”")
        return ConfirmationPage(self.site).wait_until_loaded()


class ConfirmationPage(TopMenu):
    """Step 3 of the form: which choice in the year it is and whether it costs 80 zł."""

    TITLE = "Potwierdź deklarację"  # [choice]
    CHOICE_NUMBER = (By.ID, "choice-number")
    FEE = (By.ID, "fee")
    ROLE = (By.ID, "summary-role")
    PERSON = (By.ID, "summary-person")
    SUBMIT = button("Złóż deklarację")  # [choice]
    CHOICE_PATTERN = re.compile(r"(\d+)\. wybór w (\d{4}) roku")  # [choice] „To będzie Twój 3. wybór w 2026 roku.”
    FEE_PATTERN = re.compile(r"(\d+) zł")  # [choice] „Ten wybór jest płatny: 80 zł.” / „Ten wybór jest bezpłatny.”

    def confirmation(self) -> Confirmation:
        """What the screen states: the choice number in the year, the year, the fee in zł (0 = free), role, person."""
        stated = self.CHOICE_PATTERN.search(self.find(self.CHOICE_NUMBER, "numer wyboru w roku").text)
        fee = self.FEE_PATTERN.search(self.find(self.FEE, "informacja o opłacie").text)
        if stated is None:
            raise ValueError(f"Nie rozpoznano numeru wyboru: „{self.text_or_empty(self.CHOICE_NUMBER)}”")
        return Confirmation(int(stated.group(1)), int(stated.group(2)), int(fee.group(1)) if fee else 0,
                            self.text_or_empty(self.ROLE), self.text_or_empty(self.PERSON))

    def submit(self):
        """Press „Złóż deklarację”; return the list of declarations that opens next."""
        from pages.declarations import DeclarationsPage

        self.click_and_wait_for_new_page(self.SUBMIT, "przycisk „Złóż deklarację”")
        return DeclarationsPage(self.site).wait_until_loaded()


def declare(page: TopMenu, role: Role, facility: str, person: str, reason: str = NO_REASON):
    """From any logged-in page: fill in and submit a declaration; return (the list of declarations, Confirmation)."""
    summary = open_form(page, role).search(facility).choose(facility).choose(person, reason)
    confirmation = summary.confirmation()
    return summary.submit(), confirmation


def open_form(page: TopMenu, role: Role) -> FacilitySearchPage:
    """From any logged-in page: „Moje konto” → POZ section → „Wypełnij deklarację”; return step 1."""
    from pages.account import AccountPage

    account = page if isinstance(page, AccountPage) else page.go_to("Moje konto", AccountPage)
    return account.start_declaration(role)

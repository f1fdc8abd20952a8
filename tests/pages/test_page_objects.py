"""Page objects read the same values from every screen in the simulator's markup and in random other markups.

No server: the screens are static files rendered by the simulator's apps in-process (tests/pages/conftest.py),
transformed by `simulator.markup` (ids and classes renamed, no data-*, wrappers, <input type=submit> for
<button>, wrapping labels, ARIA grids for tables, labelled paragraphs for <dl>), and opened in Chromium.
Each expectation is written out, so that two markups reading the same wrong value cannot pass.
"""

from __future__ import annotations

import datetime

import pytest
from selenium.common.exceptions import TimeoutException

from pages.account import AccountPage, ContactData
from pages.consent_form import ConsentWizardPage
from pages.consents import ConsentsPage, ConsentState
from pages.contact_form import ContactFormPage
from pages.declaration_form import DOCTOR, ConfirmationPage, FacilitySearchPage
from pages.declarations import DeclarationsPage, DeclarationState
from pages.home import HomePage
from pages.orders import OrderConfirmationPage, OrdersPage, OrderState
from pages.prescriptions import PrescriptionsPage

pytestmark = pytest.mark.browser


def test_the_header_shows_the_patient_and_logout(opened):
    home = opened("home", HomePage)
    assert "Jan Nowak" in home.header_text()
    assert home.can_log_out()


def test_account_shows_name_and_contact_data(opened):
    account = opened("account", AccountPage)
    assert account.patient_name() == "Jan Nowak"
    assert account.contact_data() == ContactData("600100200", "jan.nowak@example.com", frozenset({"sms"}))


def test_consents_are_read_by_their_column_headers(opened):
    rows = opened("consents", ConsentsPage).listed()
    assert [(row.kind, row.person, row.scope, row.state, row.can_withdraw, row.date_to) for row in rows] == [
        ("Upoważnienie do dostępu do dokumentacji medycznej", "Ewa Nowak (PESEL 152320*****)", "Pełny zakres",
         ConsentState.ACTIVE, True, None),
        ("Zgoda na udzielenie określonych świadczeń zdrowotnych", "", "Usunięcie zęba", ConsentState.WITHDRAWN, False,
         datetime.date(2030, 12, 31)),
    ]


def test_prescriptions_list_and_orderable_medicines(opened):
    page = opened("prescriptions", PrescriptionsPage)
    assert page.orderable_medicines() == ["Metformina 500 mg", "Bisoprolol 5 mg", "Atorwastatyna 20 mg"]
    listed = page.listed_medicines()
    assert len(listed) == 4 and listed[3].startswith("Amoksycylina 1000 mg")


def test_orders_are_read_by_the_labels_beside_their_values(opened):
    orders = opened("orders", OrdersPage).orders()
    assert [(o.medicines, o.state, o.comment, o.cancellable, o.repeatable) for o in orders] == [
        (("Bisoprolol 5 mg", "Atorwastatyna 20 mg"), OrderState.PLACED, "", True, False),
        (("Metformina 500 mg",), OrderState.REJECTED, "Proszę zgłosić się na wizytę", False, True),
    ]
    assert all(o.doctor == "dr n. med. Adam Lekarski, Przychodnia Zdrowie" for o in orders)


def test_the_order_confirmation_is_recognised(opened):
    assert opened("order_confirmation", OrderConfirmationPage).shows(OrderConfirmationPage.CONFIRM)


def test_declarations_are_read_by_their_column_headers(opened):
    rows = opened("declarations", DeclarationsPage).listed()
    assert [(d.role, d.person, d.state, d.notes, d.fee_zl) for d in rows][:1] == [
        ("pielęgniarka", "Elżbieta Woźniak", DeclarationState.REJECTED, "Brak miejsc", 0)]
    accepted = DeclarationState.ACCEPTED
    assert {(d.role, d.state) for d in rows} >= {("lekarz", accepted), ("położna", accepted)}


def test_facility_search_results(opened):
    found = opened("facilities", FacilitySearchPage, DOCTOR).facilities()
    assert [entry.split(" poradnia")[0] for entry in found] == [
        "Przychodnia Zdrowie", "Ośrodek Zdrowia Kazimierz", "Centrum Medyczne Zdrowa Rodzina"]
    assert all("poradnia lekarza podstawowej opieki zdrowotnej" in entry for entry in found)


def test_the_declaration_confirmation_states_choice_fee_role_and_person(opened):
    stated = opened("confirmation", ConfirmationPage).confirmation()
    assert (stated.choice_number, stated.fee_zl, stated.role, stated.person) == (1, 0, "lekarz", "lek. Barbara Zając")
    assert stated.year == datetime.date.today().year


def test_a_refused_contact_form_names_the_wrong_fields(opened):
    form = opened("contact_refused", ContactFormPage)
    assert form.refused_fields() == ["Numer telefonu", "Adres e-mail"]
    assert len(form.alerts()) == 2


def test_a_refused_wizard_step_names_the_wrong_field(opened):
    wizard = opened("consent_refused", ConsentWizardPage)
    assert wizard.refused_fields() == ["PESEL osoby"]
    assert wizard.alerts() == ["PESEL osoby jest nieprawidłowy."]


def test_next_page_returns_the_candidate_that_is_here(opened):
    home = opened("home", HomePage)
    landed = home.next_page(None, ConsentsPage, AccountPage, HomePage)
    assert type(landed) is HomePage
    orders = opened("orders", OrdersPage)
    assert type(orders.next_page(None, PrescriptionsPage, OrdersPage)) is OrdersPage  # the same h1, another tab


def test_a_page_that_does_not_come_is_named_in_the_timeout(opened):
    home = opened("home", HomePage)
    home.site.timeout = 0.3
    with pytest.raises(TimeoutException) as raised:
        home.next_page(None, ConsentsPage, AccountPage)
    assert "strona „Uprawnienia” albo strona „Moje konto”" in str(raised.value)


def test_alerts_and_refused_fields_are_read_the_same_on_every_page(opened):
    form = opened("contact_refused", ContactFormPage)
    assert len(form.alerts()) == 2 and form.refused_fields() == ["Numer telefonu", "Adres e-mail"]
    assert opened("home", HomePage).alerts() == []

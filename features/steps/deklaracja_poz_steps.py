"""Steps of the e-deklaracja POZ: choosing a doctor, nurse or midwife, the 80 zł fee rule, facility decisions."""

import datetime

import parse
from behave import given, register_type, then, when
from hamcrest import assert_that, equal_to, has_properties, has_property, is_not, none

from harness.steps_api import use_persona
from pages.declaration_form import DOCTOR, MIDWIFE, NURSE
from pages.flows import declare, open_declaration_form, view_declarations

# Gherkin's genitive ("deklaracja wyboru lekarza") -> the role in the UI; and its code in the admin API.
ROLES = {"lekarza": DOCTOR, "pielęgniarki": NURSE, "położnej": MIDWIFE}
API_ROLES = {DOCTOR: "doctor", NURSE: "nurse", MIDWIFE: "midwife"}
COUNTS = {"jedną deklarację": 1, "dwie deklaracje": 2}
# Contact data a patient has entered on the first login (instrukcja CeZ pkt 2.2); synthetic.
FIRST_LOGIN_CONTACT = {"email": "pacjent.testowy@example.com", "phone": "600700800", "channel": "email"}
# Where the earlier declarations of a year are arranged when a scenario only needs their number.
EARLIER_FACILITY_ID = 3


@parse.with_pattern("|".join(ROLES))
def parse_role(text):
    return ROLES[text]


@parse.with_pattern("|".join(COUNTS))
def parse_count(text):
    return COUNTS[text]


@parse.with_pattern(r"[^„”]+")
def parse_quoted(text):
    return text


register_type(RolaPOZ=parse_role, LiczbaDeklaracji=parse_count, CytatPOZ=parse_quoted)


def _year_today(context) -> int:
    """The current year: the simulator's date, or the real one against the real iIKP."""
    return int(context.sim.today()[:4]) if context.sim else datetime.date.today().year


def _arrange_declarations_this_year(context, name, role, count):
    """Make the persona have `count` declarations of the role dated this year, adding the missing ones."""
    pesel = use_persona(context, name).pesel
    year = str(_year_today(context))
    had = [d for d in context.sim.patient(pesel)["declarations"]
           if d["role"] == API_ROLES[role] and d["submitted_on"].startswith(year)]
    for _ in range(count - len(had)):
        context.sim.add_declaration(pesel, role=API_ROLES[role], facility_id=EARLIER_FACILITY_ID, status="rejected")


def _staff_id(context, facility_name, person):
    """The simulator's id of the person working at the facility."""
    facility = next(f for f in context.sim.facilities() if f["name"] == facility_name)
    return next(member["id"] for member in facility["staff"] if member["name"] == person)


# -- arranging (admin API) --------------------------------------------------------------------------
@given("{pacjent:Osoba} ma za sobą pierwsze logowanie")
def step_after_first_login(context, pacjent):
    context.sim.update_patient(use_persona(context, pacjent).pesel, terms_accepted=True, contact=FIRST_LOGIN_CONTACT)


@given("{pacjent:Osoba} złożył już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
@given("{pacjent:Osoba} złożyła już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
def step_declared_this_year(context, pacjent, liczba, rola):
    _arrange_declarations_this_year(context, pacjent, rola, liczba)


@given("{pacjent:Osoba} złożył deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” "
       "z placówki „{placowka:CytatPOZ}”")
@given("{pacjent:Osoba} złożyła deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” "
       "z placówki „{placowka:CytatPOZ}”")
def step_declaration_submitted(context, pacjent, rola, osoba, placowka):
    pesel = use_persona(context, pacjent).pesel
    staff_id = _staff_id(context, placowka, osoba)
    context.declaration_id = context.sim.add_declaration(pesel, role=API_ROLES[rola], staff_id=staff_id)["id"]


@given("rozpoczął się nowy rok kalendarzowy")
def step_new_year(context):
    context.sim.set_today(f"{_year_today(context) + 1}-01-02")


# -- the patient and the facility act ----------------------------------------------------------------
@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” z placówki „{placowka:CytatPOZ}”")
def step_declares(context, pacjent, rola, osoba, placowka):
    context.page, context.confirmation = declare(context.page, rola, placowka, osoba)


@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” z placówki "
      "„{placowka:CytatPOZ}”, podając powód „{powod:CytatPOZ}”")
def step_declares_with_reason(context, pacjent, rola, osoba, placowka, powod):
    context.page, context.confirmation = declare(context.page, rola, placowka, osoba, powod)


@when("{pacjent:Osoba} szuka placówki „{fraza:CytatPOZ}” do deklaracji wyboru {rola:RolaPOZ} POZ")
def step_searches_facility(context, pacjent, fraza, rola):
    context.page = open_declaration_form(context.page, rola).search(fraza)


@when("placówka przyjmuje tę deklarację")
def step_facility_accepts(context):
    context.sim.declaration_action(context.declaration_id, "accept")


@when("placówka odrzuca tę deklarację z uwagą „{uwaga:CytatPOZ}”")
def step_facility_rejects(context, uwaga):
    context.sim.declaration_action(context.declaration_id, "reject", uwaga)


@when("placówka nie zajmuje się tą deklaracją przez {dni:d} dni")
def step_facility_idle(context, dni):
    context.sim.advance_days(dni)


# -- what the patient sees ---------------------------------------------------------------------------
@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” "
      "ze statusem „{status:CytatPOZ}”")
def step_sees_declaration(context, pacjent, rola, osoba, status):
    context.page = view_declarations(context.page)
    assert_that(context.page.declaration(rola.label, osoba), has_property("status", status))


@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi deklarację wyboru {rola:RolaPOZ} POZ „{osoba:CytatPOZ}” "
      "ze statusem „{status:CytatPOZ}” i uwagą „{uwaga:CytatPOZ}”")
def step_sees_declaration_with_note(context, pacjent, rola, osoba, status, uwaga):
    context.page = view_declarations(context.page)
    assert_that(context.page.declaration(rola.label, osoba), has_properties(status=status, notes=uwaga))


@then("potwierdzenie deklaracji podało, że to {numer:d}. wybór w bieżącym roku")
def step_confirmation_choice_number(context, numer):
    stated = context.confirmation
    assert_that((stated.choice_number, stated.year), equal_to((numer, _year_today(context))))


@then("ten wybór jest bezpłatny")
@then("za ten wybór naliczono opłatę {kwota:d} zł")
def step_fee(context, kwota=0):
    listed = context.page.declaration(context.confirmation.role, context.confirmation.person)
    assert_that(listed, is_not(none()), "złożona deklaracja powinna być w „Zobacz deklaracje”")
    assert_that((context.confirmation.fee_zl, listed.fee_zl), equal_to((kwota, kwota)),
                "opłata (zł) na potwierdzeniu i na liście deklaracji")


@then("{pacjent:Osoba} dowiaduje się, że nie znaleziono żadnej placówki")
def step_nothing_found(context, pacjent):
    assert_that(context.page.facilities(), equal_to([]))
    assert_that(context.page.says_nothing_found(), equal_to(True), "brak komunikatu o braku wyników")

"""Steps of the e-deklaracja POZ: choosing a doctor, nurse or midwife, the 80 zł fee rule, the facility's decisions."""

from behave import given, then, when
from hamcrest import assert_that, equal_to, has_properties, is_not, none

from harness.created import DeclarationRef
from harness.steps_api import acting, created, facility, today, use_persona
from harness.steps_api import given as given_state
from pages.declaration_form import NO_REASON, ROLES
from pages.declarations import DeclarationsPage
from pages.flows import declare, open_declaration_form, view_declarations


def submit(context, patient: str, role: str, person: str, facility_name: str, reason: str = NO_REASON) -> None:
    """Declares on screen; remembers the declaration and what its confirmation stated."""
    persona = acting(context, patient)
    context.page, context.confirmation = declare(context.page, ROLES[role], facility_name, person, reason)
    created(context).add(DeclarationRef(persona, role, facility_name, person, today(context)))


def shown_declaration(context, patient: str):
    """The declaration this scenario created last, as „Zobacz deklaracje” shows it now; fails when absent."""
    acting(context, patient)
    ref = created(context).last(DeclarationRef)
    context.page = view_declarations(context.page)
    found = context.page.declaration(ref.role, ref.person)
    assert_that(found, is_not(none()), f"w „Zobacz deklaracje” powinna być {ref.describe()}")
    return found


# -- arranging (simulator) ----------------------------------------------------------------------------
@given("{pacjent:Osoba} złożył już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
@given("{pacjent:Osoba} złożyła już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
def step_declared_this_year(context, pacjent, liczba, rola):
    """Układa w symulatorze, że pacjent złożył już w bieżącym roku tyle deklaracji wyboru tej roli (bez
    przeglądarki)."""
    given_state(context).declarations_this_year(use_persona(context, pacjent), rola, liczba)


@given("{pacjent:Osoba} złożył deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
@given("{pacjent:Osoba} złożyła deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
def step_declaration_submitted(context, pacjent, rola, osoba, placowka):
    """Układa w symulatorze złożoną dziś deklarację do tej osoby z tej placówki; „ta deklaracja” w dalszych
    krokach to ona."""
    persona = use_persona(context, pacjent)
    created(context).add(given_state(context).declaration_submitted(persona, rola, placowka, osoba))


@given("rozpoczął się nowy rok kalendarzowy")
def step_new_year(context):
    """Zegar symulatora przechodzi na początek następnego roku (2 stycznia): liczenie wyborów w roku zaczyna się
    od nowa."""
    given_state(context).new_year()


# -- the patient ---------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
def step_declares(context, pacjent, rola, osoba, placowka):
    """Na ekranie: „Moje konto” → sekcja POZ → „Wypełnij deklarację”, wyszukanie placówki po nazwie, wybór
    osoby, potwierdzenie i „Złóż deklarację”."""
    submit(context, pacjent, rola, osoba, placowka)


@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki "
      "„{placowka:Tekst}”, podając powód „{powod:Tekst}”")
def step_declares_with_reason(context, pacjent, rola, osoba, placowka, powod):
    """Jak „składa deklarację…”: „Moje konto” → sekcja POZ → „Wypełnij deklarację”, placówka, osoba, ten powód
    zmiany z listy „Powód zmiany”, potwierdzenie."""
    submit(context, pacjent, rola, osoba, placowka, powod)


@when("{pacjent:Osoba} szuka placówki „{fraza:Tekst}” do deklaracji wyboru {rola:RolaPOZ} POZ")
def step_searches_facility(context, pacjent, fraza, rola):
    """Otwiera formularz deklaracji tej roli i szuka placówki po mieście lub nazwie; wynik zostaje na ekranie."""
    acting(context, pacjent)
    context.page = open_declaration_form(context.page, ROLES[rola]).search(fraza)


@when("{pacjent:Osoba} przegląda swoje deklaracje w „Zobacz deklaracje”")
def step_views_declarations(context, pacjent):
    """Otwiera „Moje konto” → „Zobacz deklaracje”."""
    acting(context, pacjent)
    context.page = view_declarations(context.page)


# -- the facility's side -------------------------------------------------------------------------------------
@when("placówka przyjmuje tę deklarację")
def step_facility_accepts(context):
    """Placówka (jej strona w symulatorze albo adapter) przyjmuje deklarację złożoną ostatnio w scenariuszu."""
    facility(context).accept_declaration(created(context).last(DeclarationRef))


@when("placówka odrzuca tę deklarację z uwagą „{uwaga:Tekst}”")
def step_facility_rejects(context, uwaga):
    """Placówka odrzuca deklarację złożoną ostatnio w scenariuszu, z tą uwagą dla pacjenta."""
    facility(context).reject_declaration(created(context).last(DeclarationRef), uwaga)


@when("placówka nie zajmuje się tą deklaracją przez {dni:d} dni")
def step_facility_idle(context, dni):
    """Placówka nic nie robi z deklaracją, a zegar symulatora przesuwa się o tyle dni."""
    created(context).last(DeclarationRef)
    given_state(context).days_pass(dni)


# -- what the patient sees -------------------------------------------------------------------------------------
@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi tę deklarację jako {stan:StanDeklaracji}")
def step_sees_declaration(context, pacjent, stan):
    """Sprawdza w „Zobacz deklaracje” stan deklaracji złożonej ostatnio w scenariuszu."""
    assert_that(shown_declaration(context, pacjent).state, equal_to(stan))


@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi tę deklarację jako {stan:StanDeklaracji} z uwagą „{uwaga:Tekst}”")
def step_sees_declaration_with_note(context, pacjent, stan, uwaga):
    """Sprawdza w „Zobacz deklaracje” stan i uwagę placówki przy deklaracji złożonej ostatnio w scenariuszu."""
    assert_that(shown_declaration(context, pacjent), has_properties(state=stan, notes=uwaga))


@then("potwierdzenie deklaracji podało, że to {numer:d}. wybór w bieżącym roku")
def step_confirmation_choice_number(context, numer):
    """Sprawdza, który to wybór w bieżącym roku według ekranu potwierdzenia deklaracji."""
    stated = context.confirmation
    assert_that((stated.choice_number, stated.year), equal_to((numer, today(context).year)))


@then("ten wybór jest bezpłatny")
@then("za ten wybór naliczono opłatę {kwota:d} zł")
def step_fee(context, kwota=0):
    """Sprawdza opłatę na potwierdzeniu i na liście „Zobacz deklaracje” (ustawa o POZ, art. 9: 80 zł od
    trzeciego wyboru w roku)."""
    page = context.page if isinstance(context.page, DeclarationsPage) else view_declarations(context.page)
    listed = page.declaration(context.confirmation.role, context.confirmation.person)
    assert_that(listed, is_not(none()), "złożona deklaracja powinna być w „Zobacz deklaracje”")
    assert_that((context.confirmation.fee_zl, listed.fee_zl), equal_to((kwota, kwota)),
                "opłata (zł) na potwierdzeniu i na liście deklaracji")


@then("{pacjent:Osoba} dowiaduje się, że nie znaleziono żadnej placówki")
def step_nothing_found(context, pacjent):
    """Sprawdza, że wyszukiwanie placówek nie pokazało żadnej pozycji."""
    acting(context, pacjent)
    assert_that(context.page.facilities(), equal_to([]), "wyszukiwanie nie powinno pokazać żadnej placówki")

"""Steps of the e-deklaracja POZ: choosing a doctor, nurse or midwife, the 80 zł fee rule, the facility's decisions."""

from behave import given, then, when

from harness.created import DeclarationRef
from harness.expect import Words, declaration_on, expect, say
from harness.steps_api import acting, arranged, facility, last, on_screen, remember, today, use_persona
from harness.tasks import shown_declaration, submit_declaration


# -- arranging (simulator) ----------------------------------------------------------------------------
@given("{pacjent:Osoba} złożył już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
@given("{pacjent:Osoba} złożyła już w tym roku {liczba:LiczbaDeklaracji} wyboru {rola:RolaPOZ} POZ")
def step_declared_this_year(context, pacjent, liczba, rola):
    """Układa w symulatorze, że pacjent złożył już w bieżącym roku tyle deklaracji wyboru tej roli (bez
    przeglądarki)."""
    arranged(context).declarations_this_year(use_persona(context, pacjent), rola, liczba)


@given("{pacjent:Osoba} złożył deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
@given("{pacjent:Osoba} złożyła deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
def step_declaration_submitted(context, pacjent, rola, osoba, placowka):
    """Układa w symulatorze złożoną dziś deklarację do tej osoby z tej placówki; „ta deklaracja” w dalszych
    krokach to ona."""
    remember(context, arranged(context).declaration_submitted(use_persona(context, pacjent), rola, placowka, osoba))


@given("rozpoczął się nowy rok kalendarzowy")
def step_new_year(context):
    """Zegar symulatora przechodzi na początek następnego roku (2 stycznia): liczenie wyborów w roku zaczyna się
    od nowa."""
    arranged(context).new_year()


# -- the patient ---------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki „{placowka:Tekst}”")
def step_declares(context, pacjent, rola, osoba, placowka):
    """Na ekranie: „Moje konto” → sekcja POZ → „Wypełnij deklarację”, wyszukanie placówki po nazwie, wybór
    osoby, potwierdzenie i „Złóż deklarację”."""
    submit_declaration(context, pacjent, rola, osoba, placowka)


@when("{pacjent:Osoba} składa deklarację wyboru {rola:RolaPOZ} POZ „{osoba:Tekst}” z placówki "
      "„{placowka:Tekst}”, podając powód „{powod:Tekst}”")
def step_declares_with_reason(context, pacjent, rola, osoba, placowka, powod):
    """Jak „składa deklarację…”: „Moje konto” → sekcja POZ → „Wypełnij deklarację”, placówka, osoba, ten powód
    zmiany z listy „Powód zmiany”, potwierdzenie."""
    submit_declaration(context, pacjent, rola, osoba, placowka, powod)


@when("{pacjent:Osoba} szuka placówki „{fraza:Tekst}” do deklaracji wyboru {rola:RolaPOZ} POZ")
def step_searches_facility(context, pacjent, fraza, rola):
    """Otwiera formularz deklaracji tej roli i szuka placówki po mieście lub nazwie; wynik zostaje na ekranie."""
    acting(context, pacjent)
    context.page = context.page.my_account().start_declaration(rola).search(fraza)


@when("{pacjent:Osoba} przegląda swoje deklaracje w „Zobacz deklaracje”")
def step_views_declarations(context, pacjent):
    """Otwiera „Moje konto” → „Zobacz deklaracje”."""
    acting(context, pacjent)
    context.page = context.page.declarations(anew=True)


# -- the facility's side -------------------------------------------------------------------------------------
@when("placówka przyjmuje tę deklarację")
def step_facility_accepts(context):
    """Placówka (jej strona w symulatorze albo adapter) przyjmuje deklarację złożoną ostatnio w scenariuszu."""
    facility(context).accept_declaration(last(context, DeclarationRef))


@when("placówka odrzuca tę deklarację z uwagą „{uwaga:Tekst}”")
def step_facility_rejects(context, uwaga):
    """Placówka odrzuca deklarację złożoną ostatnio w scenariuszu, z tą uwagą dla pacjenta."""
    facility(context).reject_declaration(last(context, DeclarationRef), uwaga)


@when("placówka nie zajmuje się tą deklaracją przez {dni:d} dni")
def step_facility_idle(context, dni):
    """Placówka nic nie robi z deklaracją, a zegar symulatora przesuwa się o tyle dni."""
    last(context, DeclarationRef)
    arranged(context).days_pass(dni)


# -- what the patient sees -------------------------------------------------------------------------------------
@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi tę deklarację jako {stan:StanDeklaracji}")
def step_sees_declaration(context, pacjent, stan):
    """Sprawdza w „Zobacz deklaracje” stan deklaracji złożonej ostatnio w scenariuszu."""
    shown = shown_declaration(context, pacjent)
    expect(last(context, DeclarationRef).describe(), stan, shown.status, holds=shown.state is stan)


@then("w „Zobacz deklaracje” {pacjent:Osoba} widzi tę deklarację jako {stan:StanDeklaracji} z uwagą „{uwaga:Tekst}”")
def step_sees_declaration_with_note(context, pacjent, stan, uwaga):
    """Sprawdza w „Zobacz deklaracje” stan i uwagę placówki przy deklaracji złożonej ostatnio w scenariuszu."""
    shown = shown_declaration(context, pacjent)
    expect(last(context, DeclarationRef).describe(), Words(f"{say(stan)} z uwagą „{uwaga}”"),
           Words(f"{say(shown.status)} z uwagą {say(shown.notes)}"), holds=(shown.state, shown.notes) == (stan, uwaga))


@then("potwierdzenie deklaracji podało, że to {numer:d}. wybór w bieżącym roku")
def step_confirmation_choice_number(context, numer):
    """Sprawdza, który to wybór w bieżącym roku według ekranu potwierdzenia deklaracji."""
    stated = context.scene.confirmation
    expect("potwierdzenie deklaracji", f"{numer}. wybór w {today(context).year} roku",
           f"{stated.choice_number}. wybór w {stated.year} roku")


@then("ten wybór jest bezpłatny")
@then("za ten wybór naliczono opłatę {kwota:d} zł")
def step_fee(context, kwota=0):
    """Sprawdza opłatę na potwierdzeniu i na liście „Zobacz deklaracje” (ustawa o POZ, art. 9: 80 zł od
    trzeciego wyboru w roku)."""
    listed = declaration_on(on_screen(context, context.page.declarations()), last(context, DeclarationRef))
    stated = context.scene.confirmation.fee_zl
    expect("opłata za ten wybór", Words(f"{kwota} zł na potwierdzeniu i na liście deklaracji"),
           Words(f"{stated} zł na potwierdzeniu, {listed.fee_zl} zł na liście"), holds=stated == listed.fee_zl == kwota)


@then("{pacjent:Osoba} dowiaduje się, że nie znaleziono żadnej placówki")
def step_nothing_found(context, pacjent):
    """Sprawdza, że wyszukiwanie placówek nie pokazało żadnej pozycji."""
    acting(context, pacjent)
    found = context.page.facilities()
    expect("wyniki wyszukiwania placówek", Words("żadnej placówki"), found, holds=not found)

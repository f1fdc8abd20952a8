"""Generate docs/kroki.md, the Polish step catalogue for analysts, from behave's step registry itself.

Usage: python -m tools.catalogue [--check]  (--check: exit 1 when docs/kroki.md is out of date)
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import pkgutil
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from behave.parser import parse_file
from behave.runner_util import load_step_modules
from behave.step_registry import registry

import pages
from harness import gherkin_types
from harness.config import PROJECT_ROOT
from pages.base import BasePage
from simulator import baseline
from tools.generated import write_or_check

CATALOGUE = PROJECT_ROOT / "docs" / "kroki.md"
FEATURES = PROJECT_ROOT / "features"
KEYWORDS = {"given": "Zakładając, że", "when": "Gdy", "then": "Wtedy", "step": "*"}
KEYWORD_ORDER = list(KEYWORDS)
# Step module -> area heading; a module not listed gets its own name.
AREAS = {
    "logowanie_steps": "Logowanie i wylogowanie",
    "konto_steps": "Pierwsze logowanie i dane kontaktowe",
    "zgody_steps": "Zgody i upoważnienia",
    "e_recepta_steps": "E-recepta",
    "deklaracja_poz_steps": "Deklaracja POZ",
    "obsluga_bledow_steps": "Obsługa błędów",
}
# What a step's function calls -> the tag a scenario using it must carry (tests/harness/test_tags.py checks it).
NEEDS = {"arranged": "`@symulator` (stan układany przez API symulatora)",
         "facility": "`@placowka` (strona placówki: symulator albo adapter -D facility=…)",
         "submit_declaration": "`@nieodwracalne` (deklaracja POZ na prawdziwym iIKP zmienia konto na stałe)"}
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
# Page object or journey -> the screen as a person names it (shown in „strona:”); a page not listed raises.
SCREENS = {
    "AccountPage": "„Moje konto”",
    "ConsentWizardPage": "„Dodaj uprawnienie”",
    "ConsentsPage": "„Uprawnienia”",
    "ContactFields": "„Edytuj swoje dane” / „Podaj dane kontaktowe”",
    "ContactFormPage": "„Moje konto” → „Edytuj swoje dane”",
    "FirstContactPage": "„Podaj dane kontaktowe” (pierwsze logowanie)",
    "FacilitySearchPage": "formularz deklaracji POZ: wyszukiwanie placówki",
    "PersonChoicePage": "formularz deklaracji POZ: wybór osoby i powodu zmiany",
    "ConfirmationPage": "„Potwierdź deklarację”",
    "DeclarationsPage": "„Zobacz deklaracje”",
    "HomePage": "strona główna iIKP",
    "LoggedInPage": "nagłówek konta iIKP (imię pacjenta, „Moje konto”, „Wyloguj się”)",
    "LoggedOutPage": "ekran po wylogowaniu",
    "OrdersPage": "„Zamówione recepty”",
    "OrderConfirmationPage": "„Potwierdź zamówienie”",
    "PrescriptionsPage": "„Recepty”",
    "RecipesTabPage": "„Recepty” / „Zamówione recepty”",
    "PzLoginPage": "testowy Profil Zaufany: pole „Pesel”",
    "TermsPage": "regulamin iIKP",
    "ErrorScreenPage": "ekran błędu (instrukcja CeZ pkt 3)",
    "PzErrorPage": "ekran błędu testowego Profilu Zaufanego (instrukcja CeZ pkt 3.1)",
    "IkpErrorPage": "ekran niedziałającego iIKP (instrukcja CeZ pkt 3.2)",
    "log_in": "logowanie: testowy Profil Zaufany → (regulamin, dane kontaktowe) → iIKP",
    "log_in_after_hard_refresh": "testowy Profil Zaufany po CTRL+F5",
    "open_allowing_error_screen": "otwarcie strony po adresie (albo ekran błędu)",
    "allowing_error_screen": "ekran błędu (instrukcja CeZ pkt 3) jako wynik kroku",
    "open_in_second_tab": "druga karta przeglądarki",
    "open_declaration_form": "„Moje konto” → POZ → „Wypełnij deklarację”",
    "declare": "„Moje konto” → POZ → „Wypełnij deklarację” → „Potwierdź deklarację”",
}
# Screens a step reaches through a logged-in page's own navigation, or through a task below the steps
# (harness/tasks.py, harness/steps_api.py) -> the screen as a person names it.
REACHED = {
    "my_account": "„Moje konto”",
    "consents": "„Uprawnienia”",
    "prescriptions": "„Recepty”",
    "ordered_prescriptions": "„Zamówione recepty”",
    "declarations": "„Moje konto” → POZ → „Zobacz deklaracje”",
    "start_declaration": "„Moje konto” → POZ → „Wypełnij deklarację”",
    "grant_consent": "„Uprawnienia” → „Dodaj uprawnienie”",
    "try_to_grant": "„Uprawnienia” → „Dodaj uprawnienie”",
    "consent_shown_as": "„Uprawnienia”",
    "submit_declaration": "„Moje konto” → POZ → „Wypełnij deklarację” → „Potwierdź deklarację”",
    "shown_declaration": "„Moje konto” → POZ → „Zobacz deklaracje”",
    "save_contact_data": "„Moje konto” → „Edytuj swoje dane”",
    "try_contact_data": "„Moje konto” → „Edytuj swoje dane”",
    "shown_order": "„Zamówione recepty”",
    "expect_logged_in": "nagłówek konta iIKP (imię pacjenta, „Moje konto”, „Wyloguj się”)",
}


@dataclass
class StepEntry:
    keyword: str
    pattern: str
    module: str
    line: int
    parameters: list[tuple[str, str]]
    pages: list[str]
    doc: str
    needs: list[str]
    examples: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    table: list[list[str]] = field(default_factory=list)


def _page_services() -> set[str]:
    """Names of every page object class under pages/ and every journey function of pages/flows.py."""
    found = set()
    for info in pkgutil.walk_packages(pages.__path__, "pages."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__ or name.startswith("_"):
                continue
            is_page = inspect.isclass(value) and issubclass(value, BasePage)
            is_journey = inspect.isfunction(value) and (module.__name__ == "pages.flows" or name in SCREENS)
            if is_page or is_journey:
                found.add(name)
    return found


def _names_reached(func) -> set[str]:
    """The global names a step uses, itself or through the helper functions of its own module (and lambdas)."""
    module_globals, seen, names = func.__globals__, set(), set()
    todo = [func.__code__]
    while todo:
        code = todo.pop()
        if code in seen:
            continue
        seen.add(code)
        names |= set(code.co_names)
        todo += [const for const in code.co_consts if inspect.iscode(const)]
        for name in code.co_names:
            helper = module_globals.get(name)
            if inspect.isfunction(helper) and helper.__module__ == func.__module__:
                todo.append(helper.__code__)
    return names


def _screens(identifiers: set[str]) -> list[str]:
    """The screens a step touches, by the names a person knows them by."""
    unknown = sorted(identifiers - set(SCREENS))
    if unknown:
        raise ValueError(f"strona {', '.join(unknown)} nie ma polskiej nazwy: "
                         "dopisz ją do SCREENS w tools/catalogue.py")
    return sorted({SCREENS[name] for name in identifiers})


# parse's own types, in words
BUILTIN_TYPES = {"d": "liczba całkowita, np. 7", "w": "jedno słowo", "S": "tekst bez spacji", "f": "liczba, np. 2.5"}


ROLE_WORDS = {"doctor": "lekarz", "nurse": "pielęgniarka", "midwife": "położna"}
DECLARATION_WORDS = {"accepted": "zaakceptowana", "rejected": "odrzucona", "submitted": "złożona"}
CHANNEL_WORDS = {"sms": "SMS", "email": "e-mail"}
LABELS = PROJECT_ROOT / "simulator" / "templates" / "_labels.html"


def _quoted(names) -> str:
    return ", ".join(f"„{name}”" for name in names)


def _staff(role: str | None = None) -> list[str]:
    return [name for _, _, staff_role, name in baseline.STAFF if role in (None, staff_role)]


def _reasons() -> list[str]:
    """The reasons for a change of declaration offered by the simulator's form („Powód zmiany”)."""
    block = re.search(r"exemptions = \{(.*?)\}", LABELS.read_text(encoding="utf-8"), re.S)
    if block is None:
        raise ValueError(f"nie znaleziono listy powodów zmiany w {LABELS.relative_to(PROJECT_ROOT)}")
    return re.findall(r'"\w+": "([^"]+)"', block.group(1))


def _quoted_parameters() -> dict[str, str]:
    """What a quoted free-text parameter (type Tekst) means, by its name in the sentence."""
    facilities = [name for _, name, *_ in baseline.FACILITIES]
    towns = [town for *_, town, _ in baseline.FACILITIES]
    return {
        "placowka": f"nazwa placówki POZ (tabela „Placówki i personel” niżej): {_quoted(facilities)}",
        "osoba": ("lekarz, pielęgniarka albo położna tej placówki, w tej roli, z tytułem jak na formularzu "
                  f"(tabela „Placówki i personel”), np. {_quoted(_staff()[:2])}"),
        "lekarz": f"lekarz POZ z aktywnej deklaracji pacjenta (tabela „Persony”), np. {_quoted(_staff('doctor')[:2])}",
        "fraza": f"miasto albo część nazwy placówki, jak w wyszukiwarce formularza: np. {_quoted(towns[:3])}",
        "powod": f"powód zmiany z listy „Powód zmiany” formularza deklaracji: {_quoted(_reasons())}",
        "uwaga": "dowolna uwaga placówki dla pacjenta, np. „Lekarz nie przyjmuje nowych pacjentów”",
        "komentarz": "dowolny komentarz lekarza dla pacjenta, np. „Proszę zgłosić się na wizytę”",
        "zakres": "opis świadczenia, którego dotyczy zgoda albo odmowa, np. „Zabieg usunięcia znamienia”",
    }


# Column of a data table -> what it holds (konto_steps.COLUMNS reads the same names).
TABLE_COLUMNS = {
    "numer telefonu": "9 cyfr, np. `600100200`; puste pole: bez numeru",
    "adres e-mail": "adres e-mail, np. `jan.nowak@example.com`; puste pole: bez adresu",
    "powiadomienia": "`SMS`, `e-mail` albo oba: `SMS i e-mail` (także po przecinku); puste pole: bez powiadomień",
}


def _allowed(type_name: str | None, matcher) -> str:
    if not type_name:
        return "dowolny tekst"
    if type_name in BUILTIN_TYPES:
        return BUILTIN_TYPES[type_name]
    converter = matcher.TYPE_REGISTRY.get(type_name)
    allowed = getattr(converter, "allowed", None)
    if allowed is None:
        raise ValueError(f"typ parametru {type_name} nie mówi, co przyjmuje (allowed w harness/gherkin_types.py)")
    return allowed


def _parameter(name: str, type_name: str | None, matcher) -> str:
    if type_name == "Tekst":
        described = _quoted_parameters().get(name)
        if described is None:
            raise ValueError(f"parametr „{name}” nie ma opisu: dopisz go do _quoted_parameters w tools/catalogue.py")
        return described
    return _allowed(type_name, matcher)


def load_entries() -> list[StepEntry]:
    gherkin_types.register()
    load_step_modules([str(FEATURES / "steps")])
    page_names = _page_services()
    entries = []
    for keyword in KEYWORD_ORDER:
        for matcher in registry.steps.get(keyword, []):
            func = matcher.func
            module = Path(inspect.getsourcefile(func)).stem
            names = set(func.__code__.co_names)
            reached = _names_reached(func)
            entries.append(StepEntry(
                keyword=keyword, pattern=matcher.pattern, module=module,
                line=int(str(matcher.location).rsplit(":", 1)[1]),
                parameters=[(name, _parameter(name, kind, matcher)) for name, kind in _FIELD.findall(matcher.pattern)],
                pages=sorted(set(_screens(reached & set(page_names))) | {REACHED[n] for n in reached & set(REACHED)}),
                doc=inspect.getdoc(func) or "",
                needs=[need for call, need in NEEDS.items() if call in names]))
    _attach_examples(entries)
    return entries


def _attach_examples(entries: list[StepEntry]) -> None:
    """The first use of each step in the features, in file order (outlines with their first row's values)."""
    matchers = [(entry, m) for entry in entries for m in registry.steps.get(entry.keyword, [])
                if m.pattern == entry.pattern]
    for path in sorted(FEATURES.glob("*.feature")):
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios():
            for step in list(scenario.background_steps) + list(scenario.steps):
                for entry, matcher in matchers:
                    if (entry.examples and all(entry.values.values())) or step.step_type != entry.keyword:
                        continue  # a later use replaces an example with an empty value („”)
                    match = matcher.match(step.name)
                    if match:
                        entry.examples[:] = [f"{step.keyword.strip()} {step.name}"]
                        entry.values = {arg.name: arg.original for arg in match.arguments}
                        if step.table:
                            entry.table = [list(step.table.headings), *(list(row.cells) for row in step.table)]


def _plain(pattern: str) -> str:
    """The sentence as an analyst writes it: `{pacjent:Osoba}` -> `{pacjent}`."""
    return _FIELD.sub(lambda m: "{" + m.group(1) + "}", pattern)


def _anchor(heading: str) -> str:
    """The anchor GitLab and GitHub give a Markdown heading."""
    return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")


def _table_lines(table: list[list[str]]) -> list[str]:
    """A step's data table: each column with what it holds, and the example table itself."""
    unknown = [column for column in table[0] if column not in TABLE_COLUMNS]
    if unknown:
        raise ValueError(f"kolumna {', '.join(unknown)} nie ma opisu: dopisz ją do TABLE_COLUMNS w tools/catalogue.py")
    out = ["- tabela pod zdaniem, jeden wiersz danych; kolumny:"]
    out += [f"  - `{column}`: {TABLE_COLUMNS[column]}" for column in table[0]]
    out += ["- przykład tabeli:", "", "  ```gherkin"]
    out += ["  | " + " | ".join(row) + " |" for row in table]
    return out + ["  ```", ""]


def _simulator_data() -> list[str]:
    """The simulator's built-in personas, facilities with staff, and third persons, as Polish tables."""
    staff_of = {}
    for staff_id, facility_id, role, name in baseline.STAFF:
        staff_of[staff_id] = (facility_id, role, name)
    facility_name = {facility_id: name for facility_id, name, *_ in baseline.FACILITIES}
    out = ["## Dane symulatora", "",
           "Stan, od którego zaczyna każdy scenariusz na symulatorze (`make run`). Na prawdziwym iIKP konta mają",
           "to, co wydał CeZ: nazwy leków, placówek i personelu tłumaczy sekcja `[nazwy]` pliku kont",
           "(docs/prawdziwe-iikp.md), scenariusze się nie zmieniają.", "",
           "### Persony", "",
           "| persona | regulamin | dane kontaktowe | deklaracje POZ | leki z recept |", "|---|---|---|---|---|"]
    for persona in baseline.PERSONAS.values():
        first, last = persona["name"]
        terms = "zaakceptowany" if persona["terms_accepted"] else "niezaakceptowany (pierwsze logowanie)"
        if persona["contact"]:
            email, phone, channels = persona["contact"]
            contact = f"{phone}, {email}; powiadomienia: {' i '.join(CHANNEL_WORDS[c] for c in channels)}"
        else:
            contact = "brak"
        declarations = []
        for role, staff_id, status, when in persona["declarations"]:
            facility_id, _, name = staff_of[staff_id]
            since = "sprzed 2 lat" if when == "earlier" else "z 1 stycznia bieżącego roku"
            declarations.append(f"{ROLE_WORDS[role]}: {name}, „{facility_name[facility_id]}”, "
                                f"{DECLARATION_WORDS[status]} ({since})")
        medicines = [f"„{medicine}”" + ("" if long_term else " (nie przewlekle: nie do zamówienia)")
                     for medicine, _, long_term in persona["prescriptions"]]
        out.append(f"| **{first} {last}** | {terms} | {contact} | {'; '.join(declarations) or 'brak'} "
                   f"| {', '.join(medicines) or 'brak'} |")
    out += ["", "### Placówki i personel", "",
            "| placówka | adres | zamówienia recept przez IKP | lekarz POZ | pielęgniarka POZ | położna POZ |",
            "|---|---|---|---|---|---|"]
    for facility_id, name, street, postcode, town, orders in baseline.FACILITIES:
        people = {role: [n for _, f, r, n in baseline.STAFF if f == facility_id and r == role] for role in ROLE_WORDS}
        out.append(f"| „{name}” | {street}, {postcode} {town} | {'tak' if orders else 'nie'} | "
                   + " | ".join(", ".join(people[role]) for role in ROLE_WORDS) + " |")
    out += ["", "### Osoby trzecie", "",
            "Osoby, którym pacjent nadaje uprawnienia (nie są pacjentami testowymi); w zdaniu w dopełniaczu.", "",
            "| w zdaniu | kto to |", "|---|---|"]
    for form, person in gherkin_types.THIRD_PERSONS.items():
        note = " (numer PESEL z błędną cyfrą kontrolną)" if "błędnym" in form else ""
        out.append(f"| `dla {form}` | {person.name}{note} |")
    out.append(f"| `dla {gherkin_types.MYSELF}` | zalogowany pacjent |")
    for form in gherkin_types.OUTSIDERS:
        out.append(f"| `{form}` | ktoś z poprawnym numerem PESEL bez konta testowego: logowanie kończy ekranem 3.1 |")
    return out + [""]


def render(entries: list[StepEntry]) -> str:
    areas: dict[str, list[StepEntry]] = {}
    for entry in entries:
        areas.setdefault(AREAS.get(entry.module, entry.module), []).append(entry)
    order = [*dict.fromkeys(AREAS.values()), *sorted(set(areas) - set(AREAS.values()))]
    present = [area for area in order if area in areas]
    out = ["# Katalog kroków", "",
           "Wygenerowany z rejestru kroków behave poleceniem `make kroki` — nie edytuj ręcznie.",
           "Każde zdanie poniżej można użyć w nowym scenariuszu bez pisania kodu. Parametry w `{nawiasach}`",
           "zastąp wartością; dozwolone wartości albo przykład podano pod zdaniem. Nowy plik sprawdzisz bez",
           "przeglądarki poleceniem `make sprawdz PLIK=features/nazwa.feature`: przy zdaniu, którego nie ma",
           "w katalogu, podpowie najbliższe zdania i dozwolone wartości.", "",
           "## Spis treści", "",
           "- [Jak czytać katalog](#jak-czytać-katalog)",
           *(f"- [{area}](#{_anchor(area)})" for area in present),
           "- [Dane symulatora](#dane-symulatora): persony i ich leki, placówki z personelem, osoby trzecie",
           "- [Statystyka](#statystyka)", "",
           "## Jak czytać katalog", "",
           "- Słowo na początku zdania: `Zakładając, że` (stan przed scenariuszem), `Gdy` (co robi osoba),",
           "  `Wtedy` (co widzi); kolejne zdanie tego samego rodzaju zaczyna się od `I`.",
           "  Zdanie z `*` pasuje do każdego z nich.",
           "- Pacjent z imienia i nazwiska musi być tym, który jest zalogowany; zdanie o innej osobie kończy",
           "  scenariusz błędem.",
           "- „to uprawnienie”, „to zamówienie”, „tę deklarację” to ostatnie takie, które scenariusz nadał,",
           "  złożył albo ułożył wcześniej; wcześniejsze nazwiesz rodzajem i osobą („uprawnienie „…” dla Ewy",
           "  Nowak”) albo lekami („zamówienie na „Metformina 500 mg””). „nadał wczoraj”, „zamówił 3 dni temu”",
           "  układają stan sprzed dni (tylko na symulatorze).",
           "- Nazwę z ekranu (ekran, zakładka, przycisk, odnośnik) cytuj dokładnie tak, jak pokazuje ją ekran:",
           "  w mianowniku, bez odmiany — „w „Uprawnienia””, nie „w „Uprawnieniach””; „w „Zamówione recepty””.",
           "  Tak znajdziesz ją na ekranie, a nakładka tekstów ekranów (`-D teksty=…`) ją rozpozna.",
           "  Wszystkie teksty ekranów: [teksty ekranów](teksty-ekranow.md).",
           "- „strona” mówi, przez które ekrany iIKP przechodzi zdanie; „scenariusz wymaga tagu” — jaki tag",
           "  musi mieć scenariusz z tym zdaniem; „definicja” wskazuje kod dla programisty.",
           "- Znaczenie słów (stany, role, rodzaje uprawnień): [słownik](slownik.md).", ""]
    unused = [e for e in entries if not e.examples]
    for area in order:
        if area not in areas:
            continue
        out += [f"## {area}", ""]
        for entry in sorted(areas[area], key=lambda e: (KEYWORD_ORDER.index(e.keyword), e.line)):
            out.append(f"### {KEYWORDS[entry.keyword]} {_plain(entry.pattern)}")
            out.append("")
            if entry.doc:
                out += [entry.doc, ""]
            for name, allowed in entry.parameters:
                used = entry.values.get(name)
                example = f" (w przykładzie: `{used}`)" if used and used not in allowed else ""
                out.append(f"- parametr `{name}`: {allowed}{example}")
            if entry.table:
                out += _table_lines(entry.table)
            if entry.pages:
                out.append(f"- strona: {'; '.join(entry.pages)}")
            for need in entry.needs:
                out.append(f"- scenariusz wymaga tagu {need}")
            out.append(f"- przykład: `{entry.examples[0]}`" if entry.examples else "- przykład: (nieużywany)")
            out.append(f"- definicja: `features/steps/{entry.module}.py:{entry.line}`")
            out.append("")
    out += _simulator_data()
    out += ["## Statystyka", "", f"- zdań: {len(entries)}", f"- nieużywanych w plikach .feature: {len(unused)}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/kroki.md is out of date")
    args = parser.parse_args(argv)
    return write_or_check(CATALOGUE, render(load_entries()), args.check, "make kroki", PROJECT_ROOT)


if __name__ == "__main__":
    sys.exit(main())

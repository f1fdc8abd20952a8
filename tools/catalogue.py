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
NEEDS = {"given_state": "`@symulator` (stan układany przez API symulatora)",
         "facility": "`@placowka` (strona placówki: symulator albo adapter -D facility=…)",
         "submit": "`@nieodwracalne` (deklaracja POZ na prawdziwym iIKP zmienia konto na stałe)"}
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
    "login_attempts_as_cez_prescribes": "ponowienia logowania w nowych oknach prywatnych (instrukcja CeZ pkt 3)",
    "open_declaration_form": "„Moje konto” → POZ → „Wypełnij deklarację”",
    "declare": "„Moje konto” → POZ → „Wypełnij deklarację” → „Potwierdź deklarację”",
    "view_declarations": "„Moje konto” → POZ → „Zobacz deklaracje”",
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


def _page_services() -> set[str]:
    """Names of every page object class under pages/ and every journey function of pages/flows.py."""
    found = set()
    for info in pkgutil.walk_packages(pages.__path__, "pages."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) != module.__name__ or name.startswith("_"):
                continue
            is_page = inspect.isclass(value) and issubclass(value, BasePage)
            is_journey = inspect.isfunction(value) and module.__name__ == "pages.flows"
            if is_page or is_journey:
                found.add(name)
    return found


def _screens(identifiers: set[str]) -> list[str]:
    """The screens a step touches, by the names a person knows them by."""
    unknown = sorted(identifiers - set(SCREENS))
    if unknown:
        raise ValueError(f"strona {', '.join(unknown)} nie ma polskiej nazwy: "
                         "dopisz ją do SCREENS w tools/catalogue.py")
    return sorted({SCREENS[name] for name in identifiers})


# parse's own types, in words
BUILTIN_TYPES = {"d": "liczba całkowita, np. 7", "w": "jedno słowo", "S": "tekst bez spacji", "f": "liczba, np. 2.5"}


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
            entries.append(StepEntry(
                keyword=keyword, pattern=matcher.pattern, module=module,
                line=int(str(matcher.location).rsplit(":", 1)[1]),
                parameters=[(name, _allowed(kind, matcher)) for name, kind in _FIELD.findall(matcher.pattern)],
                pages=_screens(names & set(page_names)),
                doc=inspect.getdoc(func) or "",
                needs=[need for call, need in NEEDS.items() if call in names]))
    _attach_examples(entries)
    return entries


def _attach_examples(entries: list[StepEntry]) -> None:
    """The first use of each step in the features, in file order."""
    matchers = [(entry, m) for entry in entries for m in registry.steps.get(entry.keyword, [])
                if m.pattern == entry.pattern]
    for path in sorted(FEATURES.glob("*.feature")):
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios(with_outlines=True):
            for step in list(scenario.background_steps) + list(scenario.steps):
                for entry, matcher in matchers:
                    if step.step_type == entry.keyword and matcher.match(step.name) and not entry.examples:
                        entry.examples.append(f"{step.keyword.strip()} {step.name}")


def _plain(pattern: str) -> str:
    """The sentence as an analyst writes it: `{pacjent:Osoba}` -> `{pacjent}`."""
    return _FIELD.sub(lambda m: "{" + m.group(1) + "}", pattern)


def render(entries: list[StepEntry]) -> str:
    areas: dict[str, list[StepEntry]] = {}
    for entry in entries:
        areas.setdefault(AREAS.get(entry.module, entry.module), []).append(entry)
    order = [*dict.fromkeys(AREAS.values()), *sorted(set(areas) - set(AREAS.values()))]
    out = ["# Katalog kroków", "",
           "Wygenerowany z rejestru kroków behave poleceniem `make kroki` — nie edytuj ręcznie.",
           "Każde zdanie poniżej można użyć w nowym scenariuszu bez pisania kodu. Parametry w `{nawiasach}`",
           "zastąp wartością; typy parametrów i dozwolone wartości podano pod zdaniem.", ""]
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
                out.append(f"- parametr `{name}`: {allowed}")
            if entry.pages:
                out.append(f"- strona: {'; '.join(entry.pages)}")
            for need in entry.needs:
                out.append(f"- scenariusz wymaga tagu {need}")
            out.append(f"- przykład: `{entry.examples[0]}`" if entry.examples else "- przykład: (nieużywany)")
            out.append(f"- definicja: `features/steps/{entry.module}.py:{entry.line}`")
            out.append("")
    out += ["## Statystyka", "", f"- zdań: {len(entries)}", f"- nieużywanych w plikach .feature: {len(unused)}", ""]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/kroki.md is out of date")
    args = parser.parse_args(argv)
    return write_or_check(CATALOGUE, render(load_entries()), args.check, "make kroki", PROJECT_ROOT)


if __name__ == "__main__":
    sys.exit(main())

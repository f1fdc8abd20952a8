"""Generate docs/teksty-ekranow.md: every screen text the suite relies on, where the simulator shows it, and its source.

    python -m tools.screen_texts [--check]   (--check: exit 1 when docs/teksty-ekranow.md is out of date)

The suite relies on a text when a page object (pages/) or a parameter type names it; every such text is a
key of the vocabulary pages/teksty_ekranow.toml with its source: [instrukcja CeZ pkt N]
(docs/instrukcja-iikp.md), [publiczne] followed by the public IKP source, or [wybór] (the simulator's own
choice, to be checked against the real iIKP). This tool reads the vocabulary, finds each text in the
simulator's templates (the screens) and in the suite's code, and writes one table per screen.

It also answers the question a scenario meant for the real iIKP must pass (`choice_quotes`): every
quoted text in its steps is either data (a name, a medicine, what a person types: the step's parameter
types say so, harness/gherkin_types.py) or a screen text from instrukcja CeZ or a public source.
"""

from __future__ import annotations

import argparse
import ast
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pages.wording import VOCABULARY_PATH, load_vocabulary
from tools.generated import write_or_check

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DOC = PROJECT_ROOT / "docs" / "teksty-ekranow.md"
TEMPLATES = PROJECT_ROOT / "simulator" / "templates"
SOURCES = [*sorted((PROJECT_ROOT / "pages").rglob("*.py")), PROJECT_ROOT / "harness" / "gherkin_types.py"]
FEATURES = PROJECT_ROOT / "features"

KINDS = ("instrukcja CeZ", "publiczne", "wybór")  # strongest first
QUOTED = re.compile(r"„([^„”]+)”")
# Templates that are not one screen: what they are.
SHARED = {"_labels.html": "Teksty wspólne: rodzaje, statusy, etykiety",
          "ikp_layout.html": "Nagłówek każdego ekranu po zalogowaniu",
          "_contact_fields.html": "Pola danych kontaktowych („Edytuj swoje dane” i pierwsze logowanie)",
          "_recepty_tabs.html": "Zakładki „Recepty”",
          "declaration_facility.html": "Deklaracja POZ, krok 1: placówka",
          "declaration_staff.html": "Deklaracja POZ, krok 2: osoba i powód",
          "base.html": "Szkielet każdej strony"}


@dataclass
class Text:
    """A text the suite relies on, with its source and where the suite and the simulator use it."""

    text: str
    kind: str  # the strongest of its sources: instrukcja CeZ, then publiczne, then wybór
    source: str  # as the vocabulary states it, e.g. "[publiczne] pacjent.gov.pl"
    shown_as: str = ""  # what it is on screen: przycisk, nagłówek, status, ... (the vocabulary's `rodzaj`)
    where: list[str] = field(default_factory=list)  # pages/x.py
    screens: list[str] = field(default_factory=list)  # templates that show it

    @property
    def label(self) -> str:
        return self.source


def vocabulary_texts(paths: list[Path] = SOURCES) -> dict[str, Text]:
    """Every text of the vocabulary (pages/teksty_ekranow.toml), with the lines of pages/ and the parameter
    types whose string literals name it."""
    found = {text: Text(text, entry.source_kind, entry.source, entry.kind)
             for text, entry in load_vocabulary().items()}
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in found:
                where = str(path.relative_to(PROJECT_ROOT))  # no line numbers: every edit would date the document
                if where not in found[node.value].where:
                    found[node.value].where.append(where)
    for text, entry in load_vocabulary().items():
        if entry.group:  # read as a set by a parameter type (pages.wording.group)
            found[text].where.append(f"grupa „{entry.group}”")
    return found


_JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
_LITERAL = re.compile(r"""(==|!=|\bin\b\s*\(?|\bis\b|\(|:)?\s*"([^"]*)"(\s*:)?""")
_IDENTIFIER = re.compile(r"[a-z_]+")
_TAG = re.compile(r"<[^>]*>")
_SHOWN_ATTRIBUTE = re.compile(r'\b(?:value|aria-label|placeholder|title|alt)="([^"{}]*)"')


def shown_text(template_source: str) -> str:
    """What a template can show a person: its text between tags, the visible or accessible attribute
    values (a submit button's value, aria-label, placeholder), and the strings its Jinja code sets as
    values (labels, messages), but not the strings it compares or uses as keys. Whitespace folded."""
    parts = []
    for block in _JINJA.findall(template_source):
        for before, literal, key in _LITERAL.findall(block):
            if key or before in ("==", "!=", "is") or before.startswith("in"):
                continue  # a dict key or a comparison: code
            if before == ":" or not _IDENTIFIER.fullmatch(literal):  # a dict value, or text-like
                parts.append(literal)
    markup = _JINJA.sub(" ", template_source)
    parts += _SHOWN_ATTRIBUTE.findall(markup)
    parts.append(_TAG.sub(" ", markup))
    return " ".join(" ".join(parts).split())


def _template_texts() -> dict[str, str]:
    """Template name -> what it can show (see shown_text)."""
    return {path.name: shown_text(path.read_text(encoding="utf-8")) for path in sorted(TEMPLATES.glob("*.html"))}


def _template_sources() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(TEMPLATES.glob("*.html"))}


def screen_title(template: str, source: str) -> str:
    match = re.search(r"\{% block h1 %\}(.*?)\{% endblock %\}", source)
    title = match.group(1).strip() if match else ""
    return title if title and "{" not in title else SHARED.get(template, f"ekran {template}")


def screen_texts() -> list[Text]:
    """Every text of the vocabulary, each with the screens (templates) of the simulator showing it; those
    shown on a screen first (by their first screen), then those it shows on none word for word."""
    templates = _template_texts()
    texts = []
    for text in vocabulary_texts().values():
        folded = " ".join(text.text.split())
        text.screens = [name for name, source in templates.items() if len(folded) > 1 and folded in source]
        texts.append(text)
    return sorted(texts, key=lambda t: (not t.screens, t.screens[0] if t.screens else "", t.text))


def render(texts: list[Text]) -> str:
    templates = _template_sources()
    vocabulary = VOCABULARY_PATH.relative_to(PROJECT_ROOT)
    out = ["# Teksty ekranów, na których opiera się zestaw", "",
           f"Wygenerowany poleceniem `make teksty` (`python -m tools.screen_texts`) ze słownika `{vocabulary}`",
           "(z niego czytają obiekty stron `pages/` i typy parametrów kroków `harness/gherkin_types.py`) oraz z",
           "szablonów symulatora (`simulator/templates/`) — nie edytuj ręcznie; test",
           "`tests/harness/test_screen_texts.py` pilnuje, że jest aktualny.", "",
           "Źródło każdego tekstu:",
           "- **[instrukcja CeZ pkt N]** — instrukcja Centrum e-Zdrowia dla iIKP (`docs/instrukcja-iikp.md`);",
           "- **[publiczne]** — publiczny opis IKP (strony pacjent.gov.pl, poradniki przychodni, ustawa);",
           "- **[wybór]** — wybór symulatora: nikt publicznie tego nie opisuje, więc na prawdziwym iIKP może brzmieć",
           "  inaczej. Scenariusz bez `@symulator` nie może go cytować w cudzysłowie.", "",
           "Gdy prawdziwe iIKP pokazuje inny tekst, nie zmienia się kodu ani słownika: tekst z kolumny „tekst”",
           "staje się kluczem nakładki `-D teksty=PLIK.toml` (`\"tekst\" = \"tekst na tym iIKP\"`, wzór:",
           "`teksty.example.toml`, opis: `docs/prawdziwe-iikp.md`).", ""]
    by_screen: dict[str, list[Text]] = {}
    for text in texts:
        by_screen.setdefault(text.screens[0] if text.screens else "", []).append(text)
    for template, entries in by_screen.items():
        title = (f"{screen_title(template, templates[template])} (`{template}`)" if template
                 else "Teksty, których szablony symulatora nie zawierają dosłownie (fragmenty, wartości puste)")
        out += [f"## {title}", "", "| tekst | rodzaj | źródło | w zestawie |", "|---|---|---|---|"]
        for text in entries:
            also = f" (także: {', '.join(t for t in text.screens[1:])})" if len(text.screens) > 1 else ""
            out.append(f"| „{text.text}” | {text.shown_as} | {text.label}{also} | "
                       f"{', '.join(f'`{w}`' for w in text.where)} |")
        out.append("")
    counts = {kind: sum(1 for t in texts if t.kind == kind) for kind in KINDS}
    out += ["## Statystyka", "", *(f"- {kind}: {n}" for kind, n in counts.items()), ""]
    return "\n".join(out)


# -- quoted texts in scenarios that run on the real iIKP ----------------------------------------------------
def choice_quotes(paths: list[Path] | None = None) -> list[str]:
    """Quoted screen texts in steps of scenarios without @symulator that are not [instrukcja]/[publiczne].

    A quote is a screen text when it is part of the step sentence itself, or the value of a parameter
    whose type is a screen text (harness/gherkin_types.py); quotes of data parameters are left out.
    Returns one line per offence: 'file:line: „text” (source)'.
    """
    from behave.parser import parse_file
    from behave.runner_util import load_step_modules
    from behave.step_registry import registry

    from harness import gherkin_types

    gherkin_types.register()
    if not registry.steps.get("given"):
        load_step_modules([str(FEATURES / "steps")])
    known = vocabulary_texts()
    offences = []
    for path in paths or sorted(FEATURES.glob("*.feature")):
        feature = parse_file(str(path))
        for scenario in feature.walk_scenarios():
            if "symulator" in scenario.effective_tags:
                continue
            for step in [*scenario.background_steps, *scenario.steps]:
                for text in _screen_quotes(step, registry):
                    entry = known.get(text)
                    if entry is None or entry.kind == "wybór":
                        why = "brak w docs/teksty-ekranow.md" if entry is None else "[wybór]"
                        offences.append(f"{path.name}:{step.line}: „{text}” ({why})")
    return sorted(set(offences))


def _screen_quotes(step, registry) -> list[str]:
    """The quoted screen texts of a step: quotes outside data parameters."""
    definition = registry.find_step_definition(step)
    match = registry.find_match(step) if definition else None
    if match is None:
        return QUOTED.findall(step.name)
    data_spans = []
    for argument in match.arguments or []:
        converter = _converter(definition.pattern, argument.name)
        if getattr(converter, "kind", "dane") == "dane" and argument.start is not None:
            data_spans.append((argument.start, argument.end))
    quotes = []
    for found in QUOTED.finditer(step.name):
        if not any(start - 1 <= found.start() and found.end() <= end + 1 for start, end in data_spans):
            quotes.append(found.group(1))
    return quotes


def _converter(pattern: str, name: str):
    typed = re.search(r"\{" + re.escape(name) + r":(\w+)\}", pattern)
    if typed is None:
        return None  # an untyped parameter is data
    from harness.gherkin_types import TYPES

    return TYPES.get(typed.group(1), (None, None))[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/teksty-ekranow.md is out of date")
    args = parser.parse_args(argv)
    return write_or_check(DOC, render(screen_texts()), args.check, "make teksty", PROJECT_ROOT)


if __name__ == "__main__":
    sys.exit(main())

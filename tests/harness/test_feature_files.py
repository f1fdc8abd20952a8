"""The feature files read as business documentation (issue 26 pt 3, issue 27 pt 5)."""

from __future__ import annotations

import re
from pathlib import Path

from behave.configuration import Configuration
from behave.parser import parse_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FEATURES = sorted((PROJECT_ROOT / "features").glob("*.feature"))
SUITE_WORDS = re.compile(r"\b(zestaw|zestawu|zestawem|zestawowi|zestawie)\b", re.IGNORECASE)
TOOL_WORDS = re.compile(r"(^|\s)-D\s|\bmake\b|`|\bAPI\b|docs/|\.md\b|\bbehave\b|\bzestaw\w*|\badapter\w*|@\w")


def scenario_names() -> list[str]:
    """Scenario names as the run names them, with behave.ini's outline annotation schema."""
    schema = Configuration(command_args=[], load_config=True).scenario_outline_annotation_schema
    from behave.model import ScenarioOutline

    ScenarioOutline.annotation_schema = schema
    return [s.name for f in FEATURES for s in parse_file(str(f), language="pl").walk_scenarios()]


def test_outline_rows_are_named_by_their_values_and_every_name_is_unique():
    names = scenario_names()
    assert len(names) >= 70
    assert [n for n in names if "-- @" in n] == []
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)


def test_one_and_keyword():
    offenders = [f"{f.name}:{number}" for f in FEATURES
                 for number, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                 if line.lstrip().startswith("Oraz ")]
    assert offenders == [], "write „I”, not „Oraz”: " + ", ".join(offenders)


def test_narratives_carry_no_tool_words():
    offenders = []
    for path in FEATURES:
        feature = parse_file(str(path), language="pl")
        for text in [*feature.description, *(line for s in feature.walk_scenarios() for line in s.description)]:
            if TOOL_WORDS.search(text):
                offenders.append(f"{path.name}: {text}")
    assert offenders == [], offenders


def test_no_scenario_speaks_of_the_suite():
    """What the suite itself does (retries, verdicts, reports) is proven in tests/, not in business features."""
    offenders = [f"{path.name}:{scenario.line}: {text}"
                 for path in FEATURES for scenario in parse_file(str(path), language="pl").walk_scenarios()
                 for text in [scenario.name, *(step.name for step in scenario.steps)]
                 if SUITE_WORDS.search(text)]
    assert offenders == [], offenders


def test_the_suite_words_are_found():
    assert SUITE_WORDS.search("po wyczerpaniu ponowień zestaw zgłasza awarię testowego Profilu Zaufanego")
    assert SUITE_WORDS.search("Zestawu testów nie ma") and not SUITE_WORDS.search("zestawienie leków")


# -- names from the screen: quoted as the screen shows them, never declined ---------------------------------------
QUOTED = re.compile(r"„([^„”]+)”")
# Where an analyst reads or writes a screen's name: the features, the step sentences and their docstrings
# (docs/kroki.md is generated from them), the README's examples and the glossary.
ANALYSTS_TEXTS = [*FEATURES, *sorted((PROJECT_ROOT / "features" / "steps").glob("*.py")),
                  PROJECT_ROOT / "README.md", PROJECT_ROOT / "docs" / "slownik.md"]


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def declined_screen_name(quoted: str, screen_texts: list[str]) -> str | None:
    """The screen text of which `quoted` is another grammatical form („Uprawnieniach” -> „Uprawnienia”), or None.

    Another form: not the text itself (letter case aside), the same number of words, and each word is the
    other's or keeps its stem (both at least 3 letters, alike in all but the last 4 letters of the longer and
    in at least half of the shorter).
    """
    words = quoted.lower().split()
    if quoted.lower() in {text.lower() for text in screen_texts}:
        return None
    for text in screen_texts:
        names = text.lower().split()
        if len(names) == len(words) and all(_same_word(w, n) for w, n in zip(words, names, strict=True)):
            return text
    return None


def _same_word(word: str, other: str) -> bool:
    """The same word, or another form of it."""
    shorter, longer = sorted((len(word), len(other)))
    stem = _common_prefix(word, other)
    return word == other or (shorter >= 3 and stem >= max(2, longer - 4) and 2 * stem >= shorter)


def test_declined_screen_name_recognises_other_forms_and_leaves_data_alone():
    texts = ["Uprawnienia", "Zamówione recepty", "Moje konto", "Pomiń", "Odrzucone", "Wycofane", "Od", "Status"]
    assert declined_screen_name("Uprawnieniach", texts) == "Uprawnienia"
    assert declined_screen_name("Uprawnień", texts) == "Uprawnienia"
    assert declined_screen_name("Zamówionych receptach", texts) == "Zamówione recepty"
    assert declined_screen_name("Moim koncie", texts) == "Moje konto"
    for fine in ("Uprawnienia", "Moje konto", "wycofane", "od", "odmowa", "strona", "Pominięty", "Metformina 500 mg",
                 "Przychodnia Zdrowie"):
        assert declined_screen_name(fine, texts) is None, fine


def test_screen_names_are_quoted_as_the_screen_shows_them():
    from pages.wording import load_vocabulary

    screen_texts = list(load_vocabulary())
    offenders = [f"{path.relative_to(PROJECT_ROOT)}:{number}: „{quoted}” zamiast „{text}”"
                 for path in ANALYSTS_TEXTS
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 for quoted in QUOTED.findall(line)
                 if (text := declined_screen_name(quoted, screen_texts))]
    assert offenders == [], ("nazwę z ekranu cytuj tak, jak pokazuje ją ekran, w mianowniku "
                             "(docs/kroki.md, „Jak czytać katalog”): " + "; ".join(offenders))

"""The feature files read as business documentation (issue 26 pt 3, issue 27 pt 5)."""

from __future__ import annotations

import re
from pathlib import Path

from behave.configuration import Configuration
from behave.parser import parse_file

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FEATURES = sorted((PROJECT_ROOT / "features").glob("*.feature"))
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

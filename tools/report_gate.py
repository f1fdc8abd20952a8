"""What `make report` and `make test` ask about the Allure results and the built report.

    python -m tools.report_gate history RESULTS [--runs FILE]   prints 1 when this run belongs in the trend
    python -m tools.report_gate recorded RESULTS [--runs FILE]  notes that this run is now in the trend
    python -m tools.report_gate check REPORT [--features DIR] [--tags EXPR]
                                                     exit 1 unless the built report counts every
                                                     scenario of the features passed

A run enters the history (the report's trend) once, and only when it ran something: results of which
at least one is not skipped. A dry run writes no results, and a run stopped by its set-up writes none
or only skipped ones, so neither enters it; building the report again from the same results does not
add the same run twice.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from harness.config import PROJECT_ROOT

# Allure's statuses as its Polish UI and the console summary name them
STATUS_WORDS = {"failed": "nieudane", "broken": "uszkodzone", "skipped": "pominięte", "unknown": "nieznane"}
HISTORY_RUNS = PROJECT_ROOT / "reports" / "history" / "runs.txt"  # fingerprints of the runs in the trend


def results_of(folder: Path) -> list[dict]:
    results = []
    for path in sorted(folder.glob("*-result.json")):
        try:
            results.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, json.JSONDecodeError):
            continue
    return results


def fingerprint(folder: Path) -> str:
    """One run's identity: its result files' names (uuids, fresh for every run)."""
    names = "\n".join(sorted(p.name for p in folder.glob("*-result.json")))
    return hashlib.sha256(names.encode("utf-8")).hexdigest()[:32]


def belongs_in_history(folder: Path, runs_file: Path = HISTORY_RUNS) -> tuple[bool, str]:
    """(whether to append this run to the trend, why not in Polish)."""
    results = results_of(folder)
    if not results:
        return False, "brak wyników (przebieg na sucho albo nieudane przygotowanie)"
    if all(r.get("status") == "skipped" for r in results):
        return False, "wszystkie scenariusze pominięte (nieudane przygotowanie przebiegu)"
    known = runs_file.read_text(encoding="utf-8").split() if runs_file.is_file() else []
    if fingerprint(folder) in known:
        return False, "ten przebieg jest już w historii"
    return True, ""


def record(folder: Path, runs_file: Path = HISTORY_RUNS) -> None:
    runs_file.parent.mkdir(parents=True, exist_ok=True)
    with runs_file.open("a", encoding="utf-8") as handle:
        handle.write(fingerprint(folder) + "\n")


def expected_scenarios(features: Path, tags: str | None = None) -> list[str]:
    """The names of the scenarios (outline rows one by one) a run of `features` on the simulator reports."""
    from behave.parser import parse_file
    from behave.tag_expression import make_tag_expression

    expression = make_tag_expression(tags) if tags else None
    names = []
    for path in sorted(features.glob("**/*.feature")):
        feature = parse_file(str(path), language="pl")
        for scenario in feature.walk_scenarios():
            if expression is None or expression.check(scenario.effective_tags):
                names.append(scenario.name)
    return names


def check(report: Path, expected: int) -> list[str]:
    """What is wrong with the built report's summary.json (empty: every one of `expected` scenarios passed)."""
    summary_file = report / "summary.json"
    if not summary_file.is_file():
        return [f"brak {summary_file}: raport nie został zbudowany"]
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    stats = summary.get("stats", {})
    problems = []
    total, passed = stats.get("total", 0), stats.get("passed", 0)
    if total != expected:
        problems.append(f"raport liczy {total} scenariuszy, a pliki .feature mają ich {expected}")
    if passed != total:
        others = ", ".join(f"{word}: {stats[key]}" for key, word in STATUS_WORDS.items() if stats.get(key))
        problems.append(f"udanych {passed} z {total} ({others or 'inne stany'})")
    if summary.get("status") != "passed":
        problems.append(f"stan raportu: {summary.get('status')}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.report_gate", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("history", "recorded"):
        command = commands.add_parser(name)
        command.add_argument("results", type=Path)
        command.add_argument("--runs", type=Path, default=HISTORY_RUNS, help="the trend's list of runs")
    checking = commands.add_parser("check")
    checking.add_argument("report", type=Path)
    checking.add_argument("--features", type=Path, default=PROJECT_ROOT / "features")
    checking.add_argument("--tags")
    options = parser.parse_args(argv)
    if options.command == "history":
        append, why = belongs_in_history(options.results, options.runs)
        if not append:
            print(f"Historia raportu bez zmian: {why}.", file=sys.stderr)
        print(1 if append else 0)
        return 0
    if options.command == "recorded":
        record(options.results, options.runs)
        return 0
    expected = len(expected_scenarios(options.features, options.tags))
    problems = check(options.report, expected)
    if problems:
        print("Raport HTML nie pokazuje wszystkich scenariuszy udanych: " + "; ".join(problems) + ".",
              file=sys.stderr)
        return 1
    print(f"Raport HTML: wszystkie {expected} scenariusze udane (summary.json).")
    return 0


if __name__ == "__main__":
    sys.exit(main())

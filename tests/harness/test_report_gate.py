"""tools.report_gate: which runs enter the report's trend, and the check of the built report's summary."""

from __future__ import annotations

import json
from pathlib import Path

from tools.report_gate import belongs_in_history, check, expected_scenarios, record

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def write_results(folder: Path, *statuses: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, status in enumerate(statuses):
        (folder / f"{number:04d}-result.json").write_text(json.dumps({"name": f"s{number}", "status": status}))
    return folder


def test_a_run_enters_the_trend_once(tmp_path):
    results, runs = write_results(tmp_path / "r", "passed", "failed"), tmp_path / "h" / "runs.txt"
    assert belongs_in_history(results, runs) == (True, "")
    record(results, runs)
    assert belongs_in_history(results, runs) == (False, "ten przebieg jest już w historii")


def test_no_results_or_only_skipped_ones_never_enter_the_trend(tmp_path):
    runs = tmp_path / "runs.txt"
    assert belongs_in_history(tmp_path / "missing", runs)[0] is False
    assert belongs_in_history(write_results(tmp_path / "empty"), runs)[0] is False
    skipped = write_results(tmp_path / "skipped", "skipped", "skipped")
    assert belongs_in_history(skipped, runs) == (False, "wszystkie scenariusze pominięte (nieudane przygotowanie "
                                                        "przebiegu)")


def write_summary(report: Path, stats: dict, status: str) -> Path:
    report.mkdir(parents=True, exist_ok=True)
    (report / "summary.json").write_text(json.dumps({"stats": stats, "status": status, "retryTests": []}))
    return report


def test_check_passes_only_when_every_expected_scenario_passed(tmp_path):
    assert check(write_summary(tmp_path / "ok", {"total": 3, "new": 3, "passed": 3}, "passed"), 3) == []
    skipped = check(write_summary(tmp_path / "sk", {"total": 3, "passed": 0, "skipped": 3}, "passed"), 3)
    assert skipped == ["zaliczonych 0 z 3 (skipped: 3)"]
    fewer = check(write_summary(tmp_path / "few", {"total": 2, "passed": 2}, "passed"), 3)
    assert fewer == ["raport liczy 2 scenariuszy, a pliki .feature mają ich 3"]
    broken = check(write_summary(tmp_path / "br", {"total": 3, "passed": 2, "broken": 1}, "failed"), 3)
    assert broken == ["zaliczonych 2 z 3 (broken: 1)", "stan raportu: failed"]
    assert check(tmp_path / "none", 3) == [f"brak {tmp_path / 'none' / 'summary.json'}: raport nie został zbudowany"]


def test_expected_scenarios_counts_outline_rows_and_follows_tags():
    every = expected_scenarios(PROJECT_ROOT / "features")
    smoke = expected_scenarios(PROJECT_ROOT / "features", "@smoke")
    assert len(every) >= 74
    assert 0 < len(smoke) < len(every)

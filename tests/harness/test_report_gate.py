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
    assert skipped == ["udanych 0 z 3 (pominięte: 3)"]
    fewer = check(write_summary(tmp_path / "few", {"total": 2, "passed": 2}, "passed"), 3)
    assert fewer == ["raport liczy 2 scenariuszy, a pliki .feature mają ich 3"]
    broken = check(write_summary(tmp_path / "br", {"total": 3, "passed": 2, "broken": 1}, "failed"), 3)
    assert broken == ["udanych 2 z 3 (uszkodzone: 1)", "stan raportu: failed"]
    assert check(tmp_path / "none", 3) == [f"brak {tmp_path / 'none' / 'summary.json'}: raport nie został zbudowany"]


def test_expected_scenarios_counts_outline_rows_and_follows_tags():
    every = expected_scenarios(PROJECT_ROOT / "features")
    smoke = expected_scenarios(PROJECT_ROOT / "features", "@smoke")
    assert len(every) >= 74
    assert 0 < len(smoke) < len(every)


def test_one_epic_per_scenario():
    from harness.allure_formatter import epic_of

    assert epic_of(["zgody", "instrukcja-1"], ["critical"]) == "Zgody"
    assert epic_of(["sciezki"], ["zgody", "wylogowanie"]) == "Ścieżki pacjenta"
    assert epic_of(["smoke"], ["logowanie", "wylogowanie"]) == "Logowanie"
    assert epic_of(["smoke"], ["zgody", "e-recepta"]) == "Ścieżki pacjenta"
    assert epic_of([], ["normal"]) is None


def test_instruction_links_are_absolute_on_gitlab_github_and_locally():
    from harness.allure_formatter import instruction_url

    gitlab = instruction_url({"CI_PROJECT_URL": "https://gitlab.example.com/qa/iikp", "CI_COMMIT_SHA": "abc"})
    assert gitlab == "https://gitlab.example.com/qa/iikp/-/blob/abc/docs/instrukcja-iikp.md"
    github = instruction_url({"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "qa/iikp",
                              "GITHUB_SHA": "abc"})
    assert github == "https://github.com/qa/iikp/blob/abc/docs/instrukcja-iikp.md"
    assert instruction_url({}).startswith("file:///") and instruction_url({}).endswith("/instrukcja-iikp.html")


def test_the_instruction_page_keeps_its_anchors():
    from tools.instrukcja_html import SOURCE, to_html

    page = to_html(SOURCE.read_text(encoding="utf-8"))
    for anchor in ("pkt-1", "pkt-2-2", "pkt-2-3", "pkt-3-1", "pkt-3-2"):
        assert f'<a id="{anchor}"></a>' in page
    assert "<h3>Pkt 2.3</h3>" in page


def test_executor_links_the_ci_job():
    from harness.reporting import executor

    gitlab = executor({"GITLAB_CI": "true", "CI_JOB_URL": "https://gitlab.example.com/qa/iikp/-/jobs/7",
                       "CI_JOB_NAME": "zestaw-na-symulatorze", "CI_JOB_ID": "7", "CI_PIPELINE_IID": "3"})
    assert (gitlab["name"], gitlab["buildUrl"], gitlab["buildOrder"]) == (
        "GitLab CI", "https://gitlab.example.com/qa/iikp/-/jobs/7", 3)
    github = executor({"GITHUB_ACTIONS": "true", "GITHUB_SERVER_URL": "https://github.com",
                       "GITHUB_REPOSITORY": "qa/iikp", "GITHUB_RUN_ID": "99", "GITHUB_RUN_NUMBER": "5",
                       "GITHUB_WORKFLOW": "iIKP"})
    assert github["buildUrl"] == "https://github.com/qa/iikp/actions/runs/99" and github["buildName"] == "iIKP #5"
    jenkins = executor({"JENKINS_URL": "https://ci.example.com/", "BUILD_URL": "https://ci.example.com/job/iikp/4/",
                        "JOB_NAME": "iikp", "BUILD_NUMBER": "4"})
    assert (jenkins["name"], jenkins["buildUrl"], jenkins["buildName"]) == (
        "Jenkins", "https://ci.example.com/job/iikp/4/", "iikp #4")
    assert executor({})["name"] == "lokalnie"


def test_run_variables_have_polish_keys_and_say_symulator():
    from harness.config import Settings
    from harness.reporting import run_variables

    shown = run_variables(Settings(), "http://127.0.0.1:44849", "http://127.0.0.1:44850", "chrome 156.0")
    assert shown["Adres iIKP"] == "symulator" and shown["Przeglądarka"] == "chrome 156.0"
    assert {"Cel", "Tryb bez okna", "Kod HTML ekranów", "Interfejs", "Selenium Grid"} <= set(shown)
    real = run_variables(Settings(target="iikp", base_url="https://iikp.ezdrowie.gov.pl"),
                         "https://iikp.ezdrowie.gov.pl", "https://iikpmock.ezdrowie.gov.pl:8888", "chrome 156")
    assert real["Adres iIKP"] == "https://iikp.ezdrowie.gov.pl" and real["Cel"] == "prawdziwe iIKP"

"""The report is true after every command: a real run, then a dry run, then `make report` (issue 26).

A dry run writes no Allure results and no JUnit; the built report's summary.json counts every scenario
of the real run passed, none skipped, no retries; the run enters the trend once, however often the report
is built; a new run starts from a fresh results folder unless `-D append_results=true`.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.meta.conftest import PROJECT_ROOT, allure_results, behave, isolated_ini, run_suite
from tools.report_gate import expected_scenarios

pytestmark = pytest.mark.meta

FEATURE = "features/wylogowanie.feature"


def make_report(results: Path, report: Path, history: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["make", "--no-print-directory", "report", f"RESULTS={results}", f"REPORT={report}",
                           f"HISTORY_DIR={history}"], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=300)


def summary(report: Path) -> dict:
    return json.loads((report / "summary.json").read_text(encoding="utf-8"))


def test_real_run_then_dry_run_then_report_counts_every_scenario_passed(tmp_path, simulator):
    expected = len(expected_scenarios(PROJECT_ROOT / "features"))
    run, results = run_suite(tmp_path, simulator, FEATURE)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    real = {p.name: p.stat().st_mtime_ns for p in results.iterdir()}
    scenarios = len(allure_results(results))
    assert scenarios == 3

    # a dry run of every feature, with the same behave.ini (Allure formatter and JUnit on)
    junit = tmp_path / "junit"
    cwd = isolated_ini(tmp_path / "dry", results, junit)
    dry = behave("--dry-run", cwd=cwd)
    assert dry.returncode == 0, dry.stdout[-2000:] + dry.stderr[-2000:]
    assert f"{expected} untested" in dry.stdout
    assert {p.name: p.stat().st_mtime_ns for p in results.iterdir()} == real, "the dry run changed the results"
    assert not junit.exists(), "the dry run wrote JUnit"

    report, history = tmp_path / "report", tmp_path / "history"
    built = make_report(results, report, history)
    assert built.returncode == 0, built.stdout + built.stderr
    shown = summary(report)
    assert shown["stats"] == {"total": scenarios, "new": scenarios, "passed": scenarios}, shown["stats"]
    assert shown["status"] == "passed"
    assert shown["retryTests"] == [] and shown["flakyTests"] == []
    trend = (history / "history.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(trend) == 1

    # the same results built again, and a dry run's empty folder, add nothing to the trend
    assert make_report(results, report, history).returncode == 0
    empty = tmp_path / "empty-results"
    dry_only = behave("--dry-run", cwd=isolated_ini(tmp_path / "dry2", empty))
    assert dry_only.returncode == 0
    assert not empty.exists() or not any(empty.iterdir()), "a dry run wrote Allure results"
    empty.mkdir(exist_ok=True)
    again = make_report(empty, tmp_path / "report-empty", history)
    assert "Historia raportu bez zmian" in again.stderr, again.stderr
    assert len((history / "history.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_a_new_run_starts_a_fresh_results_folder_unless_asked(tmp_path, simulator):
    first, results = run_suite(tmp_path, simulator, FEATURE + ":9")
    assert first.returncode == 0, first.stdout[-2000:]
    assert len(allure_results(results)) == 1
    second, _ = run_suite(tmp_path, simulator, FEATURE + ":15")
    assert second.returncode == 0, second.stdout[-2000:]
    names = [r["name"] for r in allure_results(results)]
    assert names == ["Powrót przyciskiem „Wstecz” po wylogowaniu nie pokazuje konta"], names
    third, _ = run_suite(tmp_path, simulator, "-D", "append_results=true", FEATURE + ":9")
    assert third.returncode == 0, third.stdout[-2000:]
    assert len(allure_results(results)) == 2
    labels = [{label["name"]: label["value"] for label in r["labels"]} for r in allure_results(results)]
    assert all(label.get("host") and label.get("thread") for label in labels), labels


def test_results_read_as_living_documentation(tmp_path, simulator):
    run, results = run_suite(tmp_path, simulator, "features/logowanie.feature")
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    found = allure_results(results)
    names = [r["name"] for r in found]
    assert len(names) == len(set(names)) >= 5, names
    assert not [n for n in names if "-- @" in n], names
    assert "Testowy Profil Zaufany odrzuca nieprawidłowy numer PESEL: za krótki numer" in names, names
    for result in found:
        labels = [(label["name"], label["value"]) for label in result["labels"]]
        assert [value for name, value in labels if name == "epic"] == ["Logowanie"], labels
        assert {name for name, _ in labels} >= {"host", "thread", "story"}
        assert "Jako " not in (result.get("description") or ""), "the feature's narrative is repeated per scenario"
        for link in result.get("links", []):
            assert link["url"].startswith(("file:///", "https://")) and "#pkt-" in link["url"], link
    narratives = list(results.glob("funkcja-*-globals.json"))
    assert len(narratives) == 1
    source = json.loads(narratives[0].read_text(encoding="utf-8"))["attachments"][0]["source"]
    page = (results / source).read_text(encoding="utf-8")
    assert "Jako pacjent" in page and "<br>" in page


def test_make_run_shows_every_passed_scenarios_final_screen_unless_args_say_otherwise(tmp_path, simulator):
    # (`make -n run` would run it: its recipe calls $(MAKE)) the value, and the user's ARGS after it (the last wins)
    def run_defines(*assignments):
        return subprocess.run(["make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", "run-defines",
                               *assignments], input="run-defines:\n\t@echo $(RUN_DEFINES)\n", cwd=PROJECT_ROOT,
                              capture_output=True, text=True, timeout=60).stdout.strip()

    assert run_defines() == "-D screenshots=final"
    # the real iIKP's screens may show the test patients' personal data: no picture of every screen there
    assert run_defines("ARGS=-D target=iikp -D accounts=accounts.ini") == run_defines("IIKP_TARGET=iikp") == ""
    recipe = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8").split("\nrun:", 1)[1].split("\n\n", 1)[0]
    runners = [line for line in recipe.splitlines() if "$(ARGS)" in line]
    assert len(runners) == 2 and all(line.index("$(RUN_DEFINES)") < line.index("$(ARGS)") for line in runners)
    run, results = run_suite(tmp_path, simulator, "-D", "screenshots=final", FEATURE)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    found = allure_results(results)
    assert [r["status"] for r in found] == ["passed"] * 3
    for result in found:
        finals = [a for a in result.get("attachments", []) if a["name"] == "Stan końcowy"]
        assert [a["type"] for a in finals] == ["image/png"], result["name"]
        assert (results / finals[0]["source"]).read_bytes().startswith(b"\x89PNG"), result["name"]


@pytest.mark.parametrize(("chaos", "message", "seen"), [
    ("pz_error=1", "Awaria środowiska: testowy Profil Zaufany (ekran błędu z instrukcji CeZ, pkt 3.1)",
     "Ekran błędu z instrukcji CeZ, pkt 3.1"),
    # a test PZ that does not answer: the page-load limit is three times `timeout` (here 3 s)
    ("pz_timeout=1", "Awaria środowiska: testowy Profil Zaufany nie odpowiada (strona nie wczytała się w wyznaczonym "
     "czasie; instrukcja CeZ, pkt 3.1)", "Strona nie wczytała się w wyznaczonym czasie; instrukcja CeZ, pkt 3.1"),
], ids=["ekran-3.1", "pz-nie-odpowiada"])
def test_one_outage_gives_one_stable_message_with_details_in_attachments(tmp_path, chaos, message, seen):
    from harness.simulator import SimulatorProcess

    outage = SimulatorProcess(chaos=chaos).start()
    try:
        run, results = run_suite(tmp_path, outage, "-D", "retries=0", "-D", "timeout=1", FEATURE + ":9",
                                 FEATURE + ":15")
    finally:
        outage.stop()
    found = allure_results(results)
    assert [r["status"] for r in found] == ["broken", "broken"], [r.get("statusDetails") for r in found]
    messages = {r["statusDetails"]["message"] for r in found}
    assert messages == {message}, messages
    for result in found:
        trace = result["statusDetails"].get("trace", "")
        assert trace and "site-packages" not in trace and "behave" not in trace.replace("features/", ""), trace
        assert "features/steps/" in trace, trace  # the step's own frame first
        attachments = [a for step in result["steps"] for a in step.get("attachments", [])] + result.get(
            "attachments", [])
        where = [a for a in attachments if a["name"] == "Awaria środowiska: adres i czas"]
        assert where, [a["name"] for a in attachments]
        lines = (results / where[0]["source"]).read_text(encoding="utf-8").splitlines()
        assert lines[0] == seen and lines[1].startswith("Adres: http://127.0.0.1:"), lines
    assert run.returncode == 3, run.stdout[-1500:]

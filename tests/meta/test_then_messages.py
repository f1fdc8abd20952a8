"""A `Wtedy` step that fails says why in the scenario's words: the subject, the expected and what the screen shows."""

from __future__ import annotations

from harness.simulator import TOKEN_ENV
from tests.meta.conftest import allure_results, behave, throwaway_project

WRONG_EXPECTATION = """# language: pl
@e-recepta
Funkcja: Celowo błędne oczekiwanie (meta-test)

  Scenariusz: Zamówienie tuż po złożeniu nie jest jeszcze zrealizowane
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak zamawia receptę na „Metformina 500 mg”
    Wtedy Jan Nowak widzi to zamówienie jako zrealizowane
"""

EXPECTED = "zamówienie na „Metformina 500 mg”: oczekiwano „zrealizowane”, na ekranie „Złożone”"


def test_a_wrong_expectation_fails_with_a_polish_reason_naming_expected_and_shown(tmp_path, simulator):
    results = tmp_path / "results"
    project = throwaway_project(tmp_path / "project", WRONG_EXPECTATION, results)
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", "-f", "plain",
                 "--no-junit", cwd=project, env={TOKEN_ENV: simulator.token}, timeout=300)
    console = run.stdout + run.stderr
    assert run.returncode == 1, console[-3000:]
    assert EXPECTED in console, console[-3000:]
    assert "Expected" not in console and "but: was" not in console  # no hamcrest English
    [result] = allure_results(results)
    assert result["status"] == "failed"  # a product failure, not a broken (environment or suite) one
    assert EXPECTED in result["statusDetails"]["message"]

"""An analyst's new scenario, written only from sentences of docs/kroki.md, runs green with no new step code."""

from __future__ import annotations

import pytest

from tests.meta.conftest import PROJECT_ROOT, allure_results, behave, throwaway_project

pytestmark = pytest.mark.meta

CONSENT = "Zgoda na udzielanie informacji o stanie zdrowia"
NEW_SCENARIO = f"""# language: pl
@zgody @e-recepta @symulator
Funkcja: Scenariusz analityka złożony z katalogu kroków

  Scenariusz: Jan Nowak wycofuje upoważnienie, zamawia receptę i wylogowuje się
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Oraz Jan Nowak ma już aktywne uprawnienie „{CONSENT}” dla Ewy Nowak
    Gdy Jan Nowak wycofuje to uprawnienie
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako wycofane
    Gdy Jan Nowak zamawia receptę na „Metformina 500 mg”
    Wtedy Jan Nowak widzi to zamówienie jako złożone
    Gdy Jan Nowak wylogowuje się przyciskiem „Wyloguj się”
    Wtedy Jan Nowak nie jest już zalogowany w iIKP
"""


def test_every_sentence_of_the_new_scenario_is_in_the_catalogue():
    catalogue = (PROJECT_ROOT / "docs" / "kroki.md").read_text(encoding="utf-8")
    for fragment in ("ma już aktywne uprawnienie", "wycofuje to uprawnienie", "zamawia receptę na",
                     "widzi to zamówienie jako", "wylogowuje się przyciskiem", "nie jest już zalogowany"):
        assert fragment in catalogue


def test_new_scenario_from_the_catalogue_runs_green(tmp_path, simulator):
    results = tmp_path / "results"
    project = throwaway_project(tmp_path / "project", NEW_SCENARIO, results)
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", cwd=project,
                 env={"IIKP_SIM_TOKEN": simulator.token}, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    [result] = allure_results(results)
    assert result["status"] == "passed"
    assert len(result["steps"]) == 8

"""Issue 25's Done-when proofs that need the overlay applied by the page engine (pages/dom.py, dayone's point 2)
on the reworded simulator (tests/data/przeformulowane.toml).

- With the overlay, the whole suite passes on the reworded simulator.
- Without it, at least 90% of the failing scenarios name the exact missing text (the failure messages of
  pages/missing.py, dayone's point 4).
"""

from __future__ import annotations

import sys

import pytest

from tests.meta.conftest import allure_results, run_suite
from tests.meta.test_another_iikp import REWORDED, TEXTS, last_attempts, message

pytestmark = pytest.mark.meta


# -- Done when: the overlay makes the reworded simulator pass ---------------------------------------------------
def test_with_the_overlay_the_whole_suite_passes_on_the_reworded_simulator(tmp_path):
    run, results = run_suite(tmp_path, None, "-D", f"sim_reword={REWORDED}", "-D", f"teksty={REWORDED}",
                             "-f", "progress", timeout=1500)
    outcomes = last_attempts(allure_results(results))
    troubles = [(r["name"], message(r)[:300]) for r in outcomes if r["status"] != "passed"]
    assert run.returncode == 0 and not troubles, (troubles, (run.stdout + run.stderr)[-2000:])
    assert len(outcomes) >= 74


# The features whose screens show the reworded texts (the others pass without the overlay as well).
REWORDED_FEATURES = ("features/zgody.feature", "features/e_recepta.feature", "features/deklaracja_poz.feature",
                     "features/sciezki_pacjenta.feature")


def test_without_the_overlay_failures_name_the_missing_text(tmp_path):
    run, results = run_suite(tmp_path, None, "-D", f"sim_reword={REWORDED}", "-D", "retries=0",
                             "-D", "timeout=2", "-f", "progress", *REWORDED_FEATURES, timeout=1500)
    outcomes = last_attempts(allure_results(results))
    failing = [r for r in outcomes if r["status"] in ("failed", "broken")]
    named = [r for r in failing if any(f"„{text}”" in message(r) for text in TEXTS)]
    share = len(named) / len(failing) if failing else 0.0
    print(f"\nbez nakładki: {len(failing)} z {len(outcomes)} scenariuszy nie przechodzi, {len(named)} z nich "
          f"({share:.0%}) podaje dokładny brakujący tekst", file=sys.__stderr__)
    assert run.returncode != 0 and len(failing) >= 10
    assert share >= 0.9, [(r["name"], message(r)[:200]) for r in failing if r not in named]

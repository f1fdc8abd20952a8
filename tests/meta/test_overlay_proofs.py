"""Issue 25's Done-when proofs that need the overlay applied by the page engine (pages/dom.py, dayone's point 2)
on the reworded simulator (tests/data/przeformulowane.toml).

- With the overlay, the whole suite passes on the reworded simulator.
"""

from __future__ import annotations

import pytest

from tests.meta.conftest import allure_results, run_suite
from tests.meta.test_another_iikp import REWORDED, last_attempts, message

pytestmark = pytest.mark.meta


# -- Done when: the overlay makes the reworded simulator pass ---------------------------------------------------
def test_with_the_overlay_the_whole_suite_passes_on_the_reworded_simulator(tmp_path):
    run, results = run_suite(tmp_path, None, "-D", f"sim_reword={REWORDED}", "-D", f"teksty={REWORDED}",
                             "-f", "progress", timeout=1500)
    outcomes = last_attempts(allure_results(results))
    troubles = [(r["name"], message(r)[:300]) for r in outcomes if r["status"] != "passed"]
    assert run.returncode == 0 and not troubles, (troubles, (run.stdout + run.stderr)[-2000:])
    assert len(outcomes) >= 74

"""Smoke test of the benchmark script: it runs on a tiny selection, writes valid JSON with its fields,
and its floor replays every recorded action of the scenario (no brand-new browser needed in place of
one). No figure is asserted."""

import json
import subprocess
import sys

import pytest

from tests.meta.conftest import PROJECT_ROOT


@pytest.mark.bench
def test_bench_runs_and_writes_its_fields(tmp_path):
    output = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "tools.bench", "--output", str(output),
                           "features/wylogowanie.feature:9"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["scenarios_run"] == 1
    serial = result["serial"]
    assert set(serial) >= {"wall_s", "scenario_wall_sum_s", "scenario_median_s", "scenario_p95_s",
                           "browser_start_s", "browser_quit_s", "webdriver_s", "webdriver_calls",
                           "webdriver_in_waits_s", "explicit_wait_s", "wait_polling_s", "admin_api_s",
                           "admin_api_calls", "harness_outside_s", "outside_scenarios_s", "breakdown_s"}
    assert serial["harness_outside_s"] >= -0.01
    assert sum(serial["breakdown_s"].values()) == pytest.approx(serial["wall_s"], abs=0.05)
    assert result["parallel"]["speedup"] > 0 and result["parallel"]["scenarios_run"] == 1
    floor = result["floor"]
    assert floor["scenarios"] == 1 and floor["unreplayed"] == 0, floor["unreplayed_scenarios"]
    assert floor["scenarios_replayed"] == 1 and floor["fallback_starts"] == 0
    assert floor["actions_replayed"] == floor["actions_recorded"] > 0
    assert floor["browser_starts"] >= 1 and floor["url_checks"] >= 1
    assert result["ratio"]["floor_replayed_share"] == 1
    if serial["scenario_wall_from"] == "before_scenario":  # else the one scenario holds the run's set-up
        assert result["suite_to_floor_ratio"] > 0 and result["ratio"]["scenarios"] == 1
        assert result["ratio"]["suite_median_s"] > 0 and result["ratio"]["floor_median_s"] > 0
    assert result["screenshot_cost"]["scenarios"] == 1 and result["screenshot_cost"]["exit_code"] == 0
    assert "zestaw / podłoga" in done.stdout and "mediana scenariusza: zestaw / podłoga" in done.stdout
    assert "80011512354" not in output.read_text(encoding="utf-8") + done.stdout  # Jan Nowak's synthetic PESEL

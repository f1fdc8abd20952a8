"""Smoke test of the benchmark script: it runs on a tiny selection and writes valid JSON with its fields."""

import json
import subprocess
import sys

from tests.suite.conftest import PROJECT_ROOT


def test_bench_runs_and_writes_its_fields(tmp_path):
    output = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, "-m", "harness.bench", "--output", str(output),
                           "features/wylogowanie.feature:9"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads(output.read_text(encoding="utf-8"))
    assert result["scenarios_run"] == 1
    assert set(result["serial"]) >= {"wall_s", "scenario_median_s", "scenario_p95_s", "browser_start_s",
                                     "webdriver_s", "harness_outside_webdriver_s", "explicit_wait_s"}
    assert result["parallel"]["speedup"] > 0 and result["parallel"]["scenarios_run"] == 1
    assert result["floor"]["sessions"] >= 1 and result["suite_to_floor_ratio"] > 0
    assert "zestaw / podłoga" in done.stdout

"""Meta-test helpers: run behave in a subprocess (its step registry is global) and read what it wrote."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from harness.simulator import TOKEN_ENV, AdminClient, SimulatorProcess
from tools.isolated_run import isolated_ini

PROJECT_ROOT = Path(__file__).resolve().parents[2]
BEHAVE = [sys.executable, "-m", "behave"]


def behave(*args: str, cwd: Path = PROJECT_ROOT, env: dict | None = None,
           timeout: float = 600) -> subprocess.CompletedProcess:
    """Run behave with the given arguments; returns the finished process (text stdout/stderr)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}  # no developer settings
    full_env = {**clean, **(env or {})}
    return subprocess.run([*BEHAVE, *args], cwd=cwd, env=full_env, capture_output=True, text=True,
                          timeout=timeout)


def allure_results(folder: Path) -> list[dict]:
    """Every *-result.json of an Allure results folder."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*-result.json"))]


@pytest.fixture
def simulator():
    """A simulator process of the test's own (so the test can read its events after behave ends)."""
    process = SimulatorProcess().start()
    try:
        yield process
    finally:
        process.stop()


@pytest.fixture
def sim_admin(simulator) -> AdminClient:
    return AdminClient(simulator.ikp_url, simulator.token)


def run_suite(tmp_path: Path, simulator: SimulatorProcess | None, *args: str, timeout: float = 600,
              env: dict | None = None) -> tuple[subprocess.CompletedProcess, Path]:
    """Run the project's features (or the paths in args) against `simulator`, results in tmp_path.

    Returns the finished process and the Allure results folder.
    """
    results = tmp_path / "allure-results"
    cwd = isolated_ini(tmp_path / "run", results)
    env = dict(env or {})
    if simulator is not None:
        args = ("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", *args)
        env[TOKEN_ENV] = simulator.token
    paths = [a for a in args if a.endswith(".feature") or ".feature:" in a]
    options = [a for a in args if a not in paths]
    absolute = [str(PROJECT_ROOT / p) if not Path(p).is_absolute() else p for p in paths]
    return behave(*options, *absolute, cwd=cwd, env=env, timeout=timeout), results


def throwaway_project(tmp_path: Path, feature_text: str, results: Path) -> Path:
    """A copy of the suite's hooks and steps with one feature of the test's own."""
    features = tmp_path / "features"
    shutil.copytree(PROJECT_ROOT / "features" / "steps", features / "steps",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "features" / "environment.py", features / "environment.py")
    (features / "meta.feature").write_text(feature_text, encoding="utf-8")
    isolated_ini(tmp_path, results)
    (tmp_path / "behave.ini").write_text((tmp_path / "behave.ini").read_text(encoding="utf-8").replace(
        str(PROJECT_ROOT / "features"), "features"), encoding="utf-8")
    return tmp_path


def passed_scenarios(run: subprocess.CompletedProcess) -> int:
    """The number of passed scenarios in behave's summary; fails the test unless the run passed whole."""
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    summary = re.search(r"(\d+) scenarios? passed, (\d+) failed(?:, (\d+) error)?", run.stdout)
    assert summary, output
    assert (summary[2], summary[3] or "0") == ("0", "0"), summary[0]
    return int(summary[1])

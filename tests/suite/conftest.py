"""Meta-test helpers: run behave in a subprocess (its step registry is global) and read what it wrote."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from harness.simulator import TOKEN_ENV, AdminClient, SimulatorProcess

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


def against(simulator: SimulatorProcess, results: Path) -> tuple[list[str], dict]:
    """behave arguments and environment that point a run at `simulator` and its Allure results at `results`."""
    args = ["-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", "--no-junit",
            "-f", "progress", "-o", "/dev/null",
            "-f", "harness.allure_formatter:IikpAllureFormatter", "-o", str(results)]
    return args, {TOKEN_ENV: simulator.token}

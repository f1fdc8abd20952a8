"""Where a run's time goes: WebDriver commands, explicit waits, browser starts, scenarios.

Off by default (each hook is then one `if`). Switched on by the `stats_file` setting: after_all then
appends one JSON line for the behave run to that file (parallel workers append their own lines; a
file lock keeps lines whole). harness.bench reads the lines.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from filelock import FileLock


class _Stats:
    def __init__(self) -> None:
        self.webdriver_s = 0.0
        self.webdriver_calls = 0
        self.wait_s = 0.0
        self.waits = 0
        self.browser_start_s = 0.0
        self.browser_starts = 0
        self.scenarios: list[dict] = []
        self.started = time.perf_counter()


_stats: _Stats | None = None


def enable() -> None:
    global _stats
    _stats = _Stats()


def enabled() -> bool:
    return _stats is not None


def instrument(driver) -> None:
    """Time every WebDriver command of this driver (elements go through driver.execute too)."""
    if _stats is None:
        return
    original = driver.execute

    def timed(driver_command, params=None):
        started = time.perf_counter()
        try:
            return original(driver_command, params)
        finally:
            if _stats is not None:
                _stats.webdriver_s += time.perf_counter() - started
                _stats.webdriver_calls += 1

    driver.execute = timed


def browser_started(seconds: float) -> None:
    if _stats is not None:
        _stats.browser_start_s += seconds
        _stats.browser_starts += 1


@contextlib.contextmanager
def _timed_wait():
    started = time.perf_counter()
    try:
        yield
    finally:
        if _stats is not None:
            _stats.wait_s += time.perf_counter() - started
            _stats.waits += 1


def waiting():
    """Context manager around the base page's explicit wait; a no-op when timing is off."""
    return _timed_wait() if _stats is not None else contextlib.nullcontext()


def scenario_done(scenario) -> None:
    if _stats is not None:
        _stats.scenarios.append({"name": scenario.name, "location": str(scenario.location),
                                 "status": scenario.status.name, "duration_s": round(scenario.duration, 4)})


def write(path: str) -> None:
    """Append this behave run's figures as one JSON line to `path`."""
    if _stats is None or not path:
        return
    line = json.dumps({
        "pid": os.getpid(), "run_s": time.perf_counter() - _stats.started,
        "webdriver_s": _stats.webdriver_s, "webdriver_calls": _stats.webdriver_calls,
        "wait_s": _stats.wait_s, "waits": _stats.waits,
        "browser_start_s": _stats.browser_start_s, "browser_starts": _stats.browser_starts,
        "scenarios": _stats.scenarios,
    }, ensure_ascii=False)
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", thread_local=False):
        with target.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")

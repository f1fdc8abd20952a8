"""The run's measurement hooks. Each is a no-op unless the run is measured (`stats_file`, make bench): only
then is harness.measure imported and switched on."""

from __future__ import annotations

import contextlib
import functools
import importlib
from types import ModuleType

_timing: list[ModuleType] = []  # harness.measure.timing, once a measured run switched it on


def enable() -> None:
    """Switch measurement on for this run (harness.measure.timing, loaded now)."""
    if not _timing:
        timing = importlib.import_module("harness.measure.timing")
        timing.enable()
        _timing.append(timing)


def waiting() -> contextlib.AbstractContextManager:
    """Around the base page's explicit wait."""
    return _timing[0].waiting() if _timing else contextlib.nullcontext()


def final_screenshot() -> contextlib.AbstractContextManager:
    """Around the final-state screenshot of a passed scenario (screenshots=final) and its attachment."""
    return _timing[0].final_screenshot() if _timing else contextlib.nullcontext()


def browser_started(seconds: float, driver) -> None:
    """Right after a browser started: its start time, and every later command of it timed and recorded."""
    if _timing:
        _timing[0].browser_started(seconds)
        _timing[0].instrument(driver)


def scenario_started() -> None:
    if _timing:
        _timing[0].scenario_started()


def scenario_done(scenario) -> None:
    if _timing:
        _timing[0].scenario_done(scenario)


def write(stats_file: str) -> None:
    if _timing:
        _timing[0].write(stats_file)


def timed_admin_call(call):
    """Decorator of AdminClient.call: timed and recorded when measured, called as it is otherwise."""

    @functools.wraps(call)
    def maybe_timed(client, method, path, body=None, **params):
        if not _timing:
            return call(client, method, path, body, **params)
        return _timing[0].timed_admin_call(call)(client, method, path, body, **params)

    return maybe_timed

"""Where a run's time goes, scenario by scenario, in buckets that do not overlap; and its page flow.

Off by default (each hook is then one `if`). Switched on by the `stats_file` setting: after_all then
appends one JSON line for the behave run to that file, and the run's page flow (harness.measure.flow_record)
to `<stats_file>.flows.jsonl` (parallel workers append their own lines; a file lock keeps lines whole).
tools.bench reads both.

A scenario's wall time runs from `scenario_started()` (the first line of before_scenario) to the end
of after_scenario (`scenario_done()`), extended by a browser quit that follows at once (behave's
fixture clean-up quits the scenario's browser after after_scenario). Without `scenario_started()` a
scenario starts where the previous one ended (`wall_from` "previous_scenario_end"; the first one
where timing was switched on in before_all, "run_start", so it holds the run's set-up too).
Inside that wall time, disjoint:

- browser start (`browser_started`: chromedriver, Chromium, the new session) and browser quit,
- WebDriver commands outside those, of which some ran inside explicit waits,
- explicit waits minus the commands and admin calls inside them (their polling pauses and Python),
- admin API calls (`AdminClient.call`),
- the recording's own commands (the current-URL queries of its checkpoints: before an action, of each
  browser that acted since, and at the end of a scenario, of each open browser),
- the harness outside all of these (steps, page objects, leases, behave): the rest, never negative.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import time
from pathlib import Path

from filelock import FileLock

from harness.measure.flow_record import Recorder

COUNTERS = ("webdriver_s", "webdriver_calls", "webdriver_in_waits_s", "webdriver_in_waits_calls",
            "wait_s", "waits", "admin_s", "admin_calls", "admin_in_waits_s", "admin_in_waits_calls",
            "browser_start_s", "browser_starts", "browser_quit_s", "browser_quits",
            "recording_s", "recording_calls", "recording_in_waits_s",
            # the final-state screenshot and its attachment (screenshots=final); inside the buckets, not one
            "final_screenshot_s", "final_screenshots")


class _Stats:
    def __init__(self) -> None:
        self.totals: dict[str, float] = dict.fromkeys(COUNTERS, 0)
        self.started = time.perf_counter()
        self.wait_depth = 0
        self.quitting = 0
        self.scenarios: list[dict] = []
        self.flows: list[dict] = []  # scenario and between-scenario segments, in the order they happened
        self.recorder = Recorder()
        self.running: dict | None = None  # the scenario since scenario_started()
        self.pending: dict | None = None  # a finished scenario that a browser quit may still extend
        # where a scenario without scenario_started() starts: the previous one's end, at first the run's start
        self.boundary = (self.started, dict(self.totals), "run_start")

    def add(self, key: str, value: float) -> None:
        self.totals[key] += value

    def count_call(self, kind: str, elapsed: float) -> None:
        """One call of `kind` ("webdriver", "admin") that took `elapsed`, also counted apart inside a wait."""
        self.add(f"{kind}_s", elapsed)
        self.add(f"{kind}_calls", 1)
        if self.wait_depth:
            self.add(f"{kind}_in_waits_s", elapsed)
            self.add(f"{kind}_in_waits_calls", 1)

    def recording(self, work) -> None:
        """Run the recorder's own queries (`work` returns how many it sent), timed apart from the run's."""
        started = time.perf_counter()
        sent = 0
        try:
            sent = work()
        finally:
            self.recorded(time.perf_counter() - started, sent)

    def recorded(self, elapsed: float, sent: int) -> None:
        self.add("recording_s", elapsed)
        self.add("recording_calls", sent)
        if self.wait_depth:  # inside a wait's time too: taken out of its polling
            self.add("recording_in_waits_s", elapsed)

    def event(self) -> None:
        """Something other than a browser quit happens: the last finished scenario is final now."""
        if self.pending is not None:
            self._finalise(self.pending)
            self.pending = None

    def _finalise(self, done: dict) -> None:
        record = {key: done[key] for key in ("name", "location", "status", "steps_s", "wall_from")}
        record["wall_s"] = done["end"] - done["start"]
        for key in COUNTERS:
            record[key] = done["counters_end"][key] - done["counters_start"][key]
        record["wait_polling_s"] = (record["wait_s"] - record["webdriver_in_waits_s"] - record["admin_in_waits_s"]
                                    - record["recording_in_waits_s"])
        record["harness_outside_s"] = record["wall_s"] - sum(record[key] for key in BUCKETS)
        self.scenarios.append(record)
        self.flows.append({"kind": "scenario", "name": done["name"], "location": done["location"],
                           "status": done["status"], "sessions": done["sessions"], "actions": done["actions"]})
        self.boundary = (done["end"], done["counters_end"], "previous_scenario_end")


# The disjoint buckets of a scenario's wall time besides the harness itself.
BUCKETS = ("browser_start_s", "browser_quit_s", "webdriver_s", "wait_polling_s", "admin_s", "recording_s")

_stats: _Stats | None = None


def enable() -> None:
    global _stats
    _stats = _Stats()


def disable() -> None:
    global _stats
    _stats = None


def enabled() -> bool:
    return _stats is not None


def instrument(driver) -> None:
    """Time every WebDriver command of this driver (elements go through driver.execute too) and its
    quit, and record its page flow. Call it right after the browser started."""
    if _stats is None:
        return
    _stats.event()
    original_execute, original_quit = driver.execute, driver.quit
    recorder = _stats.recorder
    _stats.recording(recorder.before_action)  # the other browsers' pages before this one appears
    started = time.perf_counter()
    session = recorder.attach(driver, original_execute)
    _stats.recorded(time.perf_counter() - started, 1)

    def timed(driver_command, params=None):
        stats = _stats
        if stats is None:
            return original_execute(driver_command, params)
        if stats.quitting:  # the quit command itself: timed (and recorded) as the browser quit
            return original_execute(driver_command, params)
        stats.event()
        if stats.recorder.is_action_command(driver_command, params):
            stats.recording(lambda: stats.recorder.before_action(driver_command))
        started = time.perf_counter()
        try:
            response = original_execute(driver_command, params)
        finally:
            stats.count_call("webdriver", time.perf_counter() - started)
        if isinstance(driver_command, str):
            value = response.get("value") if isinstance(response, dict) else None
            stats.recorder.command(session, driver_command, params, value)
        return response

    def timed_quit():
        stats = _stats
        if stats is None:
            return original_quit()
        trailing = stats.pending is not None
        if not trailing:
            stats.event()
        if session.alive:  # the page it is quit on (a trailing quit's was read at the scenario's end)
            stats.recording(stats.recorder.before_action)
        stats.quitting += 1
        started = time.perf_counter()
        try:
            result = original_quit()
            stats.recorder.quit(session)
            return result
        finally:
            session.alive = False
            stats.quitting -= 1
            stats.add("browser_quit_s", time.perf_counter() - started)
            stats.add("browser_quits", 1)
            if trailing and stats.pending is not None:  # the fixture's quit right after after_scenario
                stats.pending["end"] = time.perf_counter()
                stats.pending["counters_end"] = dict(stats.totals)
                stats.pending["actions"] += stats.recorder.take()

    driver.execute = timed
    driver.quit = timed_quit


def browser_started(seconds: float) -> None:
    if _stats is not None:
        _stats.event()
        _stats.add("browser_start_s", seconds)
        _stats.add("browser_starts", 1)


@contextlib.contextmanager
def _timed_wait():
    stats = _stats
    assert stats is not None
    stats.event()
    stats.wait_depth += 1
    started = time.perf_counter()
    try:
        yield
    finally:
        stats.wait_depth -= 1
        if stats.wait_depth == 0:  # a wait inside a wait is already inside the outer one's time
            stats.add("wait_s", time.perf_counter() - started)
            stats.add("waits", 1)


def waiting():
    """Context manager around the base page's explicit wait; a no-op when timing is off."""
    return _timed_wait() if _stats is not None else contextlib.nullcontext()


@contextlib.contextmanager
def _timed_final_screenshot():
    stats = _stats
    assert stats is not None
    started = time.perf_counter()
    try:
        yield
    finally:
        stats.add("final_screenshot_s", time.perf_counter() - started)
        stats.add("final_screenshots", 1)


def final_screenshot():
    """Context manager around the final-state screenshot of a passed scenario; a no-op when timing is off."""
    return _timed_final_screenshot() if _stats is not None else contextlib.nullcontext()


def timed_admin_call(call):
    """Decorator of AdminClient.call: time each admin API call and record it in the page flow."""

    @functools.wraps(call)
    def timed(client, method, path, body=None, **params):
        stats = _stats
        if stats is None:
            return call(client, method, path, body, **params)
        stats.event()
        if method.upper() != "GET":  # a change of state: after the pages the run waited for
            stats.recording(stats.recorder.before_action)
        started = time.perf_counter()
        try:
            result = call(client, method, path, body, **params)
            stats.recorder.admin(client.base_url, method, path, body, params)
            return result
        finally:
            stats.count_call("admin", time.perf_counter() - started)

    return timed


def scenario_started() -> None:
    """The first line of before_scenario: the scenario's wall time starts here."""
    if _stats is None:
        return
    _stats.event()
    between = _stats.recorder.take()
    if between:
        _stats.flows.append({"kind": "between", "actions": between})
    _stats.running = {"start": time.perf_counter(), "counters_start": dict(_stats.totals),
                      "wall_from": "before_scenario", "sessions": _stats.recorder.states()}


def scenario_done(scenario) -> None:
    """The last line of after_scenario: the scenario's wall time ends here (or after its browser's quit)."""
    if _stats is None:
        return
    stats = _stats
    stats.event()
    start = stats.running or {"start": stats.boundary[0], "counters_start": stats.boundary[1],
                              "wall_from": stats.boundary[2], "sessions": stats.recorder.states()}
    stats.running = None
    stats.recording(stats.recorder.checkpoints)
    stats.pending = {**start, "name": scenario.name, "location": str(scenario.location),
                     "status": scenario.status.name, "steps_s": scenario.duration,
                     "end": time.perf_counter(), "counters_end": dict(stats.totals),
                     "actions": stats.recorder.take()}


def flows_path(stats_file: str | Path) -> Path:
    """Where the page flows of a run with this stats_file are written."""
    return Path(str(stats_file) + ".flows.jsonl")


def write(path: str) -> None:
    """Append this behave run's figures as one JSON line to `path`, and its page flow next to it."""
    if _stats is None:
        return
    _stats.event()
    rest = _stats.recorder.take()
    if rest:
        _stats.flows.append({"kind": "between", "actions": rest})
    if not path:
        return
    line = json.dumps({
        "pid": os.getpid(), "run_s": time.perf_counter() - _stats.started,
        **_stats.totals,
        "scenarios": [{k: round(v, 5) if isinstance(v, float) else v for k, v in s.items()}
                      for s in _stats.scenarios],
    }, ensure_ascii=False)
    header = {**_stats.recorder.header(), "pid": os.getpid()}
    flow_lines = [json.dumps(entry, ensure_ascii=False) for entry in (header, *_stats.flows)]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target) + ".lock", thread_local=False):
        with target.open("a", encoding="utf-8") as handle:
            handle.write(line + "\n")
        with flows_path(target).open("a", encoding="utf-8") as handle:
            handle.write("\n".join(flow_lines) + "\n")

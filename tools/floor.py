"""The bench's floor: the recorded page flows of a serial run, replayed by a bare Selenium script.

No behave, no page objects, no harness waits: its own simulator (fresh, at the same synthetic
baseline, so the recorded PESELs and admin calls apply as they are), one chromedriver of its own,
and for each recorded scenario its actions in order (harness.measure.flow_record): browser sessions started
with the recorded capabilities and quit, navigations, clicks, typing, windows, DevTools commands,
window-opening scripts, and the admin API calls that change state (admin reads are queries). To act
on an element it re-runs the element's recipe every ~10 ms until that yields an element at the
recorded index (10 s at most), then acts, re-finding it if the page replaced it meanwhile: the
simplest thing a bare script must do. The recorded origins are mapped to the floor simulator's.

It checks that it really replayed: every recorded action performed (counted against the recording)
and, where the recording saw the current URL at the end of a scenario, the same page reached (origin
and path, as the query may hold a random token; polled, 10 s at most). A scenario that fails either
check is reported by name, never hidden.
"""

from __future__ import annotations

import copy
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    InvalidElementStateException,
    JavascriptException,
    NoSuchElementException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.options import ArgOptions

from harness.masking import mask_text
from harness.measure.flow_record import ELEMENT_KEY, RECIPE_KEY, is_action, origin_of

TIMEOUT_S = 10.0
POLL_S = 0.01
# Errors after which a bare script finds the element again and repeats the action.
RETRIED = (StaleElementReferenceException, ElementNotInteractableException, ElementClickInterceptedException,
           InvalidElementStateException, NoSuchElementException)
NOT_FOUND_YET = (NoSuchElementException, StaleElementReferenceException, JavascriptException)


class ReplayError(Exception):
    """A recorded action could not be replayed; the message names the action, never its data."""


class RecordedCapabilities(ArgOptions):
    """Options that send exactly the recorded capabilities."""

    def __init__(self, capabilities: dict):
        super().__init__()
        self._recorded = capabilities

    def to_capabilities(self) -> dict:
        return copy.deepcopy(self._recorded)


@dataclass
class Flows:
    header: dict
    segments: list[dict]  # {"kind": "scenario"|"between", "actions": [...], ...} in recorded order

    @property
    def scenarios(self) -> list[dict]:
        return [s for s in self.segments if s["kind"] == "scenario"]


def read_flows(path: Path) -> Flows:
    """The first run recorded in the file (a serial run writes one)."""
    header: dict | None = None
    segments: list[dict] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        if entry["kind"] == "run":
            if header is not None:
                break
            header = entry
        else:
            segments.append(entry)
    return Flows(header or {}, segments)


def origin_map(header: dict, ikp_url: str, pz_url: str) -> dict[str, str]:
    """Recorded origin -> the floor simulator's: the admin API's origin is iIKP, the one other origin is PZ."""
    ikp = origin_of(header.get("admin_base_url", ""))
    if not ikp:
        raise ReplayError("nagranie nie zawiera wywołań API symulatora, więc nie wiadomo, który adres to iIKP")
    others = [o for o in header.get("origins", []) if o != ikp]
    if len(others) > 1:
        raise ReplayError(f"w nagraniu jest więcej niż jeden adres poza iIKP ({len(others)}); "
                          "podłoga zna tylko iIKP i testowy PZ symulatora")
    mapping = {ikp: ikp_url.rstrip("/")}
    if others:
        mapping[others[0]] = pz_url.rstrip("/")
    # the same origins percent-encoded, as in a return address inside a query string
    return {**mapping, **{quote(old, safe=""): quote(new, safe="") for old, new in mapping.items()}}


def remap(value: Any, mapping: dict[str, str]) -> Any:
    """Every string with a recorded origin rewritten to the floor's (a port is never cut in the middle)."""
    if isinstance(value, str):
        for old, new in mapping.items():
            value = re.sub(re.escape(old) + r"(?![0-9])", new, value)
        return value
    if isinstance(value, dict):
        return {k: remap(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [remap(v, mapping) for v in value]
    return value


@dataclass
class ReplaySession:
    driver: Any
    windows: list[str] = field(default_factory=list)  # handles by order of first appearance
    alive: bool = True


@dataclass
class Figures:
    wall_s: float = 0.0
    browser_start_s: float = 0.0
    browser_starts: int = 0
    browser_quit_s: float = 0.0
    browser_quits: int = 0
    finding_s: float = 0.0
    acting_s: float = 0.0
    admin_api_s: float = 0.0
    admin_api_calls: int = 0
    url_check_s: float = 0.0
    url_checks: int = 0


class Replayer:
    """Replays recorded actions against one chromedriver and one simulator."""

    def __init__(self, driver_url: str, admin_url: str, token: str, mapping: dict[str, str],
                 timeout: float = TIMEOUT_S, poll: float = POLL_S, remote=webdriver.Remote):
        self.driver_url = driver_url
        self.admin_url = admin_url.rstrip("/")
        self.mapping = mapping
        self.timeout = timeout
        self.poll = poll
        self.remote = remote
        self.http = requests.Session()
        self.http.headers["X-Sim-Token"] = token
        self.sessions: dict[int, ReplaySession] = {}
        self.figures = Figures()
        self.done = 0

    # -- one segment -------------------------------------------------------------------------------
    def replay(self, actions: list[dict]) -> int:
        """Perform the actions in order; return how many were performed (also kept in `done` when it
        raises ReplayError)."""
        self.done = 0
        for number, action in enumerate(actions, 1):
            try:
                performed = self.perform(remap(action, self.mapping))
            except ReplayError as error:
                raise ReplayError(f"akcja {number}/{len(actions)} ({_label(action)}): {error}") from None
            except WebDriverException as error:
                first = (error.msg or type(error).__name__).strip().splitlines()[0]
                raise ReplayError(f"akcja {number}/{len(actions)} ({_label(action)}): "
                                  f"{type(error).__name__}: {mask_text(first)[:200]}") from None
            self.done += performed
        return self.done

    def perform(self, action: dict) -> int:
        """One recorded entry; returns 1 for an action performed, 0 for a check or an admin read."""
        op = action["op"]
        if op == "admin":
            return self._admin(action)
        if op == "newSession":
            return self._new_session(action)
        if op == "unsupported":
            raise ReplayError(f"polecenie {action['command']} nie jest odtwarzane przez podłogę")
        session = self.sessions.get(action["s"])
        if session is None or not session.alive:
            raise ReplayError(f"sesja przeglądarki {action['s']} nie jest otwarta")
        if op == "checkpoint":
            self._check_url(session, action["url"])
            return 0
        started = time.perf_counter()
        if op == "quit":
            try:
                session.driver.quit()
            finally:
                session.alive = False
                self.figures.browser_quit_s += time.perf_counter() - started
                self.figures.browser_quits += 1
            return 1
        if op in ("clickElement", "sendKeysToElement", "clearElement"):
            self._act_on_element(session, op, action["element"], action.get("params") or {})
        elif op == "switchToWindow":
            handle = self._window(session, action["window"])
            self._execute(session, "switchToWindow", {"handle": handle})
        elif op == "script":
            self._sync_windows(session)
            args = self._decode(session, action["args"], time.monotonic() + self.timeout)
            self._execute(session, "w3cExecuteScript", {"script": action["script"], "args": args})
        elif op == "close":
            for handle in self._execute(session, "close", None) or []:  # the handles left, as recorded
                if handle not in session.windows:
                    session.windows.append(handle)
        elif op == "newWindow":
            value = self._execute(session, "newWindow", action.get("params") or {})
            handle = (value or {}).get("handle")
            if handle and handle not in session.windows:
                session.windows.append(handle)
        else:
            self._execute(session, op, action.get("params") or None)
        return 1

    # -- browser -----------------------------------------------------------------------------------
    def _new_session(self, action: dict) -> int:
        capabilities = action.get("capabilities")
        if not capabilities:
            raise ReplayError("nagranie nie zawiera możliwości (capabilities) sesji, np. Selenium Grid")
        started = time.perf_counter()
        driver = self.remote(command_executor=self.driver_url, options=RecordedCapabilities(capabilities))
        self.figures.browser_start_s += time.perf_counter() - started
        self.figures.browser_starts += 1
        self.sessions[action["s"]] = ReplaySession(driver)
        return 1

    def _execute(self, session: ReplaySession, command: str, params: dict | None) -> Any:
        started = time.perf_counter()
        try:
            return session.driver.execute(command, params)["value"]
        finally:
            self.figures.acting_s += time.perf_counter() - started

    def _act_on_element(self, session: ReplaySession, op: str, recipe: dict | None, params: dict) -> None:
        if recipe is None:
            raise ReplayError("element bez przepisu (nie wiadomo, jak go znaleźć)")
        deadline = time.monotonic() + self.timeout
        while True:
            element_id = self._find(session, recipe, deadline)
            try:
                self._execute(session, op, {**params, "id": element_id})
                return
            except RETRIED:
                if time.monotonic() > deadline:
                    raise
                time.sleep(self.poll)

    def _find(self, session: ReplaySession, recipe: dict, deadline: float) -> str:
        """Re-run the recipe every poll interval until it yields its element; return the element id."""
        started = time.perf_counter()
        try:
            while True:
                found = self._try(session, recipe)
                if found:
                    return found
                if time.monotonic() > deadline:
                    raise ReplayError(f"nie znaleziono elementu w {self.timeout:g} s ({_describe(recipe)})")
                time.sleep(self.poll)
        finally:
            self.figures.finding_s += time.perf_counter() - started

    def _try(self, session: ReplaySession, recipe: dict | None) -> str | None:
        """One attempt of the recipe: the element id, or None when it yields nothing (yet)."""
        if recipe is None:
            raise ReplayError("element bez przepisu (nie wiadomo, jak go znaleźć)")
        driver = session.driver
        try:
            if recipe["find"] == "findElements":
                found = driver.execute("findElements", {"using": recipe["using"], "value": recipe["value"]})["value"]
            elif recipe["find"] == "findChildElements":
                parent = self._try(session, recipe.get("parent"))
                if parent is None:
                    return None
                found = driver.execute("findChildElements", {"using": recipe["using"], "value": recipe["value"],
                                                             "id": parent})["value"]
            else:
                args = [self._try_arg(session, a) for a in recipe["args"]]
                value = driver.execute("w3cExecuteScript", {"script": recipe["script"], "args": args})["value"]
                return _element_id(_at_path(value, recipe.get("path", [])))
        except NOT_FOUND_YET:
            return None
        except _ArgNotFound:
            return None
        index = recipe.get("index", 0)
        return _element_id(found[index]) if isinstance(found, list) and len(found) > index else None

    def _try_arg(self, session: ReplaySession, value: Any) -> Any:
        if isinstance(value, dict) and RECIPE_KEY in value:
            element_id = self._try(session, value[RECIPE_KEY])
            if element_id is None:
                raise _ArgNotFound
            return {ELEMENT_KEY: element_id}
        if isinstance(value, dict):
            return {k: self._try_arg(session, v) for k, v in value.items()}
        if isinstance(value, list):
            return [self._try_arg(session, v) for v in value]
        return value

    def _decode(self, session: ReplaySession, args: Any, deadline: float) -> Any:
        """Script arguments with each element recipe resolved (polling)."""
        if isinstance(args, dict) and RECIPE_KEY in args:
            return {ELEMENT_KEY: self._find(session, args[RECIPE_KEY], deadline)}
        if isinstance(args, dict):
            return {k: self._decode(session, v, deadline) for k, v in args.items()}
        if isinstance(args, list):
            return [self._decode(session, v, deadline) for v in args]
        return args

    def _sync_windows(self, session: ReplaySession) -> None:
        """Before opening a window: learn the handles that exist, so the new one comes after them."""
        for handle in self._execute(session, "w3cGetWindowHandles", None):
            if handle not in session.windows:
                session.windows.append(handle)

    def _window(self, session: ReplaySession, index: int) -> str:
        """The replay's handle of the recorded window `index` (order of first appearance), polling for it."""
        deadline = time.monotonic() + self.timeout
        while len(session.windows) <= index:
            self._sync_windows(session)
            if len(session.windows) > index:
                break
            if time.monotonic() > deadline:
                raise ReplayError(f"nie pojawiło się okno nr {index + 1} w {self.timeout:g} s")
            time.sleep(self.poll)
        return session.windows[index]

    def _check_url(self, session: ReplaySession, expected: str) -> None:
        started = time.perf_counter()
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                url = session.driver.execute("getCurrentUrl")["value"]
                if _same_page(url, expected):
                    return
                if time.monotonic() > deadline:
                    raise ReplayError(f"adres na końcu scenariusza inny niż w nagraniu: {_path_of(url)} "
                                      f"zamiast {_path_of(expected)}")
                time.sleep(self.poll)
        finally:
            self.figures.url_check_s += time.perf_counter() - started
            self.figures.url_checks += 1

    # -- simulator ---------------------------------------------------------------------------------
    def _admin(self, action: dict) -> int:
        if action["method"] == "GET":  # a read: the harness's cost, not replayed
            return 0
        started = time.perf_counter()
        try:
            response = self.http.request(action["method"], f"{self.admin_url}/__sim__/{action['path'].lstrip('/')}",
                                         json=action.get("body"), params=action.get("params") or None, timeout=30)
        finally:
            self.figures.admin_api_s += time.perf_counter() - started
            self.figures.admin_api_calls += 1
        if response.status_code >= 400:
            raise ReplayError(f"symulator odpowiedział HTTP {response.status_code}")
        return 1

    def close_all(self) -> int:
        """Quit the sessions the recording left open (after the timed part); return how many."""
        left = 0
        for session in self.sessions.values():
            if session.alive:
                left += 1
                session.alive = False
                try:
                    session.driver.quit()
                except WebDriverException:
                    pass
        return left


class _ArgNotFound(Exception):
    pass


def _element_id(value: Any) -> str | None:
    if isinstance(value, dict):
        return value.get(ELEMENT_KEY)
    return getattr(value, "id", None) if value is not None and not isinstance(value, (str, int, float)) else None


def _at_path(value: Any, path: list) -> Any:
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value


def _label(action: dict) -> str:
    """An action's kind, without its data (no URLs with PESELs, no typed text)."""
    if action["op"] == "admin":
        return f"API symulatora {action['method']}"
    return action["op"]


def _describe(recipe: dict) -> str:
    if recipe["find"] == "script":
        return "element zwrócony przez skrypt"
    return mask_text(f"{recipe['using']} {recipe['value']} [{recipe.get('index', 0)}]")


def _same_page(url: str, expected: str) -> bool:
    """The same origin and path; the query may differ (the PZ page carries a random `state`)."""
    a, b = urlsplit(url or ""), urlsplit(expected or "")
    return (a.scheme, a.netloc, a.path) == (b.scheme, b.netloc, b.path)


def _path_of(url: str) -> str:
    """Only the path: a query may hold a PESEL or a token."""
    return mask_text(urlsplit(url or "").path or url or "")


def replay_file(path: Path, timeout: float = TIMEOUT_S, poll: float = POLL_S) -> dict:
    """Start a simulator and a chromedriver, replay the recorded scenarios, and return the floor's figures."""
    from harness.browser import CHROMEDRIVER
    from harness.simulator import SimulatorProcess

    flows = read_flows(path)
    process = SimulatorProcess().start()
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    service.start()
    try:
        replayer = Replayer(service.service_url, process.ikp_url, process.token,
                            origin_map(flows.header, process.ikp_url, process.pz_url), timeout, poll)
        return run(replayer, flows)
    finally:
        service.stop()
        process.stop()


def run(replayer: Replayer, flows: Flows) -> dict:
    """Replay every segment in order; scenarios timed and checked, the segments between them untimed."""
    results = []
    between = {"recorded": 0, "replayed": 0, "failed": 0}
    for segment in flows.segments:
        recorded = sum(1 for a in segment["actions"] if is_action(a))
        started = time.perf_counter()
        try:
            replayer.replay(segment["actions"])
            reason = ""
        except ReplayError as error:
            reason = str(error)
        wall = time.perf_counter() - started
        replayed = replayer.done
        if not reason and replayed != recorded:
            reason = f"wykonano {replayed} z {recorded} akcji"
        if segment["kind"] != "scenario":  # set-up outside the scenarios: replayed, not timed
            between["recorded"] += recorded
            between["replayed"] += replayed
            between["failed"] += bool(reason)
            continue
        replayer.figures.wall_s += wall
        results.append({"name": segment["name"], "recorded": recorded, "replayed": replayed,
                        "wall_s": wall, "reason": reason})
        if reason:  # whatever the failed scenario left open, the next one starts without it
            replayer.close_all()
    left_open = replayer.close_all()
    failed = [r for r in results if r["reason"]]
    figures = replayer.figures
    return {
        "scenarios": len(results),
        "wall_s": figures.wall_s,
        "scenario_median_s": _median([r["wall_s"] for r in results]),
        "browser_start_s": figures.browser_start_s, "browser_starts": figures.browser_starts,
        "browser_quit_s": figures.browser_quit_s, "browser_quits": figures.browser_quits,
        "finding_s": figures.finding_s, "acting_s": figures.acting_s,
        "admin_api_s": figures.admin_api_s, "admin_api_calls": figures.admin_api_calls,
        "url_check_s": figures.url_check_s, "url_checks": figures.url_checks,
        "actions_recorded": sum(r["recorded"] for r in results),
        "actions_replayed": sum(r["replayed"] for r in results),
        "actions_between_scenarios": between["recorded"],
        "actions_between_scenarios_replayed": between["replayed"],
        "segments_between_scenarios_failed": between["failed"],
        "sessions_left_open": left_open,
        "unreplayed": len(failed),
        "unreplayed_scenarios": [{"name": r["name"], "reason": r["reason"]} for r in failed],
        "per_scenario": [{"wall_s": r["wall_s"], "replayed": not r["reason"]} for r in results],
    }


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

"""The bench's floor: the recorded page flows of a serial run, replayed by a bare Selenium script.

No behave, no page objects, no harness waits: its own simulator (fresh, at the same synthetic
baseline, so the recorded PESELs and admin calls apply as they are), one chromedriver of its own,
and for each recorded scenario its actions in order (harness.measure.flow_record): browser sessions started
with the recorded capabilities and quit, navigations, clicks, typing, windows, DevTools commands,
window-opening scripts, and the admin API calls that change state (admin reads are queries). The
recorded origins are mapped to the floor simulator's.

Before an action it waits (polling, 10 s at most) for each recorded checkpoint: the page the run was
on when it acted (origin and path, as the query may hold a random token; no loading indicator if the
run saw none; content new since the previous checkpoint if the run's was), as a bare script waits
for the page it expects. To act on an element it re-runs the element's recipe every ~10 ms (a find
command, or the script with its arguments, the element taken at its recorded place in the result)
until that yields an element that is in the document and displayed (10 s at most), then acts; if
the page replaced the element meanwhile (stale, not interactable), it finds it again and repeats.

Each scenario starts from a known state whatever happened before it: after a scenario whose replay
failed, the floor (outside the timed part) performs that scenario's remaining admin calls (the run's
clean-up is among them) and quits every browser; a later scenario that carries on in a browser the
run had handed over to it then gets a brand-new browser with the recorded capabilities instead, its
windows mapped as the recording knew them. Such starts are counted apart (`fallback_starts`): the
run did not pay them, so they are not in any scenario's time. After a replayed scenario the next one
gets the browser as the run handed it over (the clean-up is replayed as recorded).

It checks that it really replayed: every recorded action performed (counted against the recording)
and each checkpoint reached, the last one at the end of each scenario. A scenario that fails is
reported by name with the action and the reason, never hidden.
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
from selenium.webdriver.remote.webelement import WebElement

from harness.masking import mask_text
from harness.measure.flow_record import ELEMENT_KEY, PAGE_STATE, RECIPE_KEY, is_action, origin_of

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
    windows: list[str | None] = field(default_factory=list)  # handles by order of first appearance
    alive: bool = True
    recovered: bool = False  # quit by the floor after a failed scenario, not by the recording


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
    fallback_starts: int = 0  # brand-new browsers for a scenario after a failed one: outside the timed part
    fallback_start_s: float = 0.0


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
        self.capabilities: dict[int, dict] = {}  # each recorded session's, for a brand-new browser in its place
        self.figures = Figures()
        self.done = 0
        self.position = 0  # index of the action being performed

    # -- one segment -------------------------------------------------------------------------------
    def learn(self, segments: list[dict]) -> None:
        """The recorded capabilities of every session, before the replay needs one in another's place."""
        for segment in segments:
            for action in segment["actions"]:
                if action["op"] == "newSession" and action.get("capabilities"):
                    self.capabilities[action["s"]] = action["capabilities"]

    def prepare(self, segment: dict) -> None:
        """Before a scenario (untimed): every browser it carries on in is open; one that a failed scenario
        left behind is replaced by a brand-new browser (counted in `fallback_starts`)."""
        for number in _inherited(segment["actions"]):
            session = self.sessions.get(number)
            if session is not None and session.alive and self._responds(session):
                continue
            capabilities = self.capabilities.get(number)
            if not capabilities:
                raise ReplayError(f"sesja przeglądarki {number} nie jest otwarta, a nagranie nie zawiera "
                                  "jej możliwości (capabilities)")
            started = time.perf_counter()
            try:
                driver = self.remote(command_executor=self.driver_url, options=RecordedCapabilities(capabilities))
                handle = driver.execute("w3cGetCurrentWindowHandle")["value"]
            except WebDriverException as error:
                raise ReplayError(f"nie uruchomiono nowej przeglądarki w miejsce sesji {number}: "
                                  f"{type(error).__name__}") from None
            finally:
                self.figures.fallback_start_s += time.perf_counter() - started
            self.figures.fallback_starts += 1
            self.sessions[number] = ReplaySession(driver, _windows_as_recorded(segment, number, handle))

    @staticmethod
    def _responds(session: ReplaySession) -> bool:
        try:
            session.driver.execute("w3cGetWindowHandles")
            return True
        except Exception:  # a browser that crashed or was closed: replaced
            session.alive = False
            return False

    def replay(self, actions: list[dict]) -> int:
        """Perform the actions in order; return how many were performed (also kept in `done` when it
        raises ReplayError; `position` is then the failed action's index)."""
        self.done = 0
        for index, action in enumerate(actions):
            self.position = index
            where = f"akcja {index + 1}/{len(actions)} ({_label(action)})"
            try:
                performed = self.perform(remap(action, self.mapping))
            except ReplayError as error:
                raise ReplayError(f"{where}: {error}") from None
            except WebDriverException as error:
                first = (error.msg or type(error).__name__).strip().splitlines()[0]
                raise ReplayError(f"{where}: {type(error).__name__}: {mask_text(first)[:200]}") from None
            except Exception as error:  # a dead chromedriver, a refused connection: this scenario only
                raise ReplayError(f"{where}: {type(error).__name__}") from None
            self.done += performed
        self.position = len(actions)
        return self.done

    def recover(self, actions: list[dict]) -> None:
        """After a failed segment (untimed): its remaining admin calls that change state (the run's clean-up,
        such as removing the faults it set, is among them), then every browser quit, so the next scenario
        starts from a known state."""
        for action in actions[self.position + 1:]:
            if action["op"] == "admin" and action["method"] != "GET":
                call = remap(action, self.mapping)
                try:
                    self.http.request(call["method"], f"{self.admin_url}/__sim__/{call['path'].lstrip('/')}",
                                      json=call.get("body"), params=call.get("params") or None, timeout=30)
                except requests.RequestException:
                    pass
        for session in self.sessions.values():
            if session.alive:
                session.recovered = True
        self.close_all()

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
        if op == "quit" and session is not None and session.recovered:
            return 1  # quit already, by the recovery after a failed scenario (only between scenarios)
        if session is None or not session.alive:
            raise ReplayError(f"sesja przeglądarki {action['s']} nie jest otwarta")
        if op == "checkpoint":
            self._check_page(session, action)
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
        """Find the element by its recipe and act; found again and repeated while the page replaces it."""
        if recipe is None:
            raise ReplayError("element bez przepisu (nie wiadomo, jak go znaleźć)")
        deadline = time.monotonic() + self.timeout
        while True:
            element_id = self._find(session, recipe, deadline)
            try:
                self._execute(session, op, {**params, "id": element_id})
                return
            except RETRIED as error:
                if time.monotonic() > deadline:
                    raise ReplayError(f"element nadal nieaktualny lub niedostępny po {self.timeout:g} s "
                                      f"({_describe(recipe)}): {type(error).__name__}") from None
                time.sleep(self.poll)

    def _find(self, session: ReplaySession, recipe: dict, deadline: float) -> str:
        """Re-run the recipe every poll interval until it yields its element, in the document and displayed;
        return the element id. At the deadline an element that is there but hidden is still returned (the
        action then says whether WebDriver can use it)."""
        started = time.perf_counter()
        try:
            while True:
                found = self._try(session, recipe)
                if found is not None and (found[1] or self._displayed(session, found[0])):
                    return found[0]
                if time.monotonic() > deadline:
                    if found is not None:
                        return found[0]
                    raise ReplayError(f"nie znaleziono elementu w {self.timeout:g} s ({_describe(recipe)})")
                time.sleep(self.poll)
        finally:
            self.figures.finding_s += time.perf_counter() - started

    @staticmethod
    def _displayed(session: ReplaySession, element_id: str) -> bool:
        """WebDriver's own verdict (Selenium's isDisplayed atom), asked only when the quick check says hidden."""
        try:
            return WebElement(session.driver, element_id).is_displayed()  # the isDisplayed atom, as a script
        except WebDriverException:
            return False

    def _try(self, session: ReplaySession, recipe: dict | None) -> tuple[str, bool] | None:
        """One attempt of the recipe: (element id, displayed), or None when it yields nothing (yet).

        A find command's element is taken as displayed (WebDriver's own find answers elements in the
        document; the action says if it is not usable); a script's is checked by the same round trip."""
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
                                                             "id": parent[0]})["value"]
            else:
                args = [self._try_arg(session, a) for a in recipe["args"]]
                value = driver.execute("w3cExecuteScript", {"script": _checked(recipe["script"], recipe.get("path")),
                                                            "args": args})["value"]
                element_id = _element_id(value[0]) if isinstance(value, list) and len(value) == 2 else None
                return (element_id, bool(value[1])) if element_id else None
        except NOT_FOUND_YET:
            return None
        except _ArgNotFound:
            return None
        index = recipe.get("index", 0)
        element_id = _element_id(found[index]) if isinstance(found, list) and len(found) > index else None
        return (element_id, True) if element_id else None

    def _try_arg(self, session: ReplaySession, value: Any) -> Any:
        if isinstance(value, dict) and RECIPE_KEY in value:
            found = self._try(session, value[RECIPE_KEY])
            if found is None:
                raise _ArgNotFound
            return {ELEMENT_KEY: found[0]}
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
        handle = session.windows[index]
        if handle is None:  # a window of the recorded browser that this brand-new one never had
            raise ReplayError(f"okna nr {index + 1} nie ma w przeglądarce, która zastąpiła nagraną")
        return handle

    def _check_page(self, session: ReplaySession, checkpoint: dict) -> None:
        """Wait for the page the run was on at this checkpoint: the same address (origin and path), no loading
        indicator if the run saw none, and content new since the previous checkpoint if the run's was; the
        content is then marked as seen, as the recorder marked it."""
        expected = checkpoint["url"]
        wanted = [expected, checkpoint.get("busy") is False, bool(checkpoint.get("fresh"))]
        started = time.perf_counter()
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                try:
                    ok, url, busy, _ = session.driver.execute("w3cExecuteScript",
                                                              {"script": WAIT_PAGE, "args": wanted})["value"]
                except JavascriptException:  # the document went away under the script: look again
                    ok, url, busy = False, "", False
                if ok:
                    return
                if time.monotonic() > deadline:
                    if not _same_page(url, expected):
                        raise ReplayError(f"strona inna niż w nagraniu po {self.timeout:g} s: {_path_of(url)} "
                                          f"zamiast {_path_of(expected)}")
                    raise ReplayError(f"strona {_path_of(url)} po {self.timeout:g} s " + (
                        "wciąż pokazuje wskaźnik ładowania" if busy else "ma tę samą treść co przed akcją"))
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
        """Quit every open session (after the timed part); return how many."""
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


def _checked(script: str, path: list | None) -> str:
    """The recorded script in one round trip with the check of its element: it runs as it ran (a function
    body with the same arguments, a promise awaited), the element is taken at its place in the result, and
    [element, displayed] is answered if it is in the document, else null."""
    return ("return (async (args) => {\n"
            "const value = await (function () {\n" + script + "\n}).apply(window, args);\n"
            f"const element = {json.dumps(path or [])}.reduce((v, step) => (v == null ? v : v[step]), value);\n"
            "if (!element || element.nodeType !== 1 || !element.isConnected) return null;\n"
            "const shown = ['OPTION', 'OPTGROUP'].includes(element.tagName)\n"
            "  ? (element.closest('select,datalist') || element) : element;  // as WebDriver sees an option\n"
            "return [element, shown.getClientRects().length > 0 && getComputedStyle(shown).visibility !== 'hidden'];\n"
            "})(arguments);")


def _inherited(actions: list[dict]) -> list[int]:
    """The sessions a segment uses before (or without) starting them: browsers carried over from before."""
    started: set[int] = set()
    carried: list[int] = []
    for action in actions:
        number = action.get("s")
        if action["op"] == "newSession":
            started.add(number)
        elif number is not None and number not in started and number not in carried:
            carried.append(number)
    return carried


def _windows_as_recorded(segment: dict, number: int, handle: str) -> list[str | None]:
    """A brand-new browser's one tab in the place of the recorded current window, so that the windows the
    scenario opens get the recorded numbers (by order of first appearance)."""
    state = (segment.get("sessions") or {}).get(str(number)) or {}
    count = max(int(state.get("windows") or 1), 1)
    current = state.get("current")
    windows: list[str | None] = [None] * count
    windows[current if isinstance(current, int) and 0 <= current < count else count - 1] = handle
    return windows


def _label(action: dict) -> str:
    """An action's kind, without its data (no URLs with PESELs, no typed text)."""
    if action["op"] == "admin":
        return f"API symulatora {action['method']}"
    if action["op"] == "checkpoint":
        return "strona z nagrania"
    return action["op"]


def _describe(recipe: dict) -> str:
    if recipe["find"] == "script":
        return "element zwrócony przez skrypt"
    return mask_text(f"{recipe['using']} {recipe['value']} [{recipe.get('index', 0)}]")


BLANK_PAGES = {"about:blank", "data:,"}  # a new tab's page, as Chromium and chromedriver name it
# A checkpoint's wait, one round trip per poll: [met, url, busy, fresh]; the content is marked once it is met.
WAIT_PAGE = PAGE_STATE + r"""
const [url, idle, changed] = arguments;
const blank = ['about:blank', 'data:,'];
const page = u => {
  if (blank.includes(u)) return 'blank';
  try { const parts = new URL(u); return parts.protocol + '//' + parts.host + parts.pathname; } catch (e) { return u; }
};
const met = page(location.href) === page(url) && !(idle && busy) && !(changed && !fresh);
if (met) mark();
return [met, location.href, busy, fresh];
"""


def _same_page(url: str, expected: str) -> bool:
    """The same origin and path; the query may differ (the PZ page carries a random `state`)."""
    if url in BLANK_PAGES and expected in BLANK_PAGES:
        return True
    a, b = urlsplit(url or ""), urlsplit(expected or "")
    return (a.scheme, a.netloc, a.path) == (b.scheme, b.netloc, b.path)


def _path_of(url: str) -> str:
    """Only the path: a query may hold a PESEL or a token."""
    return mask_text(urlsplit(url or "").path or url or "")


def replay_file(path: Path, timeout: float = TIMEOUT_S, poll: float = POLL_S, simulator: dict | None = None) -> dict:
    """Start a simulator (`simulator`: SimulatorProcess options, such as the markup and UI the recorded run's
    had) and a chromedriver, replay the recorded scenarios, and return the floor's figures."""
    from harness.browser import CHROMEDRIVER
    from harness.simulator import SimulatorProcess

    flows = read_flows(path) if path.is_file() else Flows({}, [])
    if not flows.scenarios:
        return summary([], {}, Figures(), 0)
    process = SimulatorProcess(**(simulator or {})).start()
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    service.start()
    try:
        try:
            mapping = origin_map(flows.header, process.ikp_url, process.pz_url)
        except ReplayError as error:  # nothing can be replayed: every scenario named with the reason
            results = [{"name": s["name"], "recorded": sum(map(is_action, s["actions"])), "replayed": 0,
                        "wall_s": 0.0, "reason": str(error)} for s in flows.scenarios]
            return summary(results, {}, Figures(), 0)
        return run(Replayer(service.service_url, process.ikp_url, process.token, mapping, timeout, poll), flows)
    finally:
        service.stop()
        process.stop()


def run(replayer: Replayer, flows: Flows) -> dict:
    """Replay every segment in order; scenarios timed and checked, the segments between them untimed.

    Each scenario starts from a known state (Replayer.prepare; Replayer.recover after a failed one), so
    one that cannot be replayed costs only itself."""
    replayer.learn(flows.segments)
    results = []
    between = {"recorded": 0, "replayed": 0, "failed": 0}
    for segment in flows.segments:
        actions = segment["actions"]
        scenario = segment["kind"] == "scenario"
        recorded = sum(1 for a in actions if is_action(a))
        replayer.done, replayer.position, reason = 0, -1, ""
        try:
            if scenario:
                replayer.prepare(segment)
        except ReplayError as error:
            reason = f"przed scenariuszem: {error}"
        started = time.perf_counter()
        if not reason:
            try:
                replayer.replay(actions)
            except ReplayError as error:
                reason = str(error)
        wall = time.perf_counter() - started
        replayed = replayer.done
        if not reason and replayed != recorded:
            reason = f"wykonano {replayed} z {recorded} akcji"
        if reason:  # outside the timed part: the next scenario starts from a known state
            replayer.recover(actions)
        if not scenario:  # set-up outside the scenarios: replayed, not timed
            between["recorded"] += recorded
            between["replayed"] += replayed
            between["failed"] += bool(reason)
            continue
        replayer.figures.wall_s += wall
        results.append({"name": segment["name"], "recorded": recorded, "replayed": replayed,
                        "wall_s": wall, "reason": reason})
    return summary(results, between, replayer.figures, replayer.close_all())


def summary(results: list[dict], between: dict, figures: Figures, left_open: int) -> dict:
    """The floor's figures from each scenario's result ({name, recorded, replayed, wall_s, reason})."""
    failed = [r for r in results if r["reason"]]
    return {
        "scenarios": len(results),
        "scenarios_replayed": len(results) - len(failed),
        "wall_s": figures.wall_s,
        "scenario_median_s": _median([r["wall_s"] for r in results if not r["reason"]]),
        "browser_start_s": figures.browser_start_s, "browser_starts": figures.browser_starts,
        "browser_quit_s": figures.browser_quit_s, "browser_quits": figures.browser_quits,
        "fallback_starts": figures.fallback_starts, "fallback_start_s": figures.fallback_start_s,
        "finding_s": figures.finding_s, "acting_s": figures.acting_s,
        "admin_api_s": figures.admin_api_s, "admin_api_calls": figures.admin_api_calls,
        "url_check_s": figures.url_check_s, "url_checks": figures.url_checks,
        "actions_recorded": sum(r["recorded"] for r in results),
        "actions_replayed": sum(r["replayed"] for r in results),
        "actions_between_scenarios": between.get("recorded", 0),
        "actions_between_scenarios_replayed": between.get("replayed", 0),
        "segments_between_scenarios_failed": between.get("failed", 0),
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

"""Record the page flow of a run (its actions, not its queries) for the bench's floor to replay.

Used by harness.measure.timing when `stats_file` is set; tools.floor replays what this writes.

An *action* is what changes the browser or the simulator: a new session (with the capabilities it
was started with), quit, get, back, forward, refresh, a click, typing, clearing a field, switching,
closing or opening a window, a DevTools command, a script that opens a window (`window.open(`), and
an admin API call. Everything else the harness sends (finding elements, reading text, visibility
checks, the current URL, screenshots, page source, logs, other scripts) is a *query*: not replayed,
because it is the cost of the harness and of the assertions that the floor leaves out.

Every element an action uses is recorded by its *recipe*: the finding command that returned it (its
locator, the parent's recipe for a child find, or the script and its arguments, and where the element
was in that result). Window handles are recorded by their order of first appearance in the session.

Before each action the recording notes where the run was: a *checkpoint* of every open browser that
has acted since its last one, read in one script (PAGE_STATE): the address, whether a loading
indicator is shown (aria-busy, a progress bar), and whether the content is new since that browser's
last checkpoint (a new document, or its main region or h1 swapped in place, as a single-page app
does; the script marks those nodes). The run had waited for that page before it acted (its waits are
queries, not recorded), so the replay waits for the same before it acts: without it a bare script
quits a browser, calls the admin API, closes a tab or clicks the old screen's button while the
previous click or Enter is still on its way (chromedriver does not always see that navigation as
pending yet, and a swap in place is no navigation at all), and the simulator ends in another state
than in the run. At the end of a scenario every open browser gets a checkpoint, and at its start the
state of its browsers (windows known, the current one) is noted for a replay that has to give the
scenario a brand-new browser.

The recording holds the PESELs typed into the PZ form and sent to the admin API: it stays in the
bench's temporary folder and is never printed.
"""

from __future__ import annotations

import re
from typing import Any

from selenium.webdriver.remote.webelement import WebElement

ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
RECIPE_KEY = "__recipe__"  # an element argument of a script, replaced by the element's recipe

ELEMENT_ACTIONS = {"clickElement", "sendKeysToElement", "clearElement"}
# Replayed as recorded: they name no element and no window.
PLAIN_ACTIONS = {"get", "goBack", "goForward", "refresh", "close", "newWindow", "executeCdpCommand",
                 "setTimeouts", "addCookie", "deleteCookie", "deleteAllCookies", "setWindowRect",
                 "w3cMaximizeWindow", "w3cAcceptAlert", "w3cDismissAlert", "w3cSetAlertValue",
                 "switchToParentFrame"}
FINDS = {"findElement": "findElements", "findElements": "findElements",
         "findChildElement": "findChildElements", "findChildElements": "findChildElements"}
SCRIPTS = {"w3cExecuteScript", "w3cExecuteScriptAsync", "executeScript", "executeAsyncScript"}
QUERIES = {
    "getCurrentUrl", "getTitle", "getPageSource", "screenshot", "elementScreenshot", "getLog",
    "getAvailableLogTypes", "w3cGetCurrentWindowHandle", "w3cGetWindowHandles", "getWindowRect",
    "getElementText", "getElementTagName", "isElementSelected", "isElementEnabled", "isElementDisplayed",
    "getElementRect", "getElementAttribute", "getElementProperty", "getElementValueOfCssProperty",
    "getElementAriaRole", "getElementAriaLabel", "getCookies", "getCookie", "getTimeouts",
    "w3cGetAlertText", "printPage", "getNetworkConditions", "getSinks", "getIssueMessage",
}
OPENS_WINDOW = "window.open("
# With a user prompt open, any other command (a URL query too) would dismiss it: no checkpoint before these.
PROMPT_ACTIONS = {"w3cAcceptAlert", "w3cDismissAlert", "w3cSetAlertValue"}
# Actions that leave the page as it was (settings, cookies, the DevTools domains that clear stored data): the
# page needs no new checkpoint after them.
KEEPS_PAGE = {"setTimeouts", "setWindowRect", "w3cMaximizeWindow", "addCookie", "deleteCookie", "deleteAllCookies"}
KEEPS_PAGE_DEVTOOLS = ("Network.", "Storage.")
_ORIGIN = re.compile(r"^(https?://[^/?#]+)")

# The state of the page a checkpoint reads; the recorder and the replay (tools.floor) share it.
PAGE_STATE = r"""
const marked = [document, document.querySelector('main'), document.querySelector('h1')].filter(node => node);
const fresh = marked.some(node => node.__iikpFlow !== true);
const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
const busy = Array.from(document.querySelectorAll('[aria-busy="true"],[role=progressbar],progress')).some(shown);
const mark = () => marked.forEach(node => { node.__iikpFlow = true; });
"""
# The recorder's read: [url, busy, fresh], and the content marked as seen.
READ_PAGE = PAGE_STATE + "mark();\nreturn [location.href, busy, fresh];"


def origin_of(url: Any) -> str | None:
    match = _ORIGIN.match(url) if isinstance(url, str) else None
    return match.group(1) if match else None


def session_capabilities(driver) -> dict | None:
    """The capabilities the driver's session was started with (a local Chrome/Chromium driver keeps its
    options); None for a driver without them (a Selenium Grid), which the floor then cannot replay."""
    options = getattr(driver, "options", None)
    try:
        return _plain(options.to_capabilities()) if options is not None else None
    except Exception:  # an options object of another kind: say "unknown", never break the run
        return None


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value if isinstance(value, (str, int, float, bool)) or value is None else str(value)


class Session:
    """One recorded browser session: its number, how its elements were found, its windows by order."""

    def __init__(self, number: int, driver, original_execute):
        self.number = number
        self.driver = driver
        self.original_execute = original_execute
        self.alive = True
        self.recipes: dict[str, dict | None] = {}
        self.windows: list[str] = []
        self.current: int | None = None  # index of the current window, None after it was closed
        self.moved = False  # acted since its last checkpoint: the page may have changed (a new one is blank)

    def state(self) -> dict:
        """Its windows as the replay must map them onto a brand-new browser."""
        return {"windows": len(self.windows), "current": self.current}

    def window(self, handle: str) -> int:
        """The handle's index by order of first appearance in this session."""
        if handle not in self.windows:
            self.windows.append(handle)
        return self.windows.index(handle)

    def recipe_of(self, element_id: str) -> dict | None:
        return self.recipes.get(element_id)

    def encode(self, value: Any) -> Any:
        """A script argument with every element replaced by its recipe."""
        if isinstance(value, WebElement):
            return {RECIPE_KEY: self.recipe_of(value.id)}
        if isinstance(value, dict):
            if ELEMENT_KEY in value:
                return {RECIPE_KEY: self.recipe_of(value[ELEMENT_KEY])}
            return {str(k): self.encode(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.encode(v) for v in value]
        return value

    def learn_elements(self, value: Any, recipe: dict, path: tuple = ()) -> None:
        """Remember the recipe of every element in a script's result, by its path in that result."""
        element_id = value.id if isinstance(value, WebElement) else (
            value.get(ELEMENT_KEY) if isinstance(value, dict) else None)
        if element_id:
            self.recipes[element_id] = {**recipe, "path": list(path)}
        elif isinstance(value, dict):
            for key, item in value.items():
                self.learn_elements(item, recipe, (*path, str(key)))
        elif isinstance(value, (list, tuple)):
            for index, item in enumerate(value):
                self.learn_elements(item, recipe, (*path, index))


class Recorder:
    """Collects actions in the order they happen; harness.measure.timing cuts them into scenarios."""

    def __init__(self) -> None:
        self.sessions: list[Session] = []
        self.actions: list[dict] = []
        self.admin_base_url = ""
        self.origins: set[str] = set()

    def take(self) -> list[dict]:
        """The actions recorded since the last take."""
        taken, self.actions = self.actions, []
        return taken

    def _add(self, action: dict) -> None:
        self.actions.append(action)

    # -- browser -----------------------------------------------------------------------------------
    def attach(self, driver, original_execute) -> Session:
        """A new instrumented driver: its session starts here (the browser has just been started)."""
        session = Session(len(self.sessions) + 1, driver, original_execute)
        self.sessions.append(session)
        self._add({"op": "newSession", "s": session.number, "capabilities": session_capabilities(driver)})
        try:  # the first tab is window 0, as the replay's first sync of handles will find it
            session.current = session.window(original_execute("w3cGetCurrentWindowHandle", None)["value"])
        except Exception:  # no window to learn: the replay then learns the windows as they come
            pass
        return session

    @staticmethod
    def is_action_command(command: Any, params: dict | None) -> bool:
        """Whether a command about to be sent is one that `command` records as an action."""
        if command in ELEMENT_ACTIONS or command in PLAIN_ACTIONS or command in ("switchToWindow", "quit"):
            return True
        return command in SCRIPTS and OPENS_WINDOW in str((params or {}).get("script", ""))

    def before_action(self, command: str | None = None) -> int:
        """Right before an action (a browser's, or an admin call that changes state): a checkpoint of every
        open browser that acted since its URL was last read. Returns the number of commands sent."""
        if command in PROMPT_ACTIONS:
            return 0
        return sum(self._checkpoint(session) for session in self.sessions if session.alive and session.moved)

    def quit(self, session: Session) -> None:
        session.alive = False
        self._add({"op": "quit", "s": session.number})

    def command(self, session: Session, command: str, params: dict | None, value: Any) -> None:
        """A command that succeeded, with its decoded answer: record it if an action, learn from it if a query."""
        params = params or {}
        number = session.number
        if self.is_action_command(command, params) and not _keeps_page(command, params):
            session.moved = True
        if command in FINDS:
            self._learn_find(session, command, params, value)
        elif command in SCRIPTS:
            script = params.get("script", "")
            args = session.encode(params.get("args", []))
            if OPENS_WINDOW in script and command == "w3cExecuteScript":
                self._add({"op": "script", "s": number, "script": script, "args": args})
            elif OPENS_WINDOW in script:
                self._add({"op": "unsupported", "s": number, "command": command})
            else:
                session.learn_elements(value, {"find": "script", "script": script, "args": args})
        elif command in ELEMENT_ACTIONS:
            extra = {k: v for k, v in params.items() if k not in ("id", "sessionId")}
            self._add({"op": command, "s": number, "element": session.recipe_of(params.get("id", "")),
                       "params": extra})
        elif command == "switchToWindow":
            session.current = session.window(params.get("handle", ""))
            self._add({"op": "switchToWindow", "s": number, "window": session.current})
        elif command in PLAIN_ACTIONS:
            self._add({"op": command, "s": number, "params": {k: v for k, v in params.items() if k != "sessionId"}})
            if command == "newWindow" and isinstance(value, dict) and value.get("handle"):
                session.window(value["handle"])
            if command == "close":
                session.current = None
                for handle in value if isinstance(value, list) else []:  # Close Window answers the handles left
                    session.window(handle)
            if command == "get":
                self._saw_url(params.get("url"))
        elif command == "quit":  # a quit sent without driver.quit()
            self.quit(session)
        elif command in QUERIES:
            if command == "w3cGetCurrentWindowHandle" and isinstance(value, str):
                session.current = session.window(value)
            elif command == "w3cGetWindowHandles" and isinstance(value, list):
                for handle in value:
                    session.window(handle)
            elif command == "getCurrentUrl":
                self._saw_url(value)
        else:
            self._add({"op": "unsupported", "s": number, "command": command})

    def _learn_find(self, session: Session, command: str, params: dict, value: Any) -> None:
        recipe: dict = {"find": FINDS[command], "using": params.get("using"), "value": params.get("value")}
        if command.startswith("findChild"):
            recipe["parent"] = session.recipe_of(params.get("id", ""))
        found = value if isinstance(value, list) else [value]
        for index, element in enumerate(found):
            element_id = element.id if isinstance(element, WebElement) else (
                element.get(ELEMENT_KEY) if isinstance(element, dict) else None)
            if element_id:
                session.recipes[element_id] = {**recipe, "index": index}

    def _saw_url(self, url: Any) -> None:
        origin = origin_of(url)
        if origin:
            self.origins.add(origin)

    def checkpoints(self) -> int:
        """At the end of a scenario: the current URL of every open session, for the replay to compare.

        Returns the number of commands sent (the recording's own cost, which timing keeps apart).
        """
        return sum(self._checkpoint(session) for session in self.sessions if session.alive)

    def _checkpoint(self, session: Session) -> int:
        """Record the session's page (one script, sent past the timing); return 1."""
        session.moved = False
        try:
            url, busy, fresh = session.original_execute("w3cExecuteScript", {"script": READ_PAGE, "args": []})["value"]
        except Exception:  # no current window (closed, or the browser is gone): nothing to compare
            return 1
        self._saw_url(url)
        self._add({"op": "checkpoint", "s": session.number, "url": url, "busy": bool(busy), "fresh": bool(fresh)})
        return 1

    def states(self) -> dict[str, dict]:
        """The open sessions' window state, by session number (a scenario's starting point)."""
        return {str(s.number): s.state() for s in self.sessions if s.alive}

    # -- simulator ---------------------------------------------------------------------------------
    def admin(self, base_url: str, method: str, path: str, body: Any, params: dict) -> None:
        self.admin_base_url = self.admin_base_url or base_url
        self._add({"op": "admin", "method": method.upper(), "path": path, "body": _plain(body),
                   "params": _plain(params)})

    def header(self) -> dict:
        return {"kind": "run", "admin_base_url": self.admin_base_url, "origins": sorted(self.origins),
                "sessions": len(self.sessions)}


def _keeps_page(command: str, params: dict) -> bool:
    if command == "executeCdpCommand":
        return str(params.get("cmd", "")).startswith(KEEPS_PAGE_DEVTOOLS)
    return command in KEEPS_PAGE


def is_action(action: dict) -> bool:
    """Whether the floor performs (and counts) this recorded entry: checkpoints are checks, admin reads are queries."""
    if action["op"] == "checkpoint":
        return False
    return not (action["op"] == "admin" and action["method"] == "GET")

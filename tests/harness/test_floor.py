"""The bench's floor (tools.floor) replaying recorded actions against a fake browser: recipes re-run
until they yield their element, windows mapped by order of first appearance, origins re-mapped, and
a scenario it cannot replay named. No browser, no timing asserted."""

from harness.measure.flow_record import ELEMENT_KEY, is_action
from tools import floor


class ReplayDriver:
    """A replay browser: windows appear when a script opens one; the button shows up on the third look."""

    def __init__(self, command_executor, options):
        self.capabilities = options.to_capabilities()
        self.windows = ["r-main"]
        self.current = "r-main"
        self.opened = 0
        self.looks = 0
        self.done = []

    def execute(self, command, params=None):
        if command == "findElements":
            self.looks += 1
            return {"value": [{ELEMENT_KEY: "r-hidden"}, {ELEMENT_KEY: "r-button"}] if self.looks >= 3 else []}
        if command == "w3cGetWindowHandles":
            return {"value": list(self.windows)}
        if command == "w3cExecuteScript" and "window.open(" in params["script"]:
            self.opened += 1
            self.windows.append(f"r-{self.opened}")
        if command == "getCurrentUrl":
            return {"value": "http://127.0.0.1:9000/ikp/konto?state=other"}
        self.done.append((command, params))
        if command == "close":  # the current tab goes; W3C answers the handles left
            self.windows.remove(self.current)
            return {"value": list(self.windows)}
        if command == "switchToWindow":
            self.current = params["handle"]
        return {"value": None}

    def quit(self):
        self.done.append(("quit", None))


def test_the_floor_replays_recipes_windows_and_origins():
    actions = [
        {"op": "newSession", "s": 1, "capabilities": {"browserName": "chrome"}},
        {"op": "get", "s": 1, "params": {"url": "http://127.0.0.1:8000/ikp/zaloguj?return=http%3A%2F%2F127.0.0.1%3A8000"}},
        {"op": "clickElement", "s": 1, "params": {},
         "element": {"find": "findElements", "using": "xpath", "value": "//button", "index": 1}},
        {"op": "script", "s": 1, "script": "window.open(arguments[0], '_blank');", "args": ["http://127.0.0.1:8000/x"]},
        {"op": "switchToWindow", "s": 1, "window": 1},
        {"op": "switchToWindow", "s": 1, "window": 0},
        {"op": "admin", "method": "GET", "path": "events", "body": None, "params": {}},
        {"op": "checkpoint", "s": 1, "url": "http://127.0.0.1:8000/ikp/konto?state=recorded"},
        {"op": "quit", "s": 1},
    ]
    header = {"admin_base_url": "http://127.0.0.1:8000", "origins": ["http://127.0.0.1:8000"]}
    mapping = floor.origin_map(header, "http://127.0.0.1:9000", "http://127.0.0.1:9001")
    replayer = floor.Replayer("http://chromedriver", "http://127.0.0.1:9000", "token", mapping, poll=0,
                              remote=ReplayDriver)
    result = floor.run(replayer, floor.Flows(header, [{"kind": "scenario", "name": "s", "actions": actions}]))

    assert result["unreplayed"] == 0
    assert result["actions_replayed"] == result["actions_recorded"] == sum(map(is_action, actions)) == 7
    driver = replayer.sessions[1].driver
    assert driver.done[0] == ("get", {"url": "http://127.0.0.1:9000/ikp/zaloguj?return=http%3A%2F%2F127.0.0.1%3A9000"})
    assert driver.done[1] == ("clickElement", {"id": "r-button"})
    assert [p["handle"] for c, p in driver.done if c == "switchToWindow"] == ["r-1", "r-main"]
    assert driver.done[-1] == ("quit", None)


def test_the_floor_names_a_scenario_it_cannot_replay():
    actions = [{"op": "newSession", "s": 1, "capabilities": {"browserName": "chrome"}},
               {"op": "clickElement", "s": 1, "params": {}, "element": None}]
    header = {"admin_base_url": "http://127.0.0.1:8000", "origins": []}
    replayer = floor.Replayer("http://chromedriver", "http://127.0.0.1:9000", "token",
                              floor.origin_map(header, "http://127.0.0.1:9000", ""), poll=0, remote=ReplayDriver)
    result = floor.run(replayer, floor.Flows(header, [{"kind": "scenario", "name": "broken", "actions": actions}]))
    assert result["unreplayed"] == 1 and result["actions_replayed"] == 1 and result["actions_recorded"] == 2
    assert result["unreplayed_scenarios"][0]["name"] == "broken"
    assert result["sessions_left_open"] == 0


def test_the_floor_replays_a_reused_browsers_clean_up_across_scenarios():
    """BrowserKeeper hands a browser from one scenario to the next: a new tab, the old one closed."""
    clean_up = [{"op": "script", "s": 1, "script": "window.open('about:blank', '_blank', 'noopener');", "args": []},
                {"op": "close", "s": 1, "params": {}}]
    first = [{"op": "newSession", "s": 1, "capabilities": {"browserName": "chrome"}}, *clean_up,
             {"op": "switchToWindow", "s": 1, "window": 1}]
    second = [{"op": "get", "s": 1, "params": {"url": "http://127.0.0.1:8000/ikp/"}}, *clean_up,
              {"op": "switchToWindow", "s": 1, "window": 2}, {"op": "quit", "s": 1}]
    header = {"admin_base_url": "http://127.0.0.1:8000", "origins": ["http://127.0.0.1:8000"]}
    replayer = floor.Replayer("http://chromedriver", "http://127.0.0.1:9000", "token",
                              floor.origin_map(header, "http://127.0.0.1:9000", "http://127.0.0.1:9001"),
                              poll=0, remote=ReplayDriver)
    result = floor.run(replayer, floor.Flows(header, [{"kind": "scenario", "name": "1", "actions": first},
                                                      {"kind": "scenario", "name": "2", "actions": second}]))
    assert result["unreplayed"] == 0
    driver = replayer.sessions[1].driver
    assert [p["handle"] for c, p in driver.done if c == "switchToWindow"] == ["r-1", "r-2"]

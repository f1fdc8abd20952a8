"""The bench's floor (tools.floor): recipes re-run until they yield their element, windows mapped by
order of first appearance, origins re-mapped, a scenario it cannot replay named (a fake browser); and
with a real headless Chromium, an element found by script found again when the page replaces it, and a
failed scenario that does not break the next one; and the bench's exit code when the floor replays
fewer than 95% of the scenarios. No timing asserted."""

import http.server
import json
import threading

import pytest
from selenium import webdriver

from harness.browser import CHROMEDRIVER, CHROMIUM_BINARY, CHROMIUM_FLAGS
from harness.measure import timing
from harness.measure.flow_record import ELEMENT_KEY, is_action
from tools import bench, floor


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
        if command == "w3cExecuteScript" and params["script"] == floor.WAIT_PAGE:  # a checkpoint
            url = "http://127.0.0.1:9000/ikp/konto?state=other"
            return {"value": [floor._same_page(url, params["args"][0]), url, False, True]}
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


# -- with a real headless Chromium -------------------------------------------------------------------
PAGES = {
    # content swapped in place after a moment, as a single-page app does: first only a hidden button
    "/start": "<title>start</title><p>Ładowanie…</p><button style='display:none'>Dalej</button><script>"
              "setTimeout(() => { document.body.innerHTML = "
              "'<main><button onclick=\"location.href=\\'/done\\'\">Dalej</button></main>'; }, 300);</script>",
    "/done": "<title>done</title><h1>Gotowe</h1>",
    # a two-step form at one address: „Dalej” swaps the next step in place after a moment (busy meanwhile);
    # a second click on the first step's „Dalej” (an action too early) leads astray
    "/wizard": "<title>wizard</title><main><h1>Krok 1</h1><button onclick='next()'>Dalej</button></main><script>"
               "let clicks = 0; function next() { if (++clicks > 1) { location.href = '/astray'; return; }"
               " document.querySelector('main').setAttribute('aria-busy', 'true'); setTimeout(() => {"
               " const main = document.createElement('main'); main.innerHTML = '<h1>Krok 2</h1>"
               "<button onclick=\"location.href=\\'/done\\'\">Dalej</button>';"
               " document.querySelector('main').replaceWith(main); }, 300); }</script>",
}
# a locator engine's answer: the element nested in a list inside a dict
BY_TEXT = {"find": "script", "script": "return {items: [{el: [...document.querySelectorAll('button')]"
                                       ".find(b => b.textContent.trim() === arguments[0])}]};",
           "args": ["Dalej"], "path": ["items", 0, "el"]}
NOWHERE = {**BY_TEXT, "args": ["Nie ma takiego"]}


class _Site(http.server.BaseHTTPRequestHandler):
    admin_calls: list = []

    def do_GET(self):
        body = PAGES.get(self.path, "").encode()
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(body)

    def do_DELETE(self):
        self.admin_calls.append(("DELETE", self.path))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def chromedriver():
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    service.start()
    yield service.service_url
    service.stop()


def _capabilities() -> dict:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM_BINARY
    for flag in (*CHROMIUM_FLAGS, "--headless=new"):
        options.add_argument(flag)
    return options.to_capabilities()


def _replayer(site, chromedriver, timeout=10.0):
    return floor.Replayer(chromedriver, site, "token", {}, timeout=timeout)


HAND_OVER = [{"op": "script", "s": 1, "script": "window.open('about:blank', '_blank', 'noopener');", "args": []},
             {"op": "close", "s": 1, "params": {}}, {"op": "switchToWindow", "s": 1, "window": 1},
             {"op": "checkpoint", "s": 1, "url": "about:blank"}]


@pytest.mark.browser
@pytest.mark.bench
def test_a_script_found_element_is_found_again_when_the_page_replaces_it(site, chromedriver):
    """The button appears only after the page swapped its content, and is replaced once more between the
    find and the click (stale): the floor re-runs the recipe until it yields a displayed element, and
    clicks again."""
    actions = [{"op": "newSession", "s": 1, "capabilities": _capabilities()},
               {"op": "get", "s": 1, "params": {"url": f"{site}/start"}},
               {"op": "clickElement", "s": 1, "params": {}, "element": BY_TEXT},
               {"op": "checkpoint", "s": 1, "url": f"{site}/done"},
               {"op": "quit", "s": 1}]
    replayer = _replayer(site, chromedriver)
    original, clicks = replayer._execute, []

    def execute(session, command, params):
        if command == "clickElement" and not clicks:  # the page replaces the element just found
            clicks.append(params["id"])
            session.driver.execute("w3cExecuteScript", {"script": "document.querySelector('main').innerHTML ="
                                                        " document.querySelector('main').innerHTML;", "args": []})
        elif command == "clickElement":
            clicks.append(params["id"])
        return original(session, command, params)

    replayer._execute = execute
    result = floor.run(replayer, floor.Flows({}, [{"kind": "scenario", "name": "spa", "actions": actions}]))
    assert result["unreplayed"] == 0, result["unreplayed_scenarios"]
    assert len(clicks) == 2 and clicks[0] != clicks[1]
    assert result["url_checks"] == 1 and result["sessions_left_open"] == 0


@pytest.mark.browser
@pytest.mark.bench
def test_before_acting_the_floor_waits_for_the_content_the_run_acted_on(site, chromedriver):
    """At one address the next step is swapped in place: the checkpoint (no loading indicator, new content)
    holds the second click until the second step is there, as the run's waits did."""
    def page(path, busy=False, fresh=True):
        return {"op": "checkpoint", "s": 1, "url": f"{site}{path}", "busy": busy, "fresh": fresh}

    actions = [{"op": "newSession", "s": 1, "capabilities": _capabilities()}, page("/blank"),
               {"op": "get", "s": 1, "params": {"url": f"{site}/wizard"}}, page("/wizard"),
               {"op": "clickElement", "s": 1, "params": {}, "element": BY_TEXT}, page("/wizard"),
               {"op": "clickElement", "s": 1, "params": {}, "element": BY_TEXT}, page("/done"),
               {"op": "quit", "s": 1}]
    actions[1]["url"] = "data:,"
    result = floor.run(_replayer(site, chromedriver), floor.Flows({}, [{"kind": "scenario", "name": "kroki",
                                                                        "actions": actions}]))
    assert result["unreplayed"] == 0, result["unreplayed_scenarios"]
    assert result["url_checks"] == 4


@pytest.mark.browser
@pytest.mark.bench
def test_a_scenario_that_cannot_be_replayed_does_not_break_the_next_one(site, chromedriver):
    """The first scenario fails before handing its browser on; the second, which carries on in that browser,
    gets a brand-new one (counted apart), and the failed scenario's remaining admin calls are still made."""
    first = [{"op": "newSession", "s": 1, "capabilities": _capabilities()},
             {"op": "get", "s": 1, "params": {"url": f"{site}/start"}},
             {"op": "clickElement", "s": 1, "params": {}, "element": NOWHERE},
             {"op": "admin", "method": "DELETE", "path": "faults", "body": None, "params": {}}, *HAND_OVER]
    second = [{"op": "get", "s": 1, "params": {"url": f"{site}/start"}},
              {"op": "clickElement", "s": 1, "params": {}, "element": BY_TEXT},
              {"op": "checkpoint", "s": 1, "url": f"{site}/done"},
              {"op": "script", "s": 1, "script": "window.open(arguments[0], '_blank');", "args": [f"{site}/done"]},
              {"op": "switchToWindow", "s": 1, "window": 2}, {"op": "quit", "s": 1}]
    segments = [{"kind": "scenario", "name": "nie do odtworzenia", "actions": first},
                {"kind": "scenario", "name": "następny", "sessions": {"1": {"windows": 2, "current": 1}},
                 "actions": second}]
    _Site.admin_calls.clear()
    result = floor.run(_replayer(site, chromedriver, timeout=2.0), floor.Flows({}, segments))
    assert [s["name"] for s in result["unreplayed_scenarios"]] == ["nie do odtworzenia"]
    assert "nie znaleziono elementu" in result["unreplayed_scenarios"][0]["reason"]
    assert result["per_scenario"][1]["replayed"] and result["scenarios_replayed"] == 1
    assert result["fallback_starts"] == 1 and result["browser_starts"] == 1
    assert _Site.admin_calls == [("DELETE", "/__sim__/faults")]
    assert result["sessions_left_open"] == 0


# -- the bench's verdict on the floor ------------------------------------------------------------------
def _scenario(name: str) -> dict:
    return {"name": name, "location": f"features/x.feature:{len(name)}{name[-2:]}", "status": "passed",
            "wall_from": "before_scenario", "wall_s": 2.0,
            **dict.fromkeys(timing.COUNTERS, 0.0), "wait_polling_s": 0.0, "harness_outside_s": 2.0}


@pytest.mark.parametrize("replayed, code", [(20, 0), (19, 0), (18, 1)])
def test_the_bench_fails_and_names_them_when_under_95_percent_of_scenarios_replay(
        monkeypatch, tmp_path, capsys, replayed, code):
    names = [f"scenariusz {i}" for i in range(20)]
    results = [{"name": n, "recorded": 3, "replayed": 3 if i < replayed else 1, "wall_s": 1.5,
                "reason": "" if i < replayed else "akcja 2/3 (get): powód"} for i, n in enumerate(names)]
    serial = {"scenarios": [_scenario(n) for n in names], "lines": 1}
    with_shots = {"scenarios": [{**_scenario(n), "final_screenshot_s": 0.05, "final_screenshots": 1} for n in names],
                  "lines": 1}
    monkeypatch.setattr(bench, "run_serial",
                        lambda folder, selection, *shots: (45.0, with_shots if shots else serial, 0))
    monkeypatch.setattr(bench, "run_floor", lambda folder, simulator: floor.summary(results, {}, floor.Figures(), 0))
    monkeypatch.setattr(bench, "run_parallel", lambda folder, selection, workers: (40.0, serial, 0))
    assert bench.main(["--output", str(tmp_path / "bench.json")]) == code
    printed = capsys.readouterr()
    result = json.loads((tmp_path / "bench.json").read_text(encoding="utf-8"))
    assert result["ratio"]["scenarios"] == replayed and result["ratio"]["floor_median_s"] == 1.5
    assert result["ratio"]["suite_median_s"] == 2.0 and "mediana scenariusza" in printed.out
    assert result["screenshot_cost"]["scenarios"] == 20 and "zrzut ekranu na końcu" in printed.out
    if code:
        assert "mniej niż 95%" in printed.err and "scenariusz 18; scenariusz 19" in printed.err
    else:
        assert "BŁĄD" not in printed.err


def test_the_floors_simulator_serves_the_screens_as_the_runs_do():
    assert bench.simulator_options([]) == ({"markup": "default", "ui": "pages", "markup_seed": None,
                                            "spa_delay_ms": None}, [])
    options, extra = bench.simulator_options(["-D", "ui=spa", "-Dspa_delay_ms=50", "--define=markup=random",
                                              "features/zgody.feature"])
    assert (options["ui"], options["spa_delay_ms"], options["markup"]) == ("spa", 50, "random")
    assert extra == ["-D", f"markup_seed={options['markup_seed']}"]  # one seed for the runs and the floor
    assert bench.simulator_options(["-D", "markup=random", "-D", "markup_seed=7"])[1] == []


def test_the_bench_prices_a_final_screenshot_where_it_is_taken_against_the_rest_of_the_scenario():
    def shot(name, wall_s, shot_s, recording_s=0.0):
        return {**_scenario(name), "wall_s": wall_s, "recording_s": recording_s, "final_screenshot_s": shot_s,
                "final_screenshots": 1}

    shots = [shot("a", 2.1, 0.1), shot("bb", 2.4, 0.1, recording_s=0.3), {**_scenario("failed"), "status": "failed"},
             {**shot("skipped", 0.0, 0.0), "status": "skipped"}]
    cost = bench.screenshot_cost(shots, 0)
    assert cost["scenarios"] == 2 and cost["screenshots_s"] == pytest.approx(0.2)  # no screenshot, not counted
    assert cost["without_s"] == pytest.approx(4.0) and cost["per_scenario_s"] == pytest.approx(0.1)
    assert cost["share"] == pytest.approx(0.05)

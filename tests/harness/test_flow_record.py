"""The bench's recording (harness.measure.timing + harness.measure.flow_record) with a fake driver.

No browser, no timing asserted: only what is recorded, how elements and windows are mapped, and that
the time buckets of a scenario are disjoint and add up to its wall time.
"""

from types import SimpleNamespace

import pytest
from selenium.webdriver.remote.webelement import WebElement

from harness.measure import timing
from harness.measure.flow_record import READ_PAGE, RECIPE_KEY


class FakeDriver:
    """Answers the commands the recorder cares about; `answers` maps a command to its value."""

    def __init__(self, answers=None):
        self.answers = answers or {}
        self.sent = []
        self._is_remote = False
        self.options = SimpleNamespace(to_capabilities=lambda: {"browserName": "chrome",
                                                                "goog:chromeOptions": {"args": ["--headless=new"]}})

    def execute(self, command, params=None):
        self.sent.append((command, params))
        if command == "w3cExecuteScript" and params["script"] == READ_PAGE:  # a checkpoint: the "getCurrentUrl" answer
            url = self.answers.get("getCurrentUrl")
            return {"value": [url(params) if callable(url) else url, False, True]}
        value = self.answers.get(command)
        return {"value": value(params) if callable(value) else value}

    def quit(self):
        self.execute("quit")


def element(driver, element_id):
    return WebElement(driver, element_id)


@pytest.fixture
def recording():
    timing.enable()
    yield timing._stats
    timing.disable()


def scenario(name):
    return SimpleNamespace(name=name, location=f"x.feature:{name}", status=SimpleNamespace(name="passed"),
                           duration=0.0)


def test_actions_are_recorded_with_element_recipes_and_queries_are_not(recording):
    driver = FakeDriver()
    timing.instrument(driver)
    form = element(driver, "form-1")
    driver.answers.update({
        "findElements": lambda p: [element(driver, "hidden"), element(driver, "pesel")],
        "findChildElement": lambda p: element(driver, "next"),
        "findElement": lambda p: form,
        "w3cExecuteScript": lambda p: [{"x": element(driver, "from-script")}],
        "getCurrentUrl": "http://127.0.0.1:8000/ikp/konto",
    })
    driver.execute("get", {"url": "http://127.0.0.1:8000/ikp/zaloguj"})
    driver.execute("findElements", {"using": "xpath", "value": "//input"})
    driver.execute("getElementText", {"id": "pesel"})
    element(driver, "pesel").send_keys("123")
    driver.execute("findElement", {"using": "css selector", "value": "form"})
    driver.execute("findChildElement", {"using": "xpath", "value": ".//button", "id": "form-1"})
    element(driver, "next").click()
    driver.execute("w3cExecuteScript", {"script": "return [{x: document.body}]", "args": []})
    element(driver, "from-script").clear()
    driver.execute("w3cExecuteScript", {"script": "window.open(arguments[0]);", "args": [form]})
    driver.execute("actions", {"actions": []})
    assert driver.execute("getCurrentUrl")["value"].endswith("/konto")

    actions = [a for a in recording.recorder.take() if a["op"] != "checkpoint"]
    ops = [a["op"] for a in actions]
    assert ops == ["newSession", "get", "sendKeysToElement", "clickElement", "clearElement", "script", "unsupported"]
    assert actions[0]["capabilities"]["goog:chromeOptions"]["args"] == ["--headless=new"]
    assert actions[2]["element"] == {"find": "findElements", "using": "xpath", "value": "//input", "index": 1}
    assert actions[2]["params"]["text"] == "123"
    assert actions[3]["element"] == {"find": "findChildElements", "using": "xpath", "value": ".//button", "index": 0,
                                     "parent": {"find": "findElements", "using": "css selector", "value": "form",
                                                "index": 0}}
    assert actions[4]["element"] == {"find": "script", "script": "return [{x: document.body}]", "args": [],
                                     "path": [0, "x"]}
    assert actions[5]["args"] == [{RECIPE_KEY: actions[3]["element"]["parent"]}]
    assert actions[6]["command"] == "actions"
    assert recording.recorder.origins == {"http://127.0.0.1:8000"}


def test_windows_are_recorded_by_order_of_first_appearance(recording):
    driver = FakeDriver({"w3cGetCurrentWindowHandle": "AAA", "w3cGetWindowHandles": ["AAA", "ZZZ"],
                         "newWindow": {"handle": "MMM", "type": "tab"}})
    timing.instrument(driver)
    driver.execute("w3cGetCurrentWindowHandle")
    driver.execute("w3cGetWindowHandles")
    driver.execute("switchToWindow", {"handle": "ZZZ"})
    driver.execute("newWindow", {"type": "tab"})
    driver.execute("switchToWindow", {"handle": "MMM"})
    driver.execute("switchToWindow", {"handle": "AAA"})
    switches = [a["window"] for a in recording.recorder.take() if a["op"] == "switchToWindow"]
    assert switches == [1, 2, 0]


def test_a_reused_browsers_fresh_tab_is_learnt_from_the_close_answer(recording):
    """BrowserKeeper's clean-up: open a tab, close the scenario's one (answers the handles left), switch."""
    driver = FakeDriver({"w3cGetCurrentWindowHandle": "AAA", "close": ["BBB"]})
    timing.instrument(driver)  # learns the first tab, AAA, as window 0
    driver.execute("w3cExecuteScript", {"script": "window.open('about:blank', '_blank', 'noopener');", "args": []})
    driver.execute("close")
    driver.execute("switchToWindow", {"handle": "BBB"})
    actions = [a for a in recording.recorder.take() if a["op"] != "checkpoint"]
    assert [a["op"] for a in actions] == ["newSession", "script", "close", "switchToWindow"]
    assert actions[-1]["window"] == 1
    assert recording.recorder.states() == {"1": {"windows": 2, "current": 1}}


def test_scenario_buckets_are_disjoint_and_a_trailing_quit_belongs_to_the_scenario(recording):
    driver = FakeDriver({"findElements": [], "getCurrentUrl": "http://127.0.0.1:8000/ikp/wylogowano"})
    client = SimpleNamespace(base_url="http://127.0.0.1:8000")
    admin = timing.timed_admin_call(lambda self, method, path, body=None, **params: {"ok": True})

    admin(client, "POST", "reset")  # before_all: between scenarios
    timing.scenario_started()
    admin(client, "POST", "patients/1/reset")
    timing.browser_started(0.0)
    timing.instrument(driver)
    with timing.waiting():
        driver.execute("findElements", {"using": "xpath", "value": "//h1"})
        with timing.waiting():  # a wait inside a wait counts once
            driver.execute("findElements", {"using": "xpath", "value": "//h2"})
    driver.execute("get", {"url": "http://127.0.0.1:8000/ikp/konto"})
    timing.scenario_done(scenario("first"))
    driver.quit()  # behave's fixture clean-up, after after_scenario
    timing.scenario_started()
    timing.scenario_done(scenario("second"))
    timing.write("")  # nothing written without a path, but the last scenario is final

    first, second = recording.scenarios
    assert first["wall_from"] == "before_scenario"
    assert first["browser_quits"] == 1 and first["webdriver_calls"] == 3 and first["waits"] == 1
    assert first["webdriver_in_waits_calls"] == 2 and first["admin_calls"] == 1
    # the new browser's first tab, and its page at the end (the trailing quit needs none)
    assert first["recording_calls"] == 2
    assert first["harness_outside_s"] >= 0
    parts = sum(first[key] for key in timing.BUCKETS) + first["harness_outside_s"]
    assert parts == pytest.approx(first["wall_s"])
    assert second["browser_quits"] == 0 and second["recording_calls"] == 0

    kinds = [(f["kind"], [a["op"] for a in f["actions"]]) for f in recording.flows]
    assert kinds[0] == ("between", ["admin"])
    assert kinds[1] == ("scenario", ["admin", "newSession", "get", "checkpoint", "quit"])


def test_without_scenario_started_a_scenario_starts_where_the_previous_ended(recording):
    timing.scenario_done(scenario("first"))
    timing.scenario_done(scenario("second"))
    timing.write("")
    first, second = recording.scenarios
    assert (first["wall_from"], second["wall_from"]) == ("run_start", "previous_scenario_end")


def test_before_an_action_the_page_of_each_browser_that_acted_is_noted(recording):
    """The replay must not quit, call the admin API or act while the previous navigation is on its way."""
    urls = iter(["http://127.0.0.1:8000/pz/ekran_pz", "http://127.0.0.1:8000/ikp/konto",
                 "http://127.0.0.1:8000/ikp/wylogowano", "http://127.0.0.1:8000/ikp/wylogowano"])
    driver = FakeDriver({"getCurrentUrl": lambda p: next(urls), "findElements": lambda p: [element(driver, "f")]})
    client = SimpleNamespace(base_url="http://127.0.0.1:8000")
    admin = timing.timed_admin_call(lambda self, method, path, body=None, **params: {"ok": True})
    timing.instrument(driver)
    driver.execute("get", {"url": "http://127.0.0.1:8000/ikp/zaloguj"})  # a new browser's blank page: no checkpoint
    driver.execute("findElements", {"using": "id", "value": "pesel"})  # a query: no checkpoint
    element(driver, "f").send_keys("1\ue007")  # after: the PZ page
    admin(client, "GET", "events")  # a read: no checkpoint
    admin(client, "POST", "faults", {"kind": "node_down"})  # after: the account the Enter led to
    admin(client, "DELETE", "faults")  # nothing acted since: no checkpoint
    driver.execute("w3cAcceptAlert")  # a prompt would be dismissed by a query: no checkpoint
    driver.execute("executeCdpCommand", {"cmd": "Network.clearBrowserCookies", "params": {}})  # after: the page
    driver.execute("executeCdpCommand", {"cmd": "Storage.clearDataForOrigin", "params": {}})  # clearing keeps it
    driver.quit()
    entries = [(a["op"], a.get("url", "").rsplit("/", 1)[-1]) for a in recording.recorder.take()]
    assert entries == [("newSession", ""), ("get", ""), ("checkpoint", "ekran_pz"),
                       ("sendKeysToElement", ""), ("admin", ""), ("checkpoint", "konto"), ("admin", ""),
                       ("admin", ""), ("w3cAcceptAlert", ""), ("checkpoint", "wylogowano"),
                       ("executeCdpCommand", ""), ("executeCdpCommand", ""), ("quit", "")]
    assert recording.totals["recording_calls"] == 4  # the first tab's handle and three pages


def test_a_scenario_notes_the_windows_of_the_browsers_it_carries_on_in(recording):
    driver = FakeDriver({"w3cGetCurrentWindowHandle": "AAA", "w3cGetWindowHandles": ["AAA", "BBB"],
                         "getCurrentUrl": "about:blank"})
    timing.instrument(driver)
    driver.execute("w3cGetWindowHandles")
    driver.execute("switchToWindow", {"handle": "BBB"})
    timing.scenario_done(scenario("first"))
    timing.scenario_started()
    timing.scenario_done(scenario("second"))
    timing.write("")
    segments = [f for f in recording.flows if f["kind"] == "scenario"]
    assert segments[1]["sessions"] == {"1": {"windows": 2, "current": 1}}

"""BrowserKeeper's policy: only a passed scenario's browser is handed on, and only when cleaned.

A stand-in driver records what the keeper asks of it; the real clean-up is tested end to end in
tests/meta/test_browser_reuse.py with Chromium.
"""

from __future__ import annotations

import pytest

from harness import browser
from harness.browser import BrowserKeeper
from harness.config import Settings


class StandInDriver:
    def __init__(self, tabs_left: int = 1, fail_cdp: bool = False):
        self.calls: list[str] = []
        self.tabs_left = tabs_left
        self.fail_cdp = fail_cdp
        self.switch_to = self

    def execute_script(self, script, *args):
        self.calls.append("script")

    def execute(self, command, params=None):
        self.calls.append(command)
        return {"value": [f"tab{i}" for i in range(self.tabs_left)]}

    def window(self, handle):
        self.calls.append(f"switch:{handle}")

    def execute_cdp_cmd(self, command, params):
        if self.fail_cdp:
            raise RuntimeError("devtools gone")
        self.calls.append(command)

    def quit(self):
        self.calls.append("quit")


@pytest.fixture
def started(monkeypatch):
    drivers: list[StandInDriver] = []

    def new_browser(settings):
        drivers.append(StandInDriver())
        return drivers[-1]

    monkeypatch.setattr(browser, "new_browser", new_browser)
    return drivers


ORIGINS = ["http://127.0.0.1:8081", "http://127.0.0.1:8082/pz"]


def test_a_passed_scenarios_browser_is_cleaned_and_handed_on(started):
    keeper = BrowserKeeper(Settings())
    first = keeper.take()
    keeper.give_back(first, reusable=True, origins=ORIGINS)
    assert keeper.take() is first and len(started) == 1
    assert "quit" not in first.calls
    assert first.calls[:3] == ["script", "close", "switch:tab0"]  # new tab, old one closed, switched
    assert first.calls.count("Storage.clearDataForOrigin") == 2  # both origins, by origin not by path
    assert {"Network.clearBrowserCookies", "Network.clearBrowserCache"} <= set(first.calls)


@pytest.mark.parametrize(("settings", "driver", "reusable"), [
    (Settings(), StandInDriver(), False),  # the scenario did not pass
    (Settings(browser_reuse=False), StandInDriver(), True),
    (Settings(remote_url="http://grid:4444"), StandInDriver(), True),  # no DevTools through a Grid
    (Settings(browser="firefox", driver_path="/x"), StandInDriver(), True),
    (Settings(), StandInDriver(tabs_left=2), True),  # the scenario left another tab open
    (Settings(), StandInDriver(fail_cdp=True), True),  # the clean-up failed half-way
])
def test_any_doubt_quits_the_browser_and_the_next_scenario_gets_a_new_one(started, settings, driver, reusable):
    keeper = BrowserKeeper(settings)
    keeper.give_back(driver, reusable=reusable, origins=ORIGINS)
    assert driver.calls[-1] == "quit"
    assert keeper.take() is not driver and len(started) == 1


def test_the_kept_browser_is_quit_at_the_end_of_the_run(started):
    keeper = BrowserKeeper(Settings())
    driver = keeper.take()
    keeper.give_back(driver, reusable=True, origins=ORIGINS)
    keeper.close()
    assert driver.calls[-1] == "quit"


def test_a_brand_new_browser_is_never_the_kept_one(started):
    """The recovery of instrukcja CeZ pkt 3 ("a new private window") even as a scenario's first step."""
    keeper = BrowserKeeper(Settings())
    kept = keeper.take()
    keeper.give_back(kept, reusable=True, origins=ORIGINS)
    fresh = keeper.take(brand_new=True)
    assert fresh is not kept and kept.calls[-1] == "quit" and len(started) == 2

"""The base page: the one explicit wait, acting on what a person sees, and arriving on the next screen."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from pages import dom
from pages.components.markers import raise_error_screen
from pages.errors import AmbiguousQuery, IkpNotAnswering, NotAnswering, RefusedByIkp
from pages.locators import Locator, Query, describe, role, within
from pages.missing import missing, missing_for

P = TypeVar("P", bound="BasePage")
# Waits look again every 20 ms: a probe is one script (~12 ms), and at 50 ms the suite spent 8.2 s of a
# 55 s run idle between looks (make bench, 2026-12-05: suite/floor 1.11 -> 1.03).
_LOOK_AGAIN_S = 0.02
# What a click may meet in a page that is still settling (content swapped in place, an overlay).
_RETRY_ACTION = (StaleElementReferenceException, ElementClickInterceptedException, ElementNotInteractableException)


@dataclass
class Site:
    """What every page object needs: the browser, the two origins and the explicit-wait timeout."""

    driver: WebDriver
    ikp_url: str
    pz_url: str
    timeout: float
    # A context manager around every explicit wait (the run's timing, when measured); none by default.
    waiting: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext
    # Strict queries (config `strict`): a query for one element matching several visible ones fails, listing them.
    strict: bool = True

    def ikp(self, path: str) -> str:
        return f"{self.ikp_url}{path}"


@dataclass(frozen=True)
class Action:
    """An action on the screen: the generation its content was stamped with just before, and the h1 then."""

    generation: int
    h1_before: str

    def moved_on(self, screen: dom.Screen) -> bool:
        """Whether the screen is past the action: new content (a new document or swapped in place),
        another h1, or an alert that was not there before."""
        return screen.fresh or screen.h1 != self.h1_before or bool(screen.new_alerts)


class BasePage:
    """A screen; subclasses set TITLE (the text of its h1) and expose services returning the next page.

    Whether the page is here is one hook, `is_here(screen)` (by default: the h1 is TITLE), with the query
    it reads (`evidence()`). `arrive`, `next_page` and `await_refusal` wait through it.
    """

    TITLE: str = ""
    PATH: str = ""
    # An error screen of instrukcja CeZ pkt 3 that a scenario awaits: seeing it ends no wait.
    ERROR_SCREEN: bool = False
    # Who serves what this page does: a page load that runs out of time while it acts or waits is their failure.
    NOT_ANSWERING: type[NotAnswering] = IkpNotAnswering

    def __init__(self, site: Site):
        self.site = site
        self.driver = site.driver

    # -- is this page here -------------------------------------------------------------------------
    def is_here(self, screen: dom.Screen) -> bool:
        """Whether the screen is this page; `screen.result` answers `evidence()`. Pages override it."""
        return screen.h1 == self.TITLE

    def evidence(self) -> dict | None:
        """The query (pages.locators.Query) whose answer `is_here` reads, or None when the screen's state is enough."""
        return None

    def describe(self) -> str:
        """How a wait names this page when it does not come."""
        return f"strona „{self.TITLE}”"

    def arrive(self: P, after: Action | None = None) -> P:
        """Wait until this page is here (and, after an action, the screen moved on); return self."""
        return self.next_page(after, self)

    def next_page(self, after: Action | None, *pages: type[BasePage] | BasePage) -> BasePage:
        """Wait until one of `pages` (classes, or page objects) is here, after `after` when given; return it."""
        candidates = [page if isinstance(page, BasePage) else page(self.site) for page in pages]
        evidence = {str(i): page.evidence() for i, page in enumerate(candidates) if page.evidence() is not None}

        def landed(screen: dom.Screen) -> BasePage | None:
            for i, page in enumerate(candidates):
                seen = replace(screen, result=screen.result.get(str(i))) if evidence else screen
                if page.is_here(seen):
                    return page
            return None

        only = candidates[0] if len(candidates) == 1 else None
        try:
            screen = self.wait_for(lambda screen: landed(screen) is not None,
                                   " albo ".join(page.describe() for page in candidates),
                                   Query.all(**evidence) if evidence else None, after=after,
                                   expect_error_screen=any(page.ERROR_SCREEN for page in candidates),
                                   expect_title=only.TITLE if only is not None else "")
        except TimeoutException:
            # the one page awaited had its h1; what is missing is the text its evidence looks for
            shown = only.evidence() if only is not None else None
            if shown is not None and shown.get("q") in _SINGLE:
                now = self.probe(shown)
                if not now.result:
                    raise missing_for(self.driver, shown["loc"], None, now.h1, now.url) from None
            raise
        return landed(screen)

    def await_refusal(self: P, action: Action, what: str) -> P:
        """Wait until this page shows, after `action`, why iIKP refused (role=alert); return self."""
        self.wait_for(lambda screen: self.is_here(screen) and bool(screen.alerts), what, self.evidence(), after=action)
        return self

    # -- reading -----------------------------------------------------------------------------------
    def probe(self, query: dict | None = None) -> dom.Screen:
        """One look at the screen (no waiting): its state and the answer to `query`."""
        return dom.probe(self.driver, query)

    def read(self, query: dict) -> Any:
        """The answer to a query of pages.locators.Query, read now in one round trip."""
        return self.probe(query).result

    def alerts(self) -> list[str]:
        """The messages the screen shows (role=alert): refusals, validation messages; in page order."""
        return self.probe().alerts

    def refused_fields(self) -> list[str]:
        """The labels of the form fields marked as wrong (aria-invalid), in page order."""
        return self.read(Query.refused_fields())

    def wait_for(self, condition: Callable[[dom.Screen], object], what: str, query: dict | None = None,
                 after: Action | None = None, expect_error_screen: bool = False,
                 expect_title: str = "") -> dom.Screen:
        """The suite's one explicit wait: poll the screen (one round trip each) until `condition` holds
        (and, after an action, the screen moved on) and the page is not busy loading, up to the configured
        timeout; return that screen.

        An error screen of instrukcja CeZ pkt 3 ends the wait at once with an EnvironmentFailure, unless
        `expect_error_screen`. A timeout while the screen shows a refusal (role=alert) raises
        RefusedByIkp quoting it. A timeout while the h1 is not `expect_title`, or while the element of a
        single-element query is not there, raises ScreenTextMissing (pages/missing.py: the missing text,
        the screen, what it shows of the same kind, the overlay line). With `Site.strict`, a query for one
        element that matches several visible ones raises AmbiguousQuery at once, listing them. Any other
        timeout raises TimeoutException saying what was awaited.
        """
        def holds(screen: dom.Screen) -> object:
            return (after is None or after.moved_on(screen)) and condition(screen)

        return self._wait(holds, what, query, since=after.generation if after else None,
                          expect_error_screen=expect_error_screen, expect_title=expect_title)

    def _wait(self, condition: Callable[[dom.Screen], object], what: str, query: dict | None = None,
              since: int | None = None, stamp: int | None = None, expect_error_screen: bool = False,
              expect_title: str = "") -> dom.Screen:
        last: list[dom.Screen] = []

        def check(driver: WebDriver):
            try:
                screen = dom.probe(driver, query, since, stamp)
            except TimeoutException:  # the driver's: a page still loading when its page-load timeout ran out
                raise self.not_answering(driver.current_url) from None
            except WebDriverException as exc:
                if dom.page_was_changing(exc):  # the page changed under the script: look again
                    return False
                raise
            last[:] = [screen]
            if screen.error and not expect_error_screen:
                raise_error_screen(screen.error, screen.url)
            if screen.ambiguous and self.site.strict and not screen.busy:
                first = screen.ambiguous[0]
                raise AmbiguousQuery(describe(first["loc"]), first["texts"], screen.h1, screen.url)
            return screen if not screen.busy and condition(screen) else False

        try:
            with self.site.waiting():
                return WebDriverWait(self.driver, self.site.timeout, poll_frequency=_LOOK_AGAIN_S).until(check)
        except TimeoutException:
            seen = last[0] if last else None
            if seen is not None and seen.alerts:
                raise RefusedByIkp(seen.alerts, what) from None
            if seen is not None and expect_title and seen.h1 != expect_title:
                raise missing(self.driver, f"nagłówek „{expect_title}”", expect_title, "naglowki", seen.h1,
                              seen.url) from None
            target = query["loc"] if query and query.get("q") in _SINGLE else None
            if seen is not None and target is not None and not seen.result:
                raise missing_for(self.driver, target, what, seen.h1, seen.url) from None
            where = f"adres: {seen.url}, nagłówek: „{seen.h1}”" if seen else f"adres: {self.driver.current_url}"
            raise TimeoutException(f"Nie doczekano się w {self.site.timeout:g} s: {what} ({where})") from None

    def title(self) -> str:
        """The text of the page's h1, or '' while there is none."""
        return self.probe().h1

    def find(self, target: Locator, what: str | None = None) -> WebElement:
        """The visible element matching `target` (named by `what`, else by the locator itself), waiting for it."""
        return self.wait_for(lambda screen: screen.result is not None, what or describe(target),
                             Query.element(target)).result

    def shows(self, target: Locator) -> bool:
        """Whether anything visible matches `target` now (no waiting)."""
        return bool(self.read(Query.exists(target)))

    # -- acting --------------------------------------------------------------------------------------
    def go(self, url: str) -> None:
        """Navigate to `url` as a person types an address; a page that does not load in time is NOT_ANSWERING."""
        self._loading(lambda: self.driver.get(url), url)

    def open(self: P) -> P:
        """Navigate to the page's own address and wait for it; return it."""
        self.go(self.site.ikp(self.PATH))
        return self.arrive()

    def act(self, target: Locator, what: str | None, do: Callable[[WebElement], None]) -> Action:
        """Find the element, stamp the screen's content, then `do` it (a real WebDriver action).

        If the element goes stale or is covered meanwhile (a page settling, content swapped in place),
        it is found again and the action repeated, up to the timeout. Returns the Action, for waiting
        on what comes next.
        """
        generation = dom.new_generation()

        def attempt(screen: dom.Screen) -> bool:
            try:
                self._loading(lambda: do(screen.result), screen.url)
                return True
            except _RETRY_ACTION:
                return False

        screen = self._wait(lambda screen: screen.result is not None and attempt(screen), what or describe(target),
                            Query.element(target), stamp=generation)
        return Action(generation, screen.h1)

    def perform(self, do: Callable[[], object]) -> Action:
        """Stamp the screen's content, then `do` what acts on the whole browser (Back, reload); return the Action."""
        generation = dom.new_generation()
        before = dom.probe(self.driver, None, None, generation)
        self._loading(do, before.url)
        return Action(generation, before.h1)

    def _loading(self, do: Callable[[], object], url: str) -> None:
        """Do what may load a page (an address, a click, a key, Back); the driver waits for the page up to its
        page-load timeout, and when that runs out the environment did not answer (NOT_ANSWERING)."""
        try:
            do()
        except TimeoutException:  # the driver's own: the page did not load in time
            raise self.not_answering(url) from None

    def not_answering(self, url: str) -> NotAnswering:
        """The failure of a page load that ran out of time at `url` (the address asked for, or acted on)."""
        try:
            limit = f"{self.driver.timeouts.page_load:g} s"
        except WebDriverException:
            limit = "?"
        return self.NOT_ANSWERING(url, f"limit wczytywania strony w przeglądarce: {limit} (trzy razy `timeout`)")

    def click(self, target: Locator, what: str | None = None) -> Action:
        """Click the element a person would click; return the Action."""
        return self.act(target, what, lambda element: element.click())

    def fill(self, target: Locator, value: str, what: str | None = None) -> Action:
        """Type `value` into the field (emptied first if it holds anything); return the Action."""

        def type_in(element: WebElement) -> None:
            if element.get_property("value"):
                element.clear()
            if value:
                element.send_keys(value)

        return self.act(target, what, type_in)

    def set_checked(self, target: Locator, checked: bool, what: str | None = None) -> Action:
        """Tick or untick a checkbox (or pick a radio button) unless it already is so; return the Action."""

        def toggle(element: WebElement) -> None:
            if element.is_selected() != checked:
                element.click()

        return self.act(target, what, toggle)

    def choose_option(self, select: Locator, option: str, what: str | None = None) -> Action:
        """Pick the option with this visible text from a drop-down list, as a person clicks it."""
        return self.click(within(select, role("option", option)), f"{what}: „{option}”" if what else None)

    def wait_for_next(self, after: Action, what: str, expect_error_screen: bool = False) -> dom.Screen:
        """Wait until the screen moved on after the action (new content, another h1 or a new alert); return it."""
        return self.wait_for(lambda screen: True, what, after=after, expect_error_screen=expect_error_screen)

    def current_url(self) -> str:
        return self.driver.current_url


# Queries for one element: when the wait for one runs out, that element is what is missing.
_SINGLE = ("element", "field", "text", "exists")

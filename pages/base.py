"""The base page: the one explicit-wait helper, error-screen detection and locator builders."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait

from pages import dom
from pages.components.error_screens import detect_error_screen, raise_error_screen

T = TypeVar("T")
Locator = tuple[str, str]


def by_text(tag: str, text: str) -> Locator:
    """An element of the given tag whose visible text is exactly `text` (whitespace folded)."""
    return By.XPATH, f"//{tag}[normalize-space()={_xpath_literal(text)}]"


def button(text: str) -> Locator:
    """A real button by its accessible name (its text)."""
    return by_text("button", text)


def link(text: str) -> Locator:
    return by_text("a", text)


def field(label: str) -> Locator:
    """The form control bound to the <label> with this text (label[for] -> id)."""
    literal = _xpath_literal(label)
    return By.XPATH, f"//*[@id=//label[normalize-space()={literal}]/@for]"


def _xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    return "concat('" + "', \"'\", '".join(text.split("'")) + "')"


@dataclass
class Site:
    """What every page object needs: the browser, the two origins and the explicit-wait timeout."""

    driver: WebDriver
    ikp_url: str
    pz_url: str
    timeout: float
    # A context manager around every explicit wait (the run's timing, when measured); none by default.
    waiting: Callable[[], contextlib.AbstractContextManager] = contextlib.nullcontext
    # The screen a click_and_wait_for_new_page arrived at, for the next wait_until_loaded to use
    # instead of probing again; any other wait or action forgets it.
    arrived: dom.Screen | None = None

    def ikp(self, path: str) -> str:
        return f"{self.ikp_url}{path}"


class BasePage:
    """A screen; subclasses set TITLE (the text of its h1) and expose services returning the next page."""

    TITLE: str = ""
    PATH: str = ""
    H1: Locator = (By.TAG_NAME, "h1")

    def __init__(self, site: Site):
        self.site = site
        self.driver = site.driver

    # -- waiting -----------------------------------------------------------------------------------
    def wait(self, condition: Callable[[WebDriver], T], what: str, expect_error_screen: bool = False) -> T:
        """The suite's one explicit wait: poll `condition` up to the configured timeout.

        An error screen of instrukcja CeZ pkt 3 ends the wait at once with an EnvironmentFailure, unless
        `expect_error_screen` says that screen is the awaited outcome; a timeout raises
        TimeoutException saying what was awaited and where the browser is.
        """

        def check(driver: WebDriver):
            if not expect_error_screen:
                detect_error_screen(driver)
            try:
                return condition(driver)
            except StaleElementReferenceException:
                return False

        return self._until(check, what)

    def wait_for_screen(self, condition: Callable[[dom.Screen], object], what: str,
                        locator: Locator | None = None, expect_error_screen: bool = False) -> dom.Screen:
        """Like wait(), but each poll is one probe of the screen (dom.probe): one round trip."""

        self.site.arrived = None

        def check(driver: WebDriver):
            screen = dom.probe(driver, locator)
            if screen.error and not expect_error_screen:
                raise_error_screen(screen.error, screen.url)
            return screen if condition(screen) else False

        return self._until(check, what)

    def _until(self, check: Callable[[WebDriver], T], what: str) -> T:
        try:
            with self.site.waiting():
                return WebDriverWait(self.driver, self.site.timeout, poll_frequency=0.05).until(check)
        except TimeoutException:
            raise TimeoutException(
                f"Nie doczekano się w {self.site.timeout:g} s: {what} (adres: {self.driver.current_url})") from None

    def wait_until_loaded(self) -> "BasePage":
        """Wait until this page's h1 shows; return self. The one check a page object makes."""
        arrived, self.site.arrived = self.site.arrived, None
        if arrived is not None and arrived.h1 == self.TITLE:  # the new page's probe has seen it already
            return self
        self.wait_for_screen(lambda screen: screen.h1 == self.TITLE, f"strona „{self.TITLE}”")
        return self

    def title(self) -> str:
        """The text of the page's h1, or '' while there is none."""
        return dom.probe(self.driver).h1

    def find(self, locator: Locator, what: str) -> WebElement:
        """The first visible element for the locator, waiting for it."""
        return self._find(locator, what).element

    def _find(self, locator: Locator, what: str) -> dom.Screen:
        return self.wait_for_screen(lambda screen: screen.element is not None, what, locator)

    def texts(self, locator: Locator) -> list[str]:
        """Visible texts of all elements matching the locator, without waiting."""
        return dom.texts(self.driver, locator)

    def text_or_empty(self, locator: Locator) -> str:
        found = self.texts(locator)
        return found[0] if found else ""

    # -- acting ------------------------------------------------------------------------------------
    def open(self: T) -> T:
        """Navigate to the page's own address and wait for it."""
        self.site.arrived = None
        self.driver.get(self.site.ikp(self.PATH))  # type: ignore[attr-defined]
        return self.wait_until_loaded()  # type: ignore[attr-defined]

    def fill(self, locator: Locator, value: str, what: str) -> WebElement:
        """Type `value` into the field (emptied first if it holds anything); return the field."""
        found = self._find(locator, what)
        if found.value:
            found.element.clear()
        if value:
            found.element.send_keys(value)
        return found.element

    def choose_option(self, select: Locator, option: str, what: str) -> None:
        """Pick the option with this visible text in a drop-down list (an XPath locator of the <select>)."""
        self.click((By.XPATH, f"{select[1]}/option[normalize-space()={_xpath_literal(option)}]"),
                   f"{what}: „{option}”")

    def click(self, locator: Locator, what: str) -> None:
        self.find(locator, what).click()

    def click_and_wait_for_new_page(self, locator: Locator, what: str) -> None:
        """Click something that loads a new document and wait until the old one is gone."""
        self.click(locator, what)  # the probe that found it marked the current document
        self.wait_for_new_page(f"nowa strona po: {what}")

    def wait_for_new_page(self, what: str, expect_error_screen: bool = False) -> dom.Screen:
        """Wait until the document probed last is replaced by a new one; return the new screen."""
        screen = self.wait_for_screen(lambda screen: screen.fresh, what, expect_error_screen=expect_error_screen)
        self.site.arrived = screen
        return screen

    def current_url(self) -> str:
        return self.driver.current_url

    # -- messages every iIKP screen may show (see docs/simulator-contract.md) -----------------------
    FLASH: Locator = (By.ID, "flash")
    ALERTS: Locator = (By.CSS_SELECTOR, "[role='alert']")

    def flash(self) -> str:
        """The one-shot confirmation after an action (role=status), or ''."""
        return self.text_or_empty(self.FLASH)

    def alerts(self) -> list[str]:
        """Every validation or refusal message on the screen (role=alert), in page order."""
        return [text for text in self.texts(self.ALERTS) if text]


def is_stale(element: WebElement) -> bool:
    try:
        element.is_enabled()
        return False
    except StaleElementReferenceException:
        return True

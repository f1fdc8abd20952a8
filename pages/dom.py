"""Reading the screen as a person does, in one WebDriver round trip per question.

Every WebDriver command is an HTTP round trip to the driver (10–30 ms on a small machine), so page
objects *read* through one script per poll (`probe`): the state of the screen (an error screen of
instrukcja CeZ pkt 3, the h1, the address, whether the content is new since an action, whether the
page is busy loading, the alerts, the header) together with the answer to a `Query` of
`pages/locators.py`. They *act* only through real WebDriver commands (click, keys, clear), so that
what the browser does is exactly what a person's input would do.

The script (pages/dom.js) finds elements by ARIA role and accessible name, by label, by visible text, by a table's
column headers and by the label beside a value (see pages/locators.py), in any markup: a `<table>`
or an ARIA grid, a `<dl>` or labelled paragraphs, a `<button>` or an `<input type=submit>`.

Content, not documents: a single-page portal swaps screens in place. So "the screen changed since
my action" is told by the content's own nodes: the probe that finds the element an action uses
stamps the document, its body, main region, h1 and visible alerts with a generation number; a later
probe `since` that generation reports `fresh` when any of those nodes is new (a new document, or
content swapped in place) and lists the alerts that appeared since. Visible text follows WebDriver's
rule: a hidden element has the text "".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

from pages.components.markers import ERROR_TITLES, LOGOUT_NAME
from pages.wording import Wording, active

# The script of every probe (pages/dom.js), read once when the module loads.
_PROBE = (Path(__file__).with_name("dom.js")).read_text(encoding="utf-8")

_generations = itertools.count(1)


def new_generation() -> int:
    """A fresh generation number for stamping the content before an action."""
    return next(_generations)


@dataclass(frozen=True)
class Screen:
    """What one probe saw, and the answer to its query."""

    error: str | None  # 'pz' or 'ikp' when an error screen of instrukcja CeZ pkt 3 is shown
    h1: str
    url: str
    fresh: bool  # the content is new since the generation asked about (always True without one)
    busy: bool  # a loading indicator is shown (aria-busy, a progress bar)
    alerts: list[str]  # every visible alert's text, in page order
    new_alerts: list[str]  # the alerts that appeared since the generation asked about
    banner: str  # the page header's own text (without its links, buttons and menus)
    logged_in: bool  # „Wyloguj się” is offered somewhere on the screen
    result: Any = field(default=None)
    # single-element queries that matched several visible elements: [{'loc': locator, 'texts': [...]}]
    ambiguous: list = field(default_factory=list)


# What Chromium answers when a document goes away between finding a node and using it, or while a
# script runs: the screen is changing, so the right response is to look again.
_PAGE_CHANGING = ("does not belong to the document", "document unloaded", "execution context was destroyed",
                  "target frame detached", "node is detached")


def page_was_changing(exc: BaseException) -> bool:
    """Whether a WebDriver error only means the page changed under the call (stale node, unloading)."""
    if isinstance(exc, StaleElementReferenceException):
        return True
    return isinstance(exc, WebDriverException) and any(t in str(exc.msg or "").lower() for t in _PAGE_CHANGING)


def probe(driver: WebDriver, query: dict | None = None, since: int | None = None,
          stamp: int | None = None, wording: Wording | None = None) -> Screen:
    """One round trip: the screen's state and the answer to `query` (see pages.locators.Query).

    The query goes to the browser in this environment's words and the answer comes back in the suite's
    (the run's overlay, pages/wording.py): the h1, the alerts and every whole text of the result."""
    wording = wording or active()
    config = {"errors": {kind: wording.shown(title) for kind, title in ERROR_TITLES.items()},
              "logout": wording.shown(LOGOUT_NAME)}
    seen = driver.execute_script(_PROBE, wording.to_screen(query), since, stamp, config)
    for key in ("h1", "alerts", "new_alerts", "result"):
        seen[key] = wording.from_screen(seen[key])
    return Screen(**seen)

"""Reading the page in one WebDriver round trip per question.

Every WebDriver command is an HTTP round trip to the driver (10–30 ms on a small machine), and the
naive way to ask "is this page loaded, is there an error screen, which is the first visible
`Dalej`?" costs three to six of them per poll. Page objects therefore *read* through the scripts
below (one `execute_script` each), and *act* only through real WebDriver commands (click, keys,
clear), so that what the browser does is exactly what a person's input would do.

Locators are Selenium's `(By.X, value)` pairs; XPath, CSS, id, name and tag name are understood.
An XPath used inside another element must be relative (start with "."), as in Selenium.
Visible text follows WebDriver's rule: a hidden element has the text "".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from pages.components.error_screens import IKP_ERROR_ID, IKP_ERROR_TITLE, PZ_ERROR_ID, PZ_ERROR_TITLE

Locator = tuple[str, str]

_LIBRARY = "const MARKERS = " + json.dumps(
    {"pz_id": PZ_ERROR_ID, "ikp_id": IKP_ERROR_ID, "pz_title": PZ_ERROR_TITLE, "ikp_title": IKP_ERROR_TITLE}) + """;
const squash = s => (s || '').replace(/\\s+/g, ' ').trim();
const all = (locator, root) => {
  const [how, what] = locator, scope = root || document;
  if (how === 'xpath') {
    const found = document.evaluate(what, scope, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
    return Array.from({length: found.snapshotLength}, (_, i) => found.snapshotItem(i));
  }
  if (how === 'css selector') return Array.from(scope.querySelectorAll(what));
  if (how === 'id') return Array.from(scope.querySelectorAll('[id="' + CSS.escape(what) + '"]'));
  if (how === 'name') return Array.from(scope.querySelectorAll('[name="' + CSS.escape(what) + '"]'));
  if (how === 'tag name') return Array.from(scope.getElementsByTagName(what));
  throw new Error('unsupported locator strategy: ' + how);
};
const visible = el => {
  // as in WebDriver, an option is shown when its list is
  const shown = el.tagName === 'OPTION' ? (el.closest('select') || el) : el;
  return shown.getClientRects().length > 0 && getComputedStyle(shown).visibility !== 'hidden';
};
const text = el => visible(el) ? el.innerText.trim() : '';
const errorScreen = () => {
  if (document.getElementById(MARKERS.pz_id)) return 'pz';
  if (document.getElementById(MARKERS.ikp_id)) return 'ikp';
  for (const h1 of document.getElementsByTagName('h1')) {
    if (squash(h1.textContent) === MARKERS.pz_title) return 'pz';
    if (squash(h1.textContent) === MARKERS.ikp_title) return 'ikp';
  }
  return null;
};
"""

# The state of the screen: error screen, h1, address, whether the document is new since the last
# probe (a mark left on `document` disappears with it), and the first visible match of a locator.
_PROBE = _LIBRARY + """
const locator = arguments[0];
const fresh = document.__iikpSeen !== true;
document.__iikpSeen = true;
const h1 = document.getElementsByTagName('h1')[0];
const element = locator ? (all(locator).find(visible) || null) : null;
return {error: errorScreen(), h1: h1 ? squash(h1.innerText) : '', url: location.href, fresh: fresh,
        element: element, value: element && 'value' in element ? String(element.value) : null};
"""

_TEXTS = _LIBRARY + "return all(arguments[0]).map(text);"

# For each match of a locator: the texts of each named part inside it, and the named attributes.
_RECORDS = _LIBRARY + """
const [locator, parts, attributes] = arguments;
return all(locator).map(el => {
  const record = {};
  for (const [name, part] of Object.entries(parts)) record[name] = all(part, el).map(text);
  for (const name of attributes) record['@' + name] = el.getAttribute(name);
  return record;
});
"""


@dataclass(frozen=True)
class Screen:
    """What one probe saw; `element` is the first visible match of the probed locator, if any."""

    error: str | None  # 'pz' or 'ikp' when an error screen of instrukcja CeZ pkt 3 is shown
    h1: str
    url: str
    fresh: bool  # the document was not probed before (a new page since the last probe)
    element: WebElement | None
    value: str | None  # the element's form value, None when it has none


def probe(driver: WebDriver, locator: Locator | None = None) -> Screen:
    answer = driver.execute_script(_PROBE, list(locator) if locator else None)
    return Screen(**answer)


def texts(driver: WebDriver, locator: Locator) -> list[str]:
    """The visible text of every match, in page order ('' for a hidden one)."""
    return driver.execute_script(_TEXTS, list(locator))


def records(driver: WebDriver, locator: Locator, parts: dict[str, Locator],
            attributes: tuple[str, ...] = ()) -> list[dict]:
    """For every match: {part name: [visible texts of the part's matches inside it]} and {'@attr': value}."""
    return driver.execute_script(_RECORDS, list(locator), {k: list(v) for k, v in parts.items()}, list(attributes))

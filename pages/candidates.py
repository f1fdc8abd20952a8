"""What a screen offers instead of a missing text: its visible buttons and links, labels, headings, column
headers, value labels and short texts, as shown (never mapped through the overlay).

Used by the failure message of a wait that did not find an expected text (pages/base.py) and by the
read-only reconnaissance (`make zwiad`, tools/zwiad.py), which drafts an overlay from them.
"""

from __future__ import annotations

from selenium.webdriver.remote.webdriver import WebDriver

# The candidate lists, by what a person looks for (Polish, as the failure message names them).
KIND_NAMES = {"przyciski": "przyciski i odnośniki", "etykiety": "etykiety pól", "naglowki": "nagłówki",
              "kolumny": "nagłówki kolumn", "etykiety_wartosci": "etykiety wartości", "teksty": "teksty"}
# The vocabulary's `rodzaj` (pages/teksty_ekranow.toml) -> the candidate list of the same kind.
FOR_ENTRY_KIND = {"przycisk": "przyciski", "odnośnik": "przyciski", "zakładka": "przyciski", "nagłówek": "naglowki",
                  "etykieta": "etykiety", "opcja": "etykiety", "etykieta wartości": "etykiety_wartosci",
                  "kolumna": "kolumny", "status": "teksty", "komunikat": "teksty", "tekst": "teksty"}
# A locator's own kind (pages/locators.py) -> the candidate list of the same kind.
FOR_LOCATOR = {"button": "przyciski", "link": "przyciski", "tab": "przyciski", "menuitem": "przyciski",
               "heading": "naglowki", "columnheader": "kolumny", "label": "etykiety", "option": "etykiety",
               "checkbox": "etykiety", "radio": "etykiety", "textbox": "etykiety", "combobox": "etykiety",
               "section": "naglowki", "value": "etykiety_wartosci", "text": "teksty"}
_LONGEST = 120  # longer texts are paragraphs, not candidates

_SCRIPT = r"""
const squash = s => (s || '').replace(/\s+/g, ' ').trim();
const visible = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
                      && !el.closest('[aria-hidden="true"]');
const LONGEST = arguments[0];
const out = {przyciski: [], etykiety: [], naglowki: [], kolumny: [], etykiety_wartosci: [], teksty: []};
const add = (kind, value) => {
  value = squash(value);
  if (value && value.length <= LONGEST && !out[kind].includes(value)) out[kind].push(value);
};
const role = el => (el.getAttribute('role') || '').trim();
const labelOf = el => {
  const aria = el.getAttribute('aria-label');
  if (aria) return aria;
  const by = el.getAttribute('aria-labelledby');
  if (by) return by.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean)
    .map(n => n.textContent).join(' ');
  if (el.labels && el.labels.length) return Array.from(el.labels).map(l => l.innerText).join(' ');
  return el.getAttribute('placeholder') || el.getAttribute('title') || '';
};
for (const el of document.body.querySelectorAll('*')) {
  if (el.matches('script,style,template,noscript') || !visible(el)) continue;
  const r = role(el);
  const tag = el.tagName;
  const clickable = ['button', 'link', 'tab', 'menuitem'].includes(r);
  if (tag === 'BUTTON' || (tag === 'A' && el.hasAttribute('href')) || clickable) {
    add('przyciski', labelOf(el) || el.innerText);
  } else if (tag === 'INPUT' && ['submit', 'button', 'reset'].includes((el.type || '').toLowerCase())) {
    add('przyciski', el.getAttribute('aria-label') || el.value);
  } else if (['INPUT', 'SELECT', 'TEXTAREA'].includes(tag) && el.type !== 'hidden'
             || ['textbox', 'checkbox', 'radio', 'combobox', 'listbox', 'switch', 'searchbox'].includes(r)) {
    add('etykiety', labelOf(el));
  }
  if (tag === 'OPTION' || r === 'option') add('etykiety', el.textContent);
  if (/^H[1-6]$/.test(tag) || r === 'heading') add('naglowki', el.innerText);
  if (r === 'columnheader' || (tag === 'TH' && el.getAttribute('scope') !== 'row'
                               && !el.parentElement.querySelector('td'))) add('kolumny', el.innerText);
  if (tag === 'DT' || r === 'rowheader' || r === 'term'
      || (tag === 'TH' && el.parentElement.querySelector('td'))) add('etykiety_wartosci', el.innerText);
  const own = squash(Array.from(el.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
    .map(n => n.textContent).join(' '));
  if (own) {
    const colon = own.match(/^([^:]{1,60}):/);
    if (colon) add('etykiety_wartosci', colon[1]);
    const shown = squash(el.innerText);
    if (shown.length <= LONGEST) add('teksty', shown);
  }
}
return out;
"""


def candidates(driver: WebDriver) -> dict[str, list[str]]:
    """The screen's visible candidates, as shown, by kind (KIND_NAMES' keys), each in page order."""
    return driver.execute_script(_SCRIPT, _LONGEST)


def of_kind(found: dict[str, list[str]], kind: str) -> list[str]:
    """The candidates of one kind (a KIND_NAMES key)."""
    return list(found.get(kind, []))

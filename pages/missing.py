"""The failure of a wait that did not find what it looked for, and of a list showing statuses nobody expects.

`missing(...)` turns a wait that ran out into a ScreenTextMissing naming the missing text, the
screen, the visible candidates of the same kind (pages/candidates.py) and the overlay line that would
map the text (pages/wording.py).
"""

from __future__ import annotations

from typing import Any

from pages import candidates as screen_candidates
from pages.errors import ScreenTextMissing
from pages.locators import describe
from pages.wording import active, load_vocabulary


def expected_text(loc: dict[str, Any] | None) -> tuple[str, str]:
    """The text the locator expects on screen (the innermost one that names something) and the kind of
    candidates to offer instead (pages.candidates.KIND_NAMES); ('', kind) when it names no text."""
    if not loc:
        return "", "teksty"
    if "within" in loc:
        inner = expected_text(loc["find"])
        return inner if inner[0] else expected_text(loc["within"])
    for key in ("having", "nth", "of"):
        if key in loc:
            return expected_text(loc[key])
    if "any" in loc:
        return next((found for found in map(expected_text, loc["any"]) if found[0]), ("", "przyciski"))
    if "role" in loc:
        return loc.get("name", ""), screen_candidates.FOR_LOCATOR.get(loc["role"], "teksty")
    for key, kind in (("label", "etykiety"), ("text", "teksty"), ("section", "naglowki")):
        if key in loc:
            return loc[key], kind
    return "", "teksty"


def _kind_of_text(text: str, fallback: str) -> str:
    entry = load_vocabulary().get(text)
    return screen_candidates.FOR_ENTRY_KIND[entry.kind] if entry and fallback == "teksty" else fallback


def missing(driver, what: str, text: str, kind: str, h1: str, url: str) -> ScreenTextMissing:
    """The failure for `text` (the suite's word; '' when none) not found as `what`, with the screen's
    candidates of `kind` as shown now."""
    kind = _kind_of_text(text, kind)
    try:
        offered = screen_candidates.candidates(driver).get(kind, [])
    except Exception:
        offered = []
    wording = active()
    shown = wording.shown(text) if text else ""
    overlay = wording.source if text and shown != text else ""
    if overlay:
        what = f"{what} (na tym iIKP: „{shown}”)"
    return ScreenTextMissing(what, text, kind, offered, wording.expected(h1), url,
                             screen_candidates.KIND_NAMES.get(kind, "elementy"), overlay,
                             screen_text=text in load_vocabulary())


def _shown(driver, loc: dict[str, Any]) -> bool:
    from pages import dom  # dom reads the screen through this module's failures: imported when needed

    return bool(dom.probe(driver, {"q": "exists", "loc": loc}).result)


def narrowest_missing(driver, loc: dict[str, Any]) -> dict[str, Any]:
    """The part of a nested locator whose absence explains why it found nothing: the outermost scope that
    is not on the screen (e.g. the section „Lekarz POZ” around the link „Wypełnij deklarację”), else `loc`."""
    if "within" not in loc:
        return loc
    scope, inner = loc["within"], loc["find"]
    if not _shown(driver, scope):
        return narrowest_missing(driver, scope)
    if "within" in inner:  # within(A, within(B, C)) is within(within(A, B), C)
        return narrowest_missing(driver, {"within": {"within": scope, "find": inner["within"]}, "find": inner["find"]})
    return loc


def missing_for(driver, loc: dict[str, Any], what: str | None, h1: str, url: str) -> ScreenTextMissing:
    """The failure of a wait for `loc` (described by `what`, or by the locator itself), naming the part of
    it that is not on the screen."""
    try:
        narrowed = narrowest_missing(driver, loc)
    except Exception:
        narrowed = loc
    text, kind = expected_text(narrowed)
    if narrowed is not loc and text != expected_text(loc)[0]:
        leaf = narrowed["find"] if "within" in narrowed else narrowed
        what = f"{describe(leaf)} (szukano: {what or describe(loc)})"
    return missing(driver, what or describe(loc), text, kind, h1, url)


def check_states(page, shown: list[str], states: dict[str, str], where: str) -> None:
    """Every status text read from a list (`shown`, in the suite's words) is one the page knows (`states`);
    otherwise ScreenTextMissing naming the statuses expected, the ones the column shows, and the overlay line."""
    unknown = [status for status in dict.fromkeys(shown) if status and status not in states]
    if not unknown:
        return
    screen = page.probe()
    wording = active()
    expected = ", ".join(f"„{status}”" for status in states)
    raw = [wording.shown(status) if status in states else status for status in dict.fromkeys(shown) if status]
    absent = [status for status in states if status not in shown]
    lines = "\n  ".join(f'"{status}" = "{unknown[0]}"' for status in absent[:3])
    raise ScreenTextMissing(
        f"żaden ze statusów {where}, których oczekuje zestaw ({expected}); ekran pokazuje „{unknown[0]}”",
        "", "teksty", raw, wording.expected(screen.h1), screen.url, f"statusy w kolumnie {where}",
        hint=("Jeśli to iIKP nazywa status inaczej, dopisz do nakładki tekstów (-D teksty=…) wiersz tego statusu, "
              f"np. jeden z:\n  {lines}"))

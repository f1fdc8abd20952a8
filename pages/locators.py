"""User-facing locators: how page objects name what a person sees, never the markup behind it.

The locator policy (docs/lokatory.md), in order of preference, after Testing Library's queries and
Playwright's user-facing locators:

1. `role(role, name)`: an element by its ARIA role (implicit or explicit) and accessible name, e.g.
   `role("button", "Dalej")` matches `<button>Dalej</button>`, `<input type=submit value="Dalej">`
   and `<span role="button">Dalej</span>`;
2. `label(text)`: a form control by its label (`<label for>`, a wrapping `<label>`, `aria-label`,
   `aria-labelledby`, and the placeholder last);
3. `text(text)`: the innermost element showing this text;
4. a table's column header (`Query.table`): rows read as {header: cell text}, whatever the column order
   and whether it is a `<table>` or an ARIA grid;
5. `Query.value_of(label)`: the value a person reads beside a label: a `<dt>`/`<dd>` pair, a row
   header and its cell, „Label: value” in one paragraph, or an element's `aria-label`.

No locator here or in any page object names an `id`, a class or a `data-*` attribute: the real iIKP's
markup is unknown and may be a single-page application. `tests/pages/test_locator_policy.py` fails
when one appears. Locators are plain JSON, evaluated by the script library of `pages/dom.py` in one
WebDriver round trip.
"""

from __future__ import annotations

from typing import Any

Locator = dict[str, Any]

# The keys a locator may have: all of them name what a person sees (or combine such locators).
USER_FACING_KEYS = {"role", "name", "exact", "label", "text", "section", "within", "find", "having", "nth",
                    "index", "any", "element", "outside", "of"}

# The one place for a locator that truly has no user-facing hook: name -> locator, each with a comment
# saying why. Empty: every screen the suite uses offers a role, a label, a text or a header to go by.
HOOKLESS: dict[str, Locator] = {}


def role(role_name: str, name: str | None = None, *, exact: bool = True) -> Locator:
    """Elements with this ARIA role (implicit or explicit) and, when given, this accessible name.

    `exact=False` matches a name that contains `name`. A few roles are read generously, as a person
    would: `textbox` also matches a search box, `table` a grid, `cell` a grid cell.
    """
    found: Locator = {"role": role_name}
    if name is not None:
        found["name"] = name
        found["exact"] = exact
    return found


def button(name: str, *, exact: bool = True) -> Locator:
    """A button by its accessible name: `<button>`, `<input type=submit|button|reset>` or `[role=button]`."""
    return role("button", name, exact=exact)


def link(name: str, *, exact: bool = True) -> Locator:
    """A link by its accessible name."""
    return role("link", name, exact=exact)


def heading(name: str, *, exact: bool = True) -> Locator:
    """A heading (`h1`–`h6` or `[role=heading]`) by its text."""
    return role("heading", name, exact=exact)


def label(text_: str, *, exact: bool = True) -> Locator:
    """The form control labelled with this text (label[for], wrapping label, aria-label(ledby), placeholder)."""
    return {"label": text_, "exact": exact}


def text(text_: str, *, exact: bool = True) -> Locator:
    """The innermost elements whose visible text is `text_` (or contains it, with `exact=False`)."""
    return {"text": text_, "exact": exact}


def section(title: str, *, exact: bool = True) -> Locator:
    """The part of the page that a heading with this text introduces (or a region/group named so)."""
    return {"section": title, "exact": exact}


def within(scope: Locator, target: Locator) -> Locator:
    """`target` searched inside every match of `scope`."""
    return {"within": scope, "find": target}


def having(target: Locator, text_: str) -> Locator:
    """The matches of `target` whose visible text contains `text_` (e.g. the row of a person)."""
    return {"having": target, "text": text_}


def outside(target: Locator, other: Locator) -> Locator:
    """The matches of `target` that are not inside any match of `other` (e.g. list items outside the menus)."""
    return {"outside": other, "of": target}


def the(element: Any) -> Locator:
    """An element read earlier (e.g. a table row), to search inside it with `within`."""
    return {"element": element}


def any_of(*targets: Locator) -> Locator:
    """The matches of any of the locators, in page order (e.g. „Wyloguj się” as a button or a link)."""
    return {"any": list(targets)}


def nth(target: Locator, index: int) -> Locator:
    """Only the index-th visible match of `target` (0 is the first)."""
    return {"nth": target, "index": index}


# ARIA roles as a person names them; the name follows in „…”.
ROLE_WORDS = {"button": "przycisk", "link": "odnośnik", "heading": "nagłówek", "checkbox": "pole wyboru",
              "radio": "pole jednokrotnego wyboru", "textbox": "pole tekstowe", "combobox": "lista rozwijana",
              "listbox": "lista", "option": "opcja", "tab": "zakładka", "menuitem": "pozycja menu",
              "table": "tabela", "row": "wiersz", "cell": "komórka", "columnheader": "nagłówek kolumny",
              "listitem": "element listy", "list": "lista", "main": "główna część strony",
              "navigation": "menu nawigacji", "article": "wpis", "dialog": "okno dialogowe", "form": "formularz",
              "region": "obszar", "alert": "komunikat", "banner": "nagłówek strony"}


def describe(loc: Locator | None) -> str:
    """What the locator looks for, in Polish („przycisk „Zapisz””), with its texts in the suite's words: how
    every wait and failure names it, so that no page object restates its locators by hand."""
    if not loc:
        return "cokolwiek"
    if "within" in loc:
        return f"{describe(loc['find'])} w: {describe(loc['within'])}"
    if "having" in loc:
        return f"{describe(loc['having'])} z tekstem „{loc['text']}”"
    if "nth" in loc:
        return f"{describe(loc['nth'])} nr {loc['index'] + 1}"
    if "outside" in loc:
        return f"{describe(loc['of'])} poza: {describe(loc['outside'])}"
    if "any" in loc:
        return " albo ".join(describe(one) for one in loc["any"])
    if "element" in loc:
        return "element odczytany wcześniej"
    if "role" in loc:
        word = ROLE_WORDS.get(loc["role"], f"element o roli {loc['role']}")
        if "name" not in loc:
            return word
        return f"{word} „{loc['name']}”" + ("" if loc.get("exact", True) else " (fragment nazwy)")
    if "label" in loc:
        return f"pole „{loc['label']}”" + ("" if loc.get("exact", True) else " (fragment etykiety)")
    if "text" in loc:
        return f"tekst „{loc['text']}”" + ("" if loc.get("exact", True) else " (fragment)")
    if "section" in loc:
        return f"sekcja „{loc['section']}”"
    return str(loc)


class Query:
    """What to read from the screen; nested freely and answered in one round trip (pages/dom.py)."""

    @staticmethod
    def element(target: Locator) -> dict:
        """The first visible match (a WebElement), or None."""
        return {"q": "element", "loc": target}

    @staticmethod
    def elements(target: Locator) -> dict:
        """Every visible match, in page order."""
        return {"q": "elements", "loc": target}

    @staticmethod
    def text(target: Locator) -> dict:
        """The visible text of the first visible match, or ''."""
        return {"q": "text", "loc": target}

    @staticmethod
    def texts(target: Locator) -> dict:
        """The visible texts of every visible match, in page order."""
        return {"q": "texts", "loc": target}

    @staticmethod
    def names(target: Locator) -> dict:
        """The accessible names of every visible match (e.g. the labels of checkboxes), in page order."""
        return {"q": "names", "loc": target}

    @staticmethod
    def refused_fields() -> dict:
        """The accessible names of the form controls (or groups) marked invalid (aria-invalid), in page order."""
        return {"q": "invalid"}

    @staticmethod
    def exists(target: Locator) -> dict:
        """Whether anything visible matches."""
        return {"q": "exists", "loc": target}

    @staticmethod
    def field(target: Locator) -> dict:
        """The first visible form control matching: {'element', 'value', 'checked'}, or None."""
        return {"q": "field", "loc": target}

    @staticmethod
    def value_of(label_text: str) -> dict:
        """The text a person reads beside this label (see the module docstring), or None when there is no such label."""
        return {"q": "value", "label": label_text}

    @staticmethod
    def table(target: Locator | None = None, read: dict[str, dict] | None = None) -> dict:
        """Rows of the first visible table (or grid) matching `target` (default: any table), header rows
        left out: [{'cells': {column header: text}, 'row': WebElement, **answers of `read` inside the row}];
        [] when there is no table."""
        return {"q": "table", "loc": target or role("table"), "read": read or {}}

    @staticmethod
    def each(target: Locator, read: dict[str, dict]) -> dict:
        """For every visible match of `target`: the queries of `read`, each answered inside that match."""
        return {"q": "each", "loc": target, "read": read}

    @staticmethod
    def all(**queries: dict) -> dict:
        """Several queries at once: {name: answer}."""
        return {"q": "all", "read": queries}

"""The locator policy (pages/locators.py, docs/lokatory.md) holds in every page object: no id, class or data-*.

Page objects find what a person sees. These checks read the source of `pages/` and fail on:
- any Selenium `By` locator (they name markup: ids, classes, CSS, XPath);
- any CSS or XPath selector text naming an id (`#x`, `@id`), a class (`.x`, `@class`) or a `data-*` attribute;
- in the probe's script (pages/dom.js), any selector other than tag names and `role`/`aria-*`/`type` attributes.
A locator that truly has no user-facing hook may only live in `pages.locators.HOOKLESS`, with a comment.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pages import locators

PAGES = Path(__file__).resolve().parents[2] / "pages"
SOURCES = sorted(p for p in PAGES.rglob("*.py") if "__pycache__" not in p.parts)

# A selector naming markup rather than what a person sees.
MARKUP = re.compile(r"""(?x)
    (?:^|[\s,>+~(\[])\#[A-Za-z_-][\w-]*   # CSS id
  | (?:^|[\s,>+~(\]]|\b(?:a|article|button|div|dl|dd|dt|form|h[1-6]|input|label|li|ol|p|section|select|span
                      |table|tbody|td|th|thead|tr|ul|main|nav|header|footer|strong|em|b))
    \.[A-Za-z_-][\w-]*(?=[\s,>+~:\[)]|$)   # CSS class
  | @id\b | @class\b                        # XPath id / class
  | \bdata-[a-z][\w-]*                      # data-* attributes
  | \bgetElementsByClassName\b | \bclassList\b | \bclassName\b
""")
# Selectors the probe may use: tags, and role/aria-*/type attributes.
ALLOWED_SELECTOR = re.compile(r"""(?x)^(
    :scope\s*>\s*[a-z0-9]+
  | \*
  | [a-z0-9]+(\[(role|aria-[a-z]+|type)(=("?)[a-z0-9]+\5)?\])*(:not\(\[type=hidden\]\))?
  | \[(role|aria-[a-z]+)(=("?)[a-z0-9]+\9)?\](\[aria-level="1"\])?
)$""")
SELECTOR_CALL = re.compile(r"""\.(?:querySelectorAll|querySelector|closest|matches)\(\s*(['"])(.*?)\1\s*\)""")


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def test_no_page_object_uses_a_selenium_by_locator():
    offenders = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "selenium.webdriver.common.by":
                offenders.append(f"{path.name}:{node.lineno} imports By")
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "By":
                offenders.append(f"{path.name}:{node.lineno} By.{node.attr}")
    assert offenders == []


def test_no_page_object_names_an_id_a_class_or_a_data_attribute():
    offenders = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                for line in node.value.splitlines():
                    if line.lstrip().startswith("//"):  # a comment inside the probe's script
                        continue
                    match = MARKUP.search(line)
                    if match:
                        found = match.group().strip()
                        offenders.append(f"{path.name}:{node.lineno}: {found!r} in {line.strip()[:80]!r}")
    for number, line in enumerate((PAGES / "dom.js").read_text(encoding="utf-8").splitlines(), 1):
        match = None if line.lstrip().startswith("//") else MARKUP.search(line)
        if match:
            offenders.append(f"dom.js:{number}: {match.group().strip()!r} in {line.strip()[:80]!r}")
    assert offenders == [], "\n".join(offenders)


def test_the_probe_selects_only_by_tag_role_and_aria():
    script = (PAGES / "dom.js").read_text(encoding="utf-8")
    selectors = [part.strip() for _, group in SELECTOR_CALL.findall(script) for part in group.split(",")]
    assert len(selectors) > 10  # the pattern does find the script's selectors
    assert [s for s in selectors if not ALLOWED_SELECTOR.match(s)] == []


def test_locators_are_user_facing_and_hookless_ones_live_in_one_place():
    built = [locators.role("button", "Dalej"), locators.label("Pesel"), locators.text("x"),
             locators.section("POZ"), locators.within(locators.role("main"), locators.link("a")),
             locators.having(locators.role("row"), "x"), locators.any_of(locators.button("a")),
             locators.nth(locators.role("article"), 0)]
    assert {key for loc in built for key in loc} <= locators.USER_FACING_KEYS
    assert isinstance(locators.HOOKLESS, dict)  # the one named place; empty while every screen offers a hook
    for name, found in locators.HOOKLESS.items():
        assert set(found) - locators.USER_FACING_KEYS, f"{name} is user-facing: it belongs in its page object"


def test_the_policy_checks_catch_markup_selectors():
    for bad in ["#consents tr", "article.order-status", "//tr[@data-consent-id='1']", "//*[@id='x']",
                "[data-order-id]", "li .facility-name"]:
        assert MARKUP.search(bad), bad
    for good in ["h1,[role=heading]", "[role=alert],[role=alertdialog]", "„Wyloguj się”", "Zamów receptę.",
                 "80 zł.", "Warunki korzystania z serwisu pacjent.gov.pl", "lek. Krzysztof Szymański"]:
        assert not MARKUP.search(good), good

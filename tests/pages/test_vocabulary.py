"""The vocabulary holds every screen text pages/ expects; an overlay is checked before any browser starts."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pages import wording
from pages.wording import Wording, WordingError, load_vocabulary, parse_overlay

PAGES = Path(wording.__file__).resolve().parent
LOCATOR_CALLS = {"button", "link", "heading", "label", "text", "section", "tab"}
# Constants of pages/ that hold no screen text: addresses, formats and patterns.
NOT_TEXTS = re.compile(r"^(PATH|LOGIN_ENTRY|PZ_PATH|DATE_FORMATS?|\w+_PATTERN|P|HOOKLESS|USER_FACING_KEYS|_\w+)$")
IDENTIFIER = re.compile(r"^[a-z_]*$")


def _name(node: ast.AST) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def texts_used_in_pages() -> dict[str, str]:
    """Every string literal pages/ expects on screen: the locators' texts and the upper-case constants'
    strings (role names and addresses left out; field names stay, see IDENTIFIER) -> where."""
    found = {}
    for path in sorted(PAGES.rglob("*.py")):
        if path.name in ("dom.py", "candidates.py", "wording.py", "locators.py", "missing.py", "errors.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            strings = []
            if isinstance(node, ast.Call) and _name(node.func) in LOCATOR_CALLS and node.args:
                strings = [node.args[0]]
            elif isinstance(node, ast.Call) and _name(node.func) == "role" and len(node.args) > 1:
                strings = [node.args[1]]
            elif isinstance(node, ast.Call) and _name(node.func) == "Role":
                strings = list(node.args)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [_name(target) for target in targets]
                if node.value is not None and names and all(n.isupper() and not NOT_TEXTS.match(n) for n in names):
                    strings = [sub for sub in ast.walk(node.value)
                               if not (isinstance(sub, ast.Call) and _name(sub.func) == "role")]
                    roles = {id(call.args[0]) for call in ast.walk(node.value)
                             if isinstance(call, ast.Call) and _name(call.func) == "role" and call.args}
                    strings = [sub for sub in ast.walk(node.value) if id(sub) not in roles]
            for literal in strings:
                if isinstance(literal, ast.Constant) and isinstance(literal.value, str) and literal.value:
                    found.setdefault(literal.value, f"{path.relative_to(PAGES.parent)}:{literal.lineno}")
    return found


def test_every_text_pages_expect_is_in_the_vocabulary():
    used = texts_used_in_pages()
    assert "Anuluj zamówienie" in used and "Złożone" in used  # the scan sees locators and state dictionaries
    # field names ("phone", "placed") are code, not screen texts; a lower-case word of the vocabulary counts
    missing = {text: where for text, where in used.items()
               if text not in load_vocabulary() and not IDENTIFIER.match(text)}
    assert missing == {}, "teksty z pages/ spoza słownika pages/teksty_ekranow.toml"


def test_every_vocabulary_text_is_used_by_the_suite():
    used = texts_used_in_pages()
    unused = [text for text, entry in load_vocabulary().items() if text not in used and not entry.group]
    assert unused == []


def test_every_entry_has_a_source_and_a_kind():
    vocabulary = load_vocabulary()
    assert {entry.source_kind for entry in vocabulary.values()} == {"instrukcja CeZ", "publiczne", "wybór"}
    assert vocabulary["Wyloguj się"].source_kind == "instrukcja CeZ"
    assert vocabulary["Złożone"].kind == "status"
    assert len(wording.group("rodzaj uprawnienia")) == 4


def _overlay(tmp_path, text: str) -> Path:
    path = tmp_path / "teksty.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overlay_maps_expected_texts_to_shown_ones(tmp_path):
    path = _overlay(tmp_path, '[teksty]\n"Dodaj uprawnienie" = "Udostępnij dane"\n"Złożone" = " Wysłane "\n')
    overlay = parse_overlay(path)
    assert overlay == {"Dodaj uprawnienie": "Udostępnij dane", "Złożone": "Wysłane"}
    mapped = Wording(overlay)
    query = {"q": "all", "read": {"a": {"q": "element", "loc": {"role": "link", "name": "Dodaj uprawnienie"}},
                                  "b": {"q": "value", "label": "Status"}}}
    assert mapped.to_screen(query)["read"]["a"]["loc"]["name"] == "Udostępnij dane"
    assert mapped.to_screen(query)["read"]["b"]["label"] == "Status"
    assert mapped.from_screen([{"cells": {"Status": "Wysłane"}}]) == [{"cells": {"Status": "Złożone"}}]


@pytest.mark.parametrize("text, says", [
    ('[teksty]\n\n"Dodaj uprawnienia" = "Udostępnij dane"\n', ["wiersz 3", "„Dodaj uprawnienia”", "„Dodaj uprawnienie”",
                                                               "docs/teksty-ekranow.md"]),
    ('[teksty]\n"Złożone" = ""\n', ["wiersz 2", "pustą wartość"]),
    ('[teksty]\n"Złożone" = Wysłane\n', ["wiersz 2", "błąd składni TOML"]),
    ('[texty]\n"Złożone" = "Wysłane"\n', ["wiersz 1", "„texty”", "[teksty]"]),
    ('[teksty]\n"Złożone" = 3\n', ["wiersz 2", "a nie tekst"]),
])
def test_a_bad_overlay_is_refused_naming_the_line_and_what_is_known(tmp_path, text, says):
    with pytest.raises(WordingError) as refused:
        parse_overlay(_overlay(tmp_path, text))
    for part in says:
        assert part in str(refused.value)


def test_an_overlay_not_in_utf8_or_missing_is_refused(tmp_path):
    path = tmp_path / "teksty.toml"
    path.write_bytes('[teksty]\n"Złożone" = "Wysłane"\n'.encode("cp1250"))
    with pytest.raises(WordingError, match="UTF-8"):
        parse_overlay(path)
    with pytest.raises(WordingError, match="Brak pliku"):
        parse_overlay(tmp_path / "nie-ma.toml")


def test_the_shipped_example_is_a_valid_overlay():
    overlay = parse_overlay(PAGES.parent / "teksty.example.toml")
    assert overlay and all(key in load_vocabulary() for key in overlay)

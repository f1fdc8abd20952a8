"""The vocabulary of screen texts (pages/teksty_ekranow.toml) and an environment's overlay (-D teksty=PATH).

Page objects name what they expect on screen in the suite's own words: the vocabulary's keys. A real
iIKP may word a screen differently; its QA then writes an overlay, a UTF-8 TOML file with one table
`[teksty]` of entries `"text the suite expects" = "text this iIKP shows"`. The run installs one
`Wording` per process before any browser starts; `pages/dom.py` maps every query through it on its way
to the browser (`shown`) and every text read back (`expected`), so page objects, steps and their
messages keep the suite's words while the browser looks for this environment's.
"""

from __future__ import annotations

import difflib
import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

VOCABULARY_PATH = Path(__file__).with_name("teksty_ekranow.toml")
TABLE = "teksty"
# What a text is on screen (the vocabulary's `rodzaj`).
KINDS = ("przycisk", "odnośnik", "nagłówek", "zakładka", "etykieta", "etykieta wartości", "kolumna", "status",
         "opcja", "komunikat", "tekst")
SOURCE_KINDS = {"instrukcja CeZ": "[instrukcja CeZ", "publiczne": "[publiczne]", "wybór": "[wybór]"}
WHERE_THE_LIST_IS = "docs/teksty-ekranow.md (wygenerowany z pages/teksty_ekranow.toml)"
# A query's keys whose string values are texts a person sees (pages/locators.py).
_TEXT_KEYS = ("name", "label", "text", "section")


@dataclass(frozen=True)
class Entry:
    """One expected screen text: its source (as docs/teksty-ekranow.md shows it), kind, group and note."""

    text: str
    source: str
    kind: str
    group: str = ""
    note: str = ""

    @property
    def source_kind(self) -> str:
        """The strongest source: 'instrukcja CeZ', then 'publiczne', then 'wybór'."""
        for kind, tag in SOURCE_KINDS.items():
            if tag in self.source:
                return kind
        raise ValueError(f"„{self.text}”: nieznane źródło {self.source!r}")


class WordingError(Exception):
    """The vocabulary or an overlay is malformed; the message (Polish) says where and how to fix it."""


@functools.cache
def load_vocabulary(path: Path = VOCABULARY_PATH) -> dict[str, Entry]:
    """The vocabulary: text -> Entry, in the file's order."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = {}
    for text, spec in data[TABLE].items():
        entry = Entry(text, spec["zrodlo"], spec["rodzaj"], spec.get("grupa", ""), spec.get("uwaga", ""))
        if entry.kind not in KINDS:
            raise WordingError(f"{path}: „{text}” ma nieznany rodzaj „{entry.kind}”; dozwolone: {', '.join(KINDS)}")
        entry.source_kind  # noqa: B018 - raises on an unknown source
        entries[text] = entry
    return entries


def group(name: str) -> tuple[str, ...]:
    """The texts of one group of the vocabulary (e.g. „rodzaj uprawnienia”), in the file's order."""
    return tuple(text for text, entry in load_vocabulary().items() if entry.group == name)


def closest(text: str, known: list[str] | tuple[str, ...], n: int = 3) -> list[str]:
    """The known texts most like `text` (case-insensitive), best first."""
    folded = {k.casefold(): k for k in known}
    return [folded[match] for match in difflib.get_close_matches(text.casefold(), list(folded), n=n, cutoff=0.4)]


def _line_of(source: str, key: str) -> int | None:
    """The line (1-based) where `key` is defined in a TOML source, or None."""
    pattern = re.compile(r'^[ \t]*(?:"' + re.escape(key.replace("\\", "\\\\").replace('"', '\\"'))
                         + r'"|\'' + re.escape(key) + r"'|" + re.escape(key) + r")\s*=", re.M)
    found = pattern.search(source)
    return source.count("\n", 0, found.start()) + 1 if found else None


def parse_overlay(path: Path, vocabulary: dict[str, Entry] | None = None) -> dict[str, str]:
    """Read and check an overlay: {expected text: text shown here}. Raises WordingError (Polish)
    naming the file and line, the closest known texts and where the list of texts is."""
    vocabulary = load_vocabulary() if vocabulary is None else vocabulary
    hint = f"Lista tekstów, których oczekuje zestaw: {WHERE_THE_LIST_IS}; wzór: teksty.example.toml."
    if not path.is_file():
        raise WordingError(f"Brak pliku nakładki tekstów {path} (-D teksty=...). {hint}")
    try:
        source = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise WordingError(f"Nakładka tekstów {path} nie jest w UTF-8 (bajt {exc.start}). Zapisz ją w UTF-8. "
                           f"{hint}") from None
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        where = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        at = f", wiersz {where.group(1)}, kolumna {where.group(2)}" if where else ""
        raise WordingError(f"Nakładka tekstów {path}{at}: błąd składni TOML ({str(exc).split(' (at')[0]}). "
                           f'Każdy wpis ma postać "tekst oczekiwany przez zestaw" = "tekst na tym iIKP" '
                           f"w tabeli [{TABLE}]. {hint}") from None
    others = [key for key in data if key != TABLE]
    if others:
        header = re.search(r"^\s*\[+\s*" + re.escape(others[0]), source, re.M)
        line = _line_of(source, others[0]) or (source.count("\n", 0, header.start()) + 1 if header else None)
        raise WordingError(f"Nakładka tekstów {path}{_at(line)}: nieznana tabela albo klucz „{others[0]}” "
                           f"poza [{TABLE}]; nakładka ma tylko tabelę [{TABLE}]. {hint}")
    overlay = {}
    for key, value in data.get(TABLE, {}).items():
        line = _line_of(source, key)
        if key not in vocabulary:
            similar = closest(key, list(vocabulary))
            suggestion = (" Najbliższe znane: " + ", ".join(f"„{s}”" for s in similar) + ".") if similar else ""
            raise WordingError(f"Nakładka tekstów {path}{_at(line)}: „{key}” to nie tekst, którego oczekuje "
                               f"zestaw.{suggestion} {hint}")
        if not isinstance(value, str):
            raise WordingError(f"Nakładka tekstów {path}{_at(line)}: „{key}” ma wartość {value!r}, a nie tekst "
                               f'w cudzysłowie ("…"). {hint}')
        if not value.strip():
            raise WordingError(f"Nakładka tekstów {path}{_at(line)}: „{key}” ma pustą wartość; wpisz, co to "
                               f"iIKP pokazuje zamiast „{key}”, albo usuń wiersz. {hint}")
        overlay[key] = value.strip()
    return overlay


def _at(line: int | None) -> str:
    return f", wiersz {line}" if line else ""


@dataclass(frozen=True)
class Wording:
    """The vocabulary with an environment's overlay: maps expected texts to shown ones and back."""

    overlay: dict[str, str] = field(default_factory=dict)
    source: str = ""  # where the overlay came from (its path), '' without one

    @functools.cached_property
    def _back(self) -> dict[str, str]:
        return {shown: expected for expected, shown in self.overlay.items()}

    def shown(self, expected: str) -> str:
        """The text this environment shows where the suite expects `expected`."""
        return self.overlay.get(expected, expected)

    def expected(self, shown: str) -> str:
        """The suite's word for a text shown on screen (the overlay read backwards; whole texts only)."""
        return self._back.get(shown, shown)

    @staticmethod
    def overlay_line(expected: str, shown: str = "…") -> str:
        """The overlay line that would map `expected` to what this environment shows."""
        return f'"{expected}" = "{shown}"'

    def to_screen(self, query: Any) -> Any:
        """A query (pages.locators) with its texts as this environment shows them."""
        if not self.overlay or query is None:
            return query
        return _walk_query(query, self.shown)

    def from_screen(self, answer: Any) -> Any:
        """An answer read from the screen with its whole texts in the suite's words."""
        if not self.overlay:
            return answer
        return _walk_answer(answer, self.expected)


def _walk_query(node: Any, shown) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key in _TEXT_KEYS and isinstance(value, str):
                out[key] = shown(value)
            elif key == "element":  # a WebElement read earlier
                out[key] = value
            else:
                out[key] = _walk_query(value, shown)
        return out
    if isinstance(node, list):
        return [_walk_query(value, shown) for value in node]
    return node


def _walk_answer(node: Any, expected) -> Any:
    if isinstance(node, str):
        return expected(node)
    if isinstance(node, dict):
        return {expected(key) if isinstance(key, str) else key: _walk_answer(value, expected)
                for key, value in node.items()}
    if isinstance(node, list):
        return [_walk_answer(value, expected) for value in node]
    return node


_installed: list[Wording] = [Wording()]


def install(wording: Wording) -> Wording:
    """Make `wording` the process's wording (the run does this once, before any browser); return the previous."""
    previous = _installed[0]
    _installed[0] = wording
    return previous


def active() -> Wording:
    """The process's wording: the vocabulary as is, or with the run's overlay."""
    return _installed[0]

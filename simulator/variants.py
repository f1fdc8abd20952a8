"""Another iIKP from the same templates: other screen texts (--reword), other names (--rename), other flows (--variant).

- Rewording reads an overlay in the suite's own format (a UTF-8 TOML file with one table `[teksty]`,
  `"text the suite expects" = "text this iIKP shows"`) and shows the value wherever the key stands as a whole
  phrase in a text or in a shown attribute (aria-label, title, placeholder, alt, a submit input's value).
  Field names and values that a form sends are never touched, so the forms work as before.
- Renaming reads the `[nazwy]` section of an accounts file (INI, `name in the scenarios = name here`) and
  gives the baseline's medicines, staff and facilities those names (simulator.baseline).
- Flow variants: the order confirmation as a modal dialog on „Moje recepty” instead of a page of its own;
  consents that need an end date; „Zamów ponownie” only for a fulfilled order.
"""

import configparser
import html
import re
import tomllib
from pathlib import Path

VARIANTS = ("confirm-dialog", "end-date-required", "repeat-fulfilled-only")
# Attributes whose value a person sees or hears (a submit input's value only for submit and button inputs).
SHOWN_ATTRIBUTES = ("aria-label", "title", "placeholder", "alt")
_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_ATTRIBUTE = re.compile(r"""(\s)([a-zA-Z_:][-a-zA-Z0-9_:.]*)(\s*=\s*)("[^"]*"|'[^']*')""")
_RAW_TEXT = ("script", "style", "textarea")


class VariantError(ValueError):
    """A switch's file or value is not usable: one line saying what and where."""


def parse_variants(text):
    """'confirm-dialog,end-date-required' -> frozenset of known variant names; VariantError for others."""
    names = [name.strip() for name in (text or "").split(",") if name.strip()]
    unknown = [name for name in names if name not in VARIANTS]
    if unknown:
        raise VariantError(f"unknown variant {unknown[0]!r}; known: {', '.join(VARIANTS)}")
    return frozenset(names)


def load_rewording(path):
    """{expected text: shown text} of the overlay file's `[teksty]` table."""
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise VariantError(f"cannot read {path}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise VariantError(f"{path} is not UTF-8 TOML: {error}") from None
    table = data.get("teksty")
    if not isinstance(table, dict) or set(data) != {"teksty"}:
        raise VariantError(f"{path} must hold exactly one table [teksty]")
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip() or not key.strip():
            raise VariantError(f"{path}: [teksty] {key!r} must map a text to a non-empty text")
    return dict(table)


def load_names(path):
    """{name in the scenarios: name on this iIKP} of the `[nazwy]` section of an accounts file (INI)."""
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # names keep their case
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except OSError as error:
        raise VariantError(f"cannot read {path}: {error.strerror or error}") from None
    except (configparser.Error, UnicodeDecodeError) as error:
        raise VariantError(f"{path} is not an INI file: {str(error).splitlines()[0]}") from None
    if not parser.has_section("nazwy"):
        raise VariantError(f"{path} has no section [nazwy]")
    names = {key.strip(): value.strip() for key, value in parser.items("nazwy")}
    empty = [key for key, value in names.items() if not value]
    if empty:
        raise VariantError(f"{path}: [nazwy] {empty[0]!r} has no name")
    return names


class Rewording:
    """Shows other words for some texts of every HTML page; an empty one changes nothing."""

    def __init__(self, texts=None):
        self.texts = dict(texts or {})
        phrases = sorted(self.texts, key=len, reverse=True)  # the longest phrase wins where two overlap
        self._pattern = (re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)")
                         if phrases else None)

    def __bool__(self):
        return bool(self.texts)

    def _words(self, text):
        return self._pattern.sub(lambda match: self.texts[match.group(0)], text)

    def _escaped_words(self, text):
        """The same in HTML source, where a phrase may be written with character references."""
        plain = html.unescape(text)
        changed = self._words(plain)
        return text if changed == plain else html.escape(changed, quote=False)

    def _tag(self, tag):
        name = re.match(r"<\s*([a-zA-Z0-9]*)", tag).group(1).lower()
        submit = name == "input" and re.search(r"""\btype\s*=\s*["']?(submit|button|reset)\b""", tag, re.I)

        def attribute(match):
            space, key, equals, quoted = match.groups()
            if key.lower() in SHOWN_ATTRIBUTES or (submit and key.lower() == "value"):
                quote, value = quoted[0], quoted[1:-1]
                plain = html.unescape(value)
                changed = self._words(plain)
                if changed != plain:
                    quoted = quote + html.escape(changed, quote=True) + quote
            return space + key + equals + quoted

        return _ATTRIBUTE.sub(attribute, tag)

    def apply(self, page):
        """The page with every expected phrase in texts and shown attributes replaced by what this iIKP shows."""
        if not self._pattern:
            return page
        parts = _TAG_OR_TEXT.split(page)
        raw_until = None  # inside <script>/<style>/<textarea>: text is not HTML
        for index, part in enumerate(parts):
            if index % 2 == 0:
                if part and raw_until is None:
                    parts[index] = self._escaped_words(part)
                continue
            if part.startswith("<!--"):
                continue
            closing = re.match(r"<\s*/\s*([a-zA-Z0-9]+)", part)
            if raw_until is not None:
                if closing and closing.group(1).lower() == raw_until:
                    raw_until = None
                continue
            opening = re.match(r"<\s*([a-zA-Z0-9]+)", part)
            if opening and opening.group(1).lower() in _RAW_TEXT:
                raw_until = opening.group(1).lower()
            if opening:
                parts[index] = self._tag(part)
        return "".join(parts)

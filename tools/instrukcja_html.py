"""docs/instrukcja-iikp.md as one HTML page, so that the report's links „Instrukcja CeZ, pkt N” open that point.

    python -m tools.instrukcja_html OUT.html

Enough Markdown for that page: headings, paragraphs, **bold**, `code`, and its raw <a id="pkt-N"></a> anchors.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from harness.config import PROJECT_ROOT

SOURCE = PROJECT_ROOT / "docs" / "instrukcja-iikp.md"
ANCHOR = re.compile(r'^<a id="[\w-]+"></a>$')


def inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", text)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", text)


def to_html(markdown: str) -> str:
    body, paragraph, title = [], [], "Instrukcja CeZ"

    def flush():
        if paragraph:
            body.append("<p>" + " ".join(paragraph) + "</p>")
            paragraph.clear()

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if not stripped:
            flush()
        elif ANCHOR.match(stripped):
            flush()
            body.append(stripped)
        elif heading:
            flush()
            level = len(heading[1])
            if level == 1:
                title = heading[2]
            body.append(f"<h{level}>{inline(heading[2])}</h{level}>")
        else:
            paragraph.append(inline(stripped))
    flush()
    return ("<!DOCTYPE html>\n<html lang=\"pl\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>body{{font-family:sans-serif;max-width:50em;margin:2em auto;"
            "line-height:1.5}} :target+h2,:target+h3{background:#fff3b0}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("Użycie: python -m tools.instrukcja_html PLIK.html", file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_html(SOURCE.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

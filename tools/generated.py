"""Writing a generated document, or checking that the committed one is current (make kroki, make teksty)."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, check: bool, regenerate: str, root: Path) -> int:
    """Write `text` to `path`; with `check`, write nothing and return 1 (saying how to fix it) when it differs."""
    name = path.relative_to(root)
    if check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{name} jest nieaktualny: uruchom `{regenerate}` i zatwierdź zmianę.", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"Zapisano {name}")
    return 0

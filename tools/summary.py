"""Print the closing lines `razem: N udanych, N nieudanych, N pominiętych` and `CI: N passed, N failed, N skipped`
from JUnit XML files (pytest and behave)."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def count(paths: list[Path]) -> tuple[int, int, int]:
    """(passed, failed, skipped) over every <testcase> in the given files or folders of *.xml."""
    passed = failed = skipped = 0
    files = [f for p in paths for f in (sorted(p.glob("*.xml")) if p.is_dir() else [p]) if f.is_file()]
    for file in files:
        for case in ET.parse(file).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    return passed, failed, skipped


def main(argv: list[str]) -> int:
    passed, failed, skipped = count([Path(a) for a in argv])
    print(f"razem: {passed} udanych, {failed} nieudanych, {skipped} pominiętych")
    # The CI machine reads a last line of the exact form "N passed, N failed, N skipped" to know tests ran;
    # the Polish line above is for people, this one (the very last of make test) for that reader.
    print(f"CI: {passed} passed, {failed} failed, {skipped} skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Scan a folder (e.g. reports/) for PESEL numbers in clear text: `python -m tools.privacy_scan reports`.

A finding is any 11-digit number with a valid PESEL checksum and date (stdnum), plus any number given
with --pesel or read from an accounts file with --accounts, wherever it stands in any file (text or
binary, e.g. inside a JSON attachment or the JUnit XML). Invalid numbers, like the examples of the
invalid-PESEL outline, are not personal data and are never reported. Exit code 0 when clean, 1 with
one line per finding (the number itself masked), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from stdnum.pl import pesel as stdnum_pesel

from harness.masking import mask_pesel

_ELEVEN_DIGITS = re.compile(rb"(?<!\d)\d{11}(?!\d)")
# Hex tokens (UUIDs, hashes, Allure ids) can hold a run of 11 digits that is no PESEL.
_HEX_TOKEN = re.compile(rb"[0-9a-fA-F-]{24,}")
_SKIPPED_SUFFIXES = (".png", ".jpg", ".jpeg", ".webm", ".gif")


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    pesel: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: PESEL {mask_pesel(self.pesel)} jawnym tekstem"


def _inside_hex_token(data: bytes, start: int, end: int) -> bool:
    left = max(0, start - 40)
    for token in _HEX_TOKEN.finditer(data, left, min(len(data), end + 40)):
        if token.start() <= start and end <= token.end() and re.search(rb"[a-fA-F]", token.group()):
            return True
    return False


def scan_bytes(data: bytes, known: frozenset[str] = frozenset()) -> Iterator[tuple[int, str]]:
    """(line number, PESEL) of every valid or known PESEL in clear text in `data`."""
    for match in _ELEVEN_DIGITS.finditer(data):
        number = match.group().decode("ascii")
        if number in known or (stdnum_pesel.is_valid(number)
                               and not _inside_hex_token(data, match.start(), match.end())):
            yield data.count(b"\n", 0, match.start()) + 1, number
    for pesel in known:  # a known PESEL counts wherever it stands, even glued to other digits
        for match in re.finditer(re.escape(pesel.encode("ascii")), data):
            yield data.count(b"\n", 0, match.start()) + 1, pesel


def scan_paths(paths: Iterable[Path], known: Iterable[str] = ()) -> list[Finding]:
    """Every finding in the files under `paths` (folders are walked; images are skipped)."""
    known_set = frozenset(known)
    findings = []
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.suffix.lower() in _SKIPPED_SUFFIXES:
                continue
            data = path.read_bytes()
            findings.extend(Finding(path, line, pesel) for line, pesel in dict.fromkeys(scan_bytes(data, known_set)))
    return findings


def scan_text(text: str, known: Iterable[str] = ()) -> list[str]:
    """The PESELs in clear text in a string (e.g. a captured console output)."""
    return [pesel for _, pesel in scan_bytes(text.encode("utf-8"), frozenset(known))]


def _accounts_pesels(path: Path) -> list[str]:
    import configparser

    parser = configparser.ConfigParser()
    parser.read(path, encoding="utf-8")
    return [parser[s].get("pesel", "").strip() for s in parser.sections() if parser[s].get("pesel", "").strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.privacy_scan",
                                     description="Szuka numerów PESEL jawnym tekstem w plikach raportów.")
    parser.add_argument("paths", nargs="+", type=Path, help="foldery lub pliki, np. reports")
    parser.add_argument("--pesel", action="append", default=[], help="dodatkowy znany PESEL do wyszukania")
    parser.add_argument("--accounts", type=Path, help="plik kont (INI): szukaj także jego numerów PESEL")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.paths if not p.exists()]
    if missing:
        print(f"Skan prywatności: nie ma {', '.join(missing)}; podaj istniejący folder, np. reports.",
              file=sys.stderr)
        return 2
    known = list(args.pesel)
    if args.accounts and args.accounts.is_file():
        known += _accounts_pesels(args.accounts)
    findings = scan_paths(args.paths, known)
    for finding in findings:
        print(finding, file=sys.stderr)
    scanned = ", ".join(str(p) for p in args.paths)
    if findings:
        print(f"Skan prywatności: {len(findings)} PESEL jawnym tekstem w {scanned}. "
              "Zamaskuj je (harness/masking.py) i nie udostępniaj tych plików.", file=sys.stderr)
        return 1
    print(f"Skan prywatności: brak numerów PESEL jawnym tekstem w {scanned}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

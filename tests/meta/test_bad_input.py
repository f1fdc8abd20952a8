"""Bad input of every kind stops the run with a documented exit code and one clear line, no traceback.

Each case runs behave in a subprocess. Cases already covered by test_harness_meta.py
(browser=nonsense, IIKP_TIMEOUT=-1, -D colour=blue, a missing accounts file) and by
test_recovery_meta.py (preflight against closed ports, both targets) are not repeated here.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from stdnum.pl.pesel import calc_check_digit

from harness.errors import EXIT_ENVIRONMENT, EXIT_USAGE
from tests.meta.conftest import PROJECT_ROOT, behave, isolated_ini
from tests.meta.test_harness_meta import throwaway_project

pytestmark = pytest.mark.meta

ONE_SCENARIO = str(PROJECT_ROOT / "features" / "logowanie.feature:9")  # Jan Nowak logs in
NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing answers there

BROKEN_FEATURE = """# language: pl
@logowanie
Funkcja: Plik z błędem składni (meta-test)

  Scenariusz: Wiersz bez słowa kluczowego
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    Ten wiersz nie ma słowa kluczowego kroku
"""


def _pesel(body: str) -> str:
    return body + calc_check_digit(body)


@dataclass
class Case:
    """One bad input: behave arguments, files the case needs, and what the one line must say."""

    args: list[str]
    says: list[str]  # fragments of the one stderr line: what is wrong and how to fix it
    code: int = EXIT_USAGE
    env: dict = field(default_factory=dict)
    accounts: bytes | None = None  # written to a file the case points `accounts` at
    files: dict = field(default_factory=dict)  # name -> (text, mode) of helper scripts
    feature: str | None = None  # a throwaway project with this feature instead of the suite's


def _accounts_case(content: bytes | None, says: list[str], *, directory: bool = False) -> Case:
    return Case(["-D", "target=iikp", "-D", "accounts={accounts}", "-D", f"base_url={NOWHERE}",
                 "-D", f"pz_url={NOWHERE}", ONE_SCENARIO], says,
                accounts=b"<dir>" if directory else content)


FAKE_OLD_DRIVER = '#!/bin/sh\necho "ChromeDriver 99.0.4844.51 (fake)"\n'
FAKE_BROKEN_DRIVER = ('#!/bin/sh\nif [ "$1" = "--version" ]; then /usr/bin/chromedriver --version; exit 0; fi\n'
                      'echo "chromedriver: cannot start" >&2\nexit 1\n')

CASES = {
    "unknown -D key": Case(["-D", "przegladarka=chromium"], ["nieznany klucz", "przegladarka", "znane klucze"]),
    "unknown IIKP_ variable": Case([], ["IIKP_KOLOR", "nieznana zmienna", "znane klucze"], env={"IIKP_KOLOR": "x"}),
    "bad boolean": Case(["-D", "headless=chyba"], ["headless", "chyba", "dozwolone: true, false"]),
    "number out of range": Case(["-D", "retries=11"], ["retries", "poza zakresem", "od 0 do 10"]),
    "not a number (env)": Case([], ["preflight_timeout", "to nie liczba", "dozwolone"],
                               env={"IIKP_PREFLIGHT_TIMEOUT": "pięć"}),
    "bad URL": Case(["-D", "base_url=ftp://iikp.example"], ["base_url", "nie jest adresem http(s)", "podaj np."]),
    "unknown target": Case(["-D", "target=produkcja"], ["target", "produkcja", "dozwolone: symulator, iikp"]),
    "accounts file is a directory": _accounts_case(None, ["jest katalogiem", "accounts="], directory=True),
    "accounts file not UTF-8": _accounts_case(b"[Jan Nowak]\npesel = 8001\xff\xfe\n",
                                              ["Nie można odczytać pliku kont", "utf-8", "accounts.example.ini"]),
    "accounts file malformed": _accounts_case(b"pesel = 80011512354\n",
                                              ["błędny format", "accounts.example.ini"]),
    "accounts: no pesel key": _accounts_case(b"[Jan Nowak]\nnumer = 1\n", ["[Jan Nowak]", "brak klucza 'pesel'"]),
    "accounts: PESEL checksum": _accounts_case(b"[Jan Nowak]\npesel = 80011512355\n",
                                               ["[Jan Nowak]", "800115*****", "nieprawidłowy", "Popraw go"]),
    "accounts: impossible date": _accounts_case(f"[Jan Nowak]\npesel = {_pesel('8002310000')}\n".encode(),
                                                ["[Jan Nowak]", "800231*****", "nieprawidłowy", "Popraw go"]),
    "persona missing from accounts": _accounts_case(b"[Anna Kowalska]\npesel = 02270803624\n",
                                                    ["Brak konta „Jan Nowak”", "logowanie.feature:9",
                                                     "Dopisz sekcję [Jan Nowak]"]),
    "no browser": Case(["-D", "browser_path=/nonexistent/chromium", ONE_SCENARIO],
                       ["Nie znaleziono przeglądarki /nonexistent/chromium", "apt-get install"]),
    "no driver": Case(["-D", "driver_path=/nonexistent/chromedriver", ONE_SCENARIO],
                      ["Nie znaleziono sterownika", "/nonexistent/chromedriver", "Popraw ścieżkę"]),
    "driver of another version": Case(["-D", "driver_path={chromedriver}", ONE_SCENARIO],
                                      ["Wersje nie pasują", "wersję 99", "tej samej wersji"],
                                      files={"chromedriver": FAKE_OLD_DRIVER}),
    "feature file does not parse": Case([], ["Błąd składni pliku .feature", "meta.feature", "line 7",
                                             "Popraw ten wiersz"], feature=BROKEN_FEATURE),
    "unresolvable address": Case(["-D", "target=iikp", "-D", "accounts={accounts}",
                                  "-D", "base_url=http://iikp.nieistnieje.invalid",
                                  "-D", "pz_url=http://pz.nieistnieje.invalid", ONE_SCENARIO],
                                 ["Środowisko niedostępne", "iikp.nieistnieje.invalid", "Sprawdź adresy"],
                                 code=EXIT_ENVIRONMENT, accounts=b"[Jan Nowak]\npesel = 80011512354\n"),
}


def _prepare(case: Case, tmp_path: Path) -> tuple[list[str], Path]:
    """The case's arguments with its files written, and the folder behave runs in."""
    replacements = {}
    if case.accounts is not None:
        target = tmp_path / "accounts.ini"
        if case.accounts == b"<dir>":
            target.mkdir()
        else:
            target.write_bytes(case.accounts)
        replacements["{accounts}"] = str(target)
    for name, text in case.files.items():
        script = tmp_path / name
        script.write_text(text, encoding="utf-8")
        script.chmod(0o755)
        replacements[f"{{{name}}}"] = str(script)
    args = list(case.args)
    for placeholder, value in replacements.items():
        args = [arg.replace(placeholder, value) for arg in args]
    if case.feature is not None:
        return args, throwaway_project(tmp_path / "project", case.feature, tmp_path / "results")
    return args, isolated_ini(tmp_path / "run", tmp_path / "results")


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_bad_input_stops_with_one_clear_line(tmp_path, case):
    args, cwd = _prepare(case, tmp_path)
    started = time.monotonic()
    run = behave(*args, cwd=cwd, env=case.env, timeout=120)
    output = run.stdout + run.stderr
    assert run.returncode == case.code, output
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    for fragment in case.says:
        assert fragment in lines[0], lines[0]
    assert "Traceback" not in output
    assert time.monotonic() - started < 60  # stopped up front, not after running scenarios


def test_browser_that_fails_to_start_stops_the_run_once(tmp_path):
    """A driver that passes the up-front check but cannot start a session: one error, not one per scenario."""
    script = tmp_path / "chromedriver"
    script.write_text(FAKE_BROKEN_DRIVER, encoding="utf-8")
    script.chmod(0o755)
    cwd = isolated_ini(tmp_path / "run", tmp_path / "results")
    run = behave("-D", f"driver_path={script}", str(PROJECT_ROOT / "features" / "logowanie.feature"),
                 cwd=cwd, timeout=300)
    assert run.returncode == EXIT_USAGE, run.stdout + run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Nie udało się uruchomić przeglądarki chromium" in lines[0], run.stderr
    assert "Traceback" not in run.stderr
    assert "1 error" in run.stdout and "untested" in run.stdout  # the other scenarios never started

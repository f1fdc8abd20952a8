"""One typed configuration object built from -D defines, IIKP_<KEY> variables and [behave.userdata]."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from urllib.parse import urlsplit

from harness.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent

TARGETS = ("symulator", "iikp")
BROWSERS = ("chromium", "chrome", "firefox", "edge")
SCREENSHOTS = ("failure", "final", "step", "off")  # final: failure evidence + the end state of a passed one
DRIVER_MANAGERS = ("system", "selenium-manager", "webdriver-manager")
GRIDS = ("", "local")  # grid=local: the run starts its own Selenium Grid (harness.grid)
# How the simulator the run starts serves its screens (docs/lokatory.md): another markup, a single-page app.
MARKUPS = ("default", "random")
UIS = ("pages", "spa")
# Another iIKP from the simulator (docs/simulator-contract.md): its flow variants (sim_variants).
SIM_VARIANTS = ("confirm-dialog", "end-date-required", "repeat-fulfilled-only")
CLEANUPS = ("auto", "on", "off")  # auto: on against the real iIKP, off on the simulator (it resets accounts)
TRUE_WORDS = ("true", "1", "yes", "tak", "on")
FALSE_WORDS = ("false", "0", "no", "nie", "off")

# The addresses of instrukcja CeZ pkt 2.1–2.2 of the real integration environment (instrukcja CeZ pkt 2.1 and 2.2).
IIKP_BASE_URL = "https://iikp.ezdrowie.gov.pl"
IIKP_PZ_URL = "https://iikpmock.ezdrowie.gov.pl:8888"


def _choice(allowed: tuple[str, ...]) -> Callable[[str, str], str]:
    def parse(key: str, raw: str) -> str:
        value = raw.strip().lower()
        if value not in allowed:
            raise ConfigError(key, f"niedozwolona wartość '{raw}'; dozwolone: {', '.join(allowed)}")
        return value

    return parse


def _bool(key: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value in TRUE_WORDS:
        return True
    if value in FALSE_WORDS:
        return False
    raise ConfigError(key, f"niedozwolona wartość '{raw}'; dozwolone: true, false")


def _number(low: float, high: float, integer: bool = False) -> Callable[[str, str], float]:
    kind = "liczba całkowita" if integer else "liczba"

    def parse(key: str, raw: str) -> float:
        try:
            value = int(raw) if integer else float(raw)
        except ValueError:
            raise ConfigError(key, f"'{raw}' to nie {kind}; dozwolone: {kind} od {low:g} do {high:g}") from None
        if not low <= value <= high:
            raise ConfigError(key, f"{raw} poza zakresem; dozwolone: {kind} od {low:g} do {high:g}")
        return value

    return parse


def _url(key: str, raw: str) -> str:
    value = raw.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(key, f"'{raw}' nie jest adresem http(s); podaj np. http://127.0.0.1:8081")
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError:
        raise ConfigError(key, f"'{raw}' ma nieprawidłowy numer portu") from None
    return value


def _grid(key: str, raw: str) -> str:
    value = raw.strip().lower()
    if value not in GRIDS:
        raise ConfigError(key, f"niedozwolona wartość '{raw}'; dozwolone: local (własny Selenium Grid przebiegu) "
                               "albo pusta (bez Grida albo Grid z remote_url)")
    return value


def _text(key: str, raw: str) -> str:
    return raw.strip()


def _file(key: str, raw: str) -> str:
    """A file that must exist (relative to the project); '' for none."""
    value = raw.strip()
    if not value:
        return ""
    path = Path(value).expanduser()
    path = path if path.is_absolute() else PROJECT_ROOT / path
    if not path.is_file():
        raise ConfigError(key, f"nie ma pliku {path}; podaj ścieżkę do istniejącego pliku")
    return str(path)


def _variants(key: str, raw: str) -> str:
    names = [name.strip() for name in raw.split(",") if name.strip()]
    for name in names:
        if name not in SIM_VARIANTS:
            raise ConfigError(key, f"nieznany wariant '{name}'; dozwolone (po przecinku): {', '.join(SIM_VARIANTS)}")
    return ",".join(names)


@dataclass(frozen=True)
class Settings:
    """The run's settings; see the configuration table in README.md."""

    target: str = "symulator"
    base_url: str = ""
    pz_url: str = ""
    browser: str = "chromium"
    headless: bool = True
    remote_url: str = ""
    timeout: float = 10.0
    accounts: str = "accounts.ini"
    screenshots: str = "failure"
    driver_manager: str = "system"
    driver_path: str = ""
    browser_path: str = ""
    retries: int = 2
    preflight_timeout: float = 5.0
    lease_timeout: float = 300.0
    stats_file: str = ""
    facility: str = ""
    irreversible: bool = False
    cleanup: str = "auto"
    markup: str = "default"
    markup_seed: int = -1
    ui: str = "pages"
    spa_delay_ms: int = -1
    browser_reuse: bool = True
    grid: str = ""
    grid_nodes: int = 0
    sim_reword: str = ""  # the simulator shows other words: an overlay file ([teksty]), as -D teksty takes
    sim_rename: str = ""  # the simulator's data carry other names: an accounts file's [nazwy]
    sim_variants: str = ""  # the simulator's flow variants, comma-separated (SIM_VARIANTS)
    # Allure results: a run starts a fresh results folder unless this is true (harness.allure_formatter)
    append_results: bool = False
    teksty: str = ""  # an overlay of screen texts for this environment (TOML, see teksty.example.toml)
    # Address of docs/instrukcja-iikp.md (or its HTML copy) that the report's „Instrukcja CeZ” links open
    docs_url: str = ""
    strict: bool = True  # a query for one element that matches several visible ones fails (pages/base.py)

    @property
    def uses_simulator(self) -> bool:
        return self.target == "symulator"

    @property
    def cleans_up(self) -> bool:
        """Whether scenarios put back what they changed, through the screens (harness.cleanup)."""
        return self.cleanup == "on" or (self.cleanup == "auto" and not self.uses_simulator)

    @property
    def accounts_path(self) -> Path:
        path = Path(self.accounts).expanduser()
        return path if path.is_absolute() else PROJECT_ROOT / path


PARSERS: dict[str, Callable[[str, str], object]] = {
    "target": _choice(TARGETS),
    "base_url": _url,
    "pz_url": _url,
    "browser": _choice(BROWSERS),
    "headless": _bool,
    "remote_url": _url,
    "timeout": _number(0.5, 300),
    "accounts": _text,
    "screenshots": _choice(SCREENSHOTS),
    "driver_manager": _choice(DRIVER_MANAGERS),
    "driver_path": _text,
    "browser_path": _text,
    "retries": _number(0, 10, integer=True),
    "preflight_timeout": _number(0.5, 120),
    "lease_timeout": _number(0, 3600),
    "stats_file": _text,
    "facility": _text,
    "irreversible": _bool,
    "cleanup": _choice(CLEANUPS),
    "markup": _choice(MARKUPS),
    "markup_seed": _number(-1, 2**31 - 1, integer=True),
    "ui": _choice(UIS),
    "spa_delay_ms": _number(-1, 10_000, integer=True),
    "browser_reuse": _bool,
    "grid": _grid,
    "grid_nodes": _number(0, 16, integer=True),
    "sim_reword": _file,
    "sim_rename": _file,
    "sim_variants": _variants,
    "append_results": _bool,
    "teksty": _text,
    "docs_url": _text,
    "strict": _bool,
}
assert set(PARSERS) == {f.name for f in fields(Settings)}

ENV_PREFIX = "IIKP_"
# Environment variables with the prefix that are not configuration keys.
# IIKP_PARALLEL_DIR: set by tools.parallel for its workers; IIKP_LEASE_DIR: where account leases live.
ENV_NOT_KEYS = {"IIKP_SIM_TOKEN", "IIKP_PARALLEL_DIR", "IIKP_LEASE_DIR"}
# -D values a parallel runner adds for its own use (behavex: -D worker_id=N); not configuration keys.
RUNNER_DEFINES = {"worker_id"}


def load_settings(
    ini: Mapping[str, str],
    defines: Mapping[str, str],
    environ: Mapping[str, str] = os.environ,
) -> Settings:
    """Merge the three sources (-D > IIKP_<KEY> > behave.ini) and validate every value.

    Raises ConfigError naming the first bad key; never starts anything.
    """
    for source, keys in (("-D", defines), ("[behave.userdata]", ini)):
        for key in keys:
            if key not in PARSERS:
                raise ConfigError(key, f"nieznany klucz w {source}; znane klucze: {', '.join(PARSERS)}")
    for name in environ:
        if name.startswith(ENV_PREFIX) and name not in ENV_NOT_KEYS:
            key = name[len(ENV_PREFIX):].lower()
            if key not in PARSERS:
                raise ConfigError(name, f"nieznana zmienna środowiskowa; znane klucze: {', '.join(PARSERS)}")

    values: dict[str, object] = {}
    for key, parse in PARSERS.items():
        env_name = ENV_PREFIX + key.upper()
        if key in defines:
            raw = defines[key]
        elif env_name in environ:
            raw = environ[env_name]
        elif key in ini:
            raw = ini[key]
        else:
            continue
        values[key] = parse(key, str(raw))

    settings = Settings(**values)
    if settings.target == "iikp":
        settings = Settings(**{**values,
                               "base_url": settings.base_url or IIKP_BASE_URL,
                               "pz_url": settings.pz_url or IIKP_PZ_URL})
    if settings.grid == "local" and settings.remote_url:
        raise ConfigError("grid", "grid=local uruchamia własny Selenium Grid, a remote_url wskazuje inny; "
                                  "podaj tylko jedno z nich")
    if settings.grid == "local" and settings.browser not in ("chromium", "chrome"):
        raise ConfigError("grid", f"lokalny Selenium Grid ma tylko węzły Chromium; użyj browser=chromium "
                                  f"albo remote_url Grida z przeglądarką {settings.browser}")
    if settings.browser in ("firefox", "edge") and settings.driver_manager == "system" and not (
            settings.driver_path or settings.remote_url):
        raise ConfigError("driver_path", f"przeglądarka {settings.browser} wymaga podania driver_path "
                                         "(ścieżki do sterownika), driver_manager=webdriver-manager albo remote_url")
    return settings


def from_behave(config) -> Settings:
    """Build the settings from a behave Configuration (its userdata already has the -D values merged in)."""
    defines = {k: v for k, v in (config.userdata_defines or []) if k not in RUNNER_DEFINES}
    ini = {k: v for k, v in config.userdata.items() if k not in defines and k not in RUNNER_DEFINES}
    return load_settings(ini, defines)

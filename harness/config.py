"""One typed configuration object built from -D defines, IIKP_<KEY> variables and [behave.userdata]."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
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


def setting(default: object, parse: Callable[[str, str], object]):
    """A configuration key: its default and how its raw text is checked and converted (declared once, here)."""
    return field(default=default, metadata={"parse": parse})


@dataclass(frozen=True)
class Settings:
    """The run's settings; see the configuration table in README.md."""

    target: str = setting("symulator", _choice(TARGETS))
    base_url: str = setting("", _url)
    pz_url: str = setting("", _url)
    browser: str = setting("chromium", _choice(BROWSERS))
    headless: bool = setting(True, _bool)
    remote_url: str = setting("", _url)
    timeout: float = setting(10.0, _number(0.5, 300))
    accounts: str = setting("accounts.ini", _text)
    screenshots: str = setting("failure", _choice(SCREENSHOTS))
    driver_manager: str = setting("system", _choice(DRIVER_MANAGERS))
    driver_path: str = setting("", _text)
    browser_path: str = setting("", _text)
    retries: int = setting(2, _number(0, 10, integer=True))
    preflight_timeout: float = setting(5.0, _number(0.5, 120))
    lease_timeout: float = setting(300.0, _number(0, 3600))
    stats_file: str = setting("", _text)
    facility: str = setting("", _text)
    irreversible: bool = setting(False, _bool)
    cleanup: str = setting("auto", _choice(CLEANUPS))
    markup: str = setting("default", _choice(MARKUPS))
    markup_seed: int = setting(-1, _number(-1, 2**31 - 1, integer=True))
    ui: str = setting("pages", _choice(UIS))
    spa_delay_ms: int = setting(-1, _number(-1, 10_000, integer=True))
    browser_reuse: bool = setting(True, _bool)
    grid: str = setting("", _grid)
    grid_nodes: int = setting(0, _number(0, 16, integer=True))
    # the simulator shows other words: an overlay file ([teksty]), as -D teksty takes
    sim_reword: str = setting("", _file)
    sim_rename: str = setting("", _file)  # the simulator's data carry other names: an accounts file's [nazwy]
    sim_variants: str = setting("", _variants)  # the simulator's flow variants, comma-separated (SIM_VARIANTS)
    # Allure results: a run starts a fresh results folder unless this is true (harness.allure_formatter)
    append_results: bool = setting(False, _bool)
    teksty: str = setting("", _text)  # an overlay of screen texts for this environment (TOML, see teksty.example.toml)
    # Address of docs/instrukcja-iikp.md (or its HTML copy) that the report's „Instrukcja CeZ” links open
    docs_url: str = setting("", _text)
    # a query for one element that matches several visible ones fails (pages/base.py)
    strict: bool = setting(True, _bool)

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


PARSERS: dict[str, Callable[[str, str], object]] = {f.name: f.metadata["parse"] for f in fields(Settings)}

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

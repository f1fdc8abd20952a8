"""Browser factory: private (incognito) browsers, local or on a Selenium Grid, and the keeper that reuses them."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException, WebDriverException
from selenium.webdriver.remote.command import Command
from selenium.webdriver.remote.webdriver import WebDriver

from harness import child_process, metering
from harness.config import Settings
from harness.errors import BrowserSetupError

log = logging.getLogger("iikp.browser")

CHROMIUM_BINARY = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
INSTALL_HINT = "Zainstaluj: sudo apt-get install -y chromium chromium-driver (albo uruchom make setup)."

# Flags checked on Debian Chromium as root in a container (see shared stack notes).
CHROMIUM_FLAGS = (
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=pl-PL",
    "--window-size=1366,768", "--incognito",
)


def _chromium_options(settings: Settings) -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    if settings.headless:
        options.add_argument("--headless=new")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {"intl.accept_languages": "pl-PL,pl"})
    binary = settings.browser_path or (CHROMIUM_BINARY if settings.browser == "chromium" else "")
    if binary and not settings.remote_url:
        if not Path(binary).is_file():
            raise BrowserSetupError(f"Nie znaleziono przeglądarki {binary} (browser_path). {INSTALL_HINT}")
        options.binary_location = binary
    return options


def _firefox_options(settings: Settings) -> webdriver.FirefoxOptions:
    options = webdriver.FirefoxOptions()
    options.add_argument("-private")
    if settings.headless:
        options.add_argument("-headless")
    options.set_preference("intl.accept_languages", "pl-PL, pl")
    if settings.browser_path:
        options.binary_location = settings.browser_path
    return options


def _edge_options(settings: Settings) -> webdriver.EdgeOptions:
    options = webdriver.EdgeOptions()
    options.add_argument("--inprivate")
    if settings.headless:
        options.add_argument("--headless=new")
    if settings.browser_path:
        options.binary_location = settings.browser_path
    return options


def _driver_path(settings: Settings) -> str | None:
    """Where the driver binary is, by `driver_manager`; None lets Selenium Manager find it offline."""
    if settings.driver_path:
        if not Path(settings.driver_path).is_file():
            raise BrowserSetupError(f"Nie znaleziono sterownika driver_path={settings.driver_path}. "
                                    f"Popraw ścieżkę albo pomiń driver_path (domyślnie {CHROMEDRIVER}).")
        return settings.driver_path
    if settings.driver_manager == "system":
        found = CHROMEDRIVER if Path(CHROMEDRIVER).is_file() else shutil.which("chromedriver")
        if not found:
            raise BrowserSetupError(f"Nie znaleziono chromedriver ({CHROMEDRIVER}). {INSTALL_HINT}")
        return found
    if settings.driver_manager == "selenium-manager":
        os.environ.setdefault("SE_OFFLINE", "true")
        return None
    return _webdriver_manager_path(settings)


def _webdriver_manager_path(settings: Settings) -> str:
    try:
        from webdriver_manager.chrome import ChromeDriverManager
        from webdriver_manager.core.os_manager import ChromeType
        from webdriver_manager.firefox import GeckoDriverManager
        from webdriver_manager.microsoft import EdgeChromiumDriverManager

        managers = {
            "chromium": lambda: ChromeDriverManager(chrome_type=ChromeType.CHROMIUM),
            "chrome": ChromeDriverManager,
            "firefox": GeckoDriverManager,
            "edge": EdgeChromiumDriverManager,
        }
        return managers[settings.browser]().install()
    except Exception as exc:  # webdriver-manager raises plain ValueError/ConnectionError offline
        raise BrowserSetupError(
            f"webdriver-manager nie pobrał sterownika dla {settings.browser} ({type(exc).__name__}). "
            "Potrzebny jest dostęp do internetu; bez niego użyj driver_manager=system.") from None


def _major_version(command: list[str]) -> int | None:
    """The major version a browser or driver prints for --version; None when it prints none."""
    try:
        output = subprocess.run([*command, "--version"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise BrowserSetupError(f"Nie można uruchomić {command[0]} ({type(exc).__name__}). {INSTALL_HINT}") from None
    match = re.search(r"(\d+)\.\d+\.\d+", output)
    return int(match.group(1)) if match else None


def check_setup(settings: Settings) -> None:
    """Before the first scenario: the local browser and its driver exist and their major versions match.

    Raises BrowserSetupError with the fix, so a broken set-up stops the run once instead of failing
    every scenario. A Selenium Grid (remote_url) is checked by its first session instead.
    """
    if settings.remote_url:
        return
    if settings.browser in ("chromium", "chrome"):
        binary = _chromium_options(settings).binary_location  # raises when the browser is missing
        driver = _driver_path(settings)
        if binary and driver:
            browser_major, driver_major = _major_version([binary]), _major_version([driver])
            if browser_major and driver_major and browser_major != driver_major:
                raise BrowserSetupError(
                    f"Wersje nie pasują: przeglądarka {binary} ma wersję {browser_major}, a sterownik {driver} "
                    f"wersję {driver_major}. Zainstaluj sterownik tej samej wersji co przeglądarka. {INSTALL_HINT}")
    elif settings.driver_path:
        _driver_path(settings)


def new_browser(settings: Settings) -> WebDriver:
    """Start a fresh private browser as configured; raise BrowserSetupError with a fix on failure."""
    option_builders = {"chromium": _chromium_options, "chrome": _chromium_options,
                       "firefox": _firefox_options, "edge": _edge_options}
    options = option_builders[settings.browser](settings)
    try:
        if settings.remote_url:
            driver = webdriver.Remote(command_executor=settings.remote_url, options=options)
        else:
            driver = _local_driver(settings, options)
    except SessionNotCreatedException as exc:
        first = (exc.msg or str(exc)).strip().splitlines()[0]
        raise BrowserSetupError(f"Nie udało się uruchomić przeglądarki {settings.browser}: {first}. "
                                f"Sprawdź, czy wersje przeglądarki i sterownika pasują. {INSTALL_HINT}") from None
    except WebDriverException as exc:
        first = (exc.msg or str(exc)).strip().splitlines()[0]
        where = f" pod {settings.remote_url}" if settings.remote_url else ""
        raise BrowserSetupError(f"Nie udało się uruchomić przeglądarki {settings.browser}{where}: {first}") from None
    # A page that does not load in three waits' time: the environment does not answer (pages.errors.NotAnswering).
    driver.set_page_load_timeout(settings.timeout * 3)
    return driver


def _local_driver(settings: Settings, options) -> WebDriver:
    """The local browser through its driver, which lives apart from the terminal's signals: a Ctrl+C or a
    SIGTERM to the run's process group must not end the browser before the patient is logged out."""
    service = {"executable_path": _driver_path(settings), "popen_kw": child_process.apart()}
    if settings.browser in ("chromium", "chrome"):
        return webdriver.Chrome(service=webdriver.ChromeService(**service), options=options)
    if settings.browser == "firefox":
        return webdriver.Firefox(service=webdriver.FirefoxService(**service), options=options)
    return webdriver.Edge(service=webdriver.EdgeService(**service), options=options)


def browser_version(driver: WebDriver) -> str:
    caps = driver.capabilities
    return f"{caps.get('browserName', '?')} {caps.get('browserVersion', '?')}"


def grid_session(driver: WebDriver, remote_url: str) -> dict[str, str]:
    """A Remote browser's session id and, when `remote_url` is a Selenium Grid 4, the URI of the node it runs
    on (the Grid's GraphQL answer); {} for a local browser."""
    if not remote_url:
        return {}
    found = {"session": str(driver.session_id)}
    base = remote_url[:-len("/wd/hub")] if remote_url.endswith("/wd/hub") else remote_url
    query = "query($id: String!) { session(id: $id) { nodeUri } }"
    try:
        answer = requests.post(f"{base}/graphql", json={"query": query, "variables": {"id": found["session"]}},
                               timeout=5).json()
        node = ((answer.get("data") or {}).get("session") or {}).get("nodeUri")
    except (requests.RequestException, ValueError, AttributeError):  # not a Grid 4 (e.g. a bare chromedriver)
        node = None
    if node:
        found["node"] = node
    return found


def console_log(driver: WebDriver) -> list[dict]:
    """The browser console log (Chromium only); a Remote driver has no get_log, so use the raw command."""
    try:
        if hasattr(driver, "get_log"):
            return driver.get_log("browser")
        return driver.execute("getLog", {"type": "browser"})["value"]
    except WebDriverException:
        return []


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class BrowserKeeper:
    """Where scenarios get their browser: a fresh private one, or the last one made as good as new.

    With `browser_reuse` (local Chromium/Chrome only: it needs the DevTools protocol), the browser of
    a *passed* scenario is kept and turned into a fresh private window before the next one takes it:
    a new tab opened with `noopener` (no history, no sessionStorage), the scenario's tab closed, every
    cookie and the HTTP cache cleared, and the origins' storage (localStorage, IndexedDB, service
    workers, Cache Storage) cleared. A scenario that did not pass, a browser that a step closed, and
    the recovery of instrukcja CeZ pkt 3 ("a new private window") always get a brand-new browser.
    """

    def __init__(self, settings: Settings):
        self.settings = settings
        self._idle: WebDriver | None = None

    @property
    def reuses(self) -> bool:
        return self.settings.browser_reuse and self.settings.browser in ("chromium", "chrome") \
            and not self.settings.remote_url

    def take(self, brand_new: bool = False) -> WebDriver:
        """The kept browser (already cleaned) if there is one and `brand_new` is not asked, else a new one."""
        if brand_new:
            self.close()
        if self._idle is not None:
            driver, self._idle = self._idle, None
            return driver
        started = time.perf_counter()
        driver = new_browser(self.settings)
        metering.browser_started(time.perf_counter() - started, driver)
        return driver

    def give_back(self, driver: WebDriver, reusable: bool, origins: list[str]) -> None:
        """Keep a reusable browser as a fresh private window, or quit it."""
        if reusable and self.reuses and self._idle is None:
            try:
                clear_private_state(driver, origins)
            except Exception as error:  # any doubt about the clean-up: a brand-new browser next time
                log.debug("browser not reusable, quitting it: %s", type(error).__name__)
            else:
                self._idle = driver
                return
        quit_browser(driver)

    def close(self) -> None:
        if self._idle is not None:
            quit_browser(self._idle)
            self._idle = None


def clear_private_state(driver: WebDriver, origins: list[str]) -> None:
    """Make the browser a fresh private window (see BrowserKeeper); raise on any failure."""
    driver.execute_script("window.open('about:blank', '_blank', 'noopener');")
    remaining = driver.execute(Command.CLOSE)["value"]  # W3C Close Window answers the handles left
    if len(remaining) != 1:  # the scenario left other tabs open: not worth sorting out, start anew
        raise WebDriverException(f"{len(remaining)} tabs left after closing the scenario's one")
    driver.switch_to.window(remaining[0])
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    for origin in {o for o in map(_origin, origins) if o}:
        driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})


def quit_browser(driver: WebDriver) -> None:
    """Quit the browser; one already closed by a scenario (a "closed window") is fine."""
    try:
        driver.quit()
    except Exception as error:  # the browser may be gone already: note it, do not fail
        log.debug("browser already closed: %s", type(error).__name__)

"""Browser factory: a fresh private (incognito) browser per scenario, local or on a Selenium Grid."""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import SessionNotCreatedException, WebDriverException
from selenium.webdriver.remote.webdriver import WebDriver

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
    driver.set_page_load_timeout(max(30.0, settings.timeout * 3))
    return driver


def _local_driver(settings: Settings, options) -> WebDriver:
    path = _driver_path(settings)
    if settings.browser in ("chromium", "chrome"):
        return webdriver.Chrome(service=webdriver.ChromeService(executable_path=path), options=options)
    if settings.browser == "firefox":
        return webdriver.Firefox(service=webdriver.FirefoxService(executable_path=path), options=options)
    return webdriver.Edge(service=webdriver.EdgeService(executable_path=path), options=options)


def browser_version(driver: WebDriver) -> str:
    caps = driver.capabilities
    return f"{caps.get('browserName', '?')} {caps.get('browserVersion', '?')}"


def console_log(driver: WebDriver) -> list[dict]:
    """The browser console log (Chromium only); a Remote driver has no get_log, so use the raw command."""
    try:
        if hasattr(driver, "get_log"):
            return driver.get_log("browser")
        return driver.execute("getLog", {"type": "browser"})["value"]
    except WebDriverException:
        return []

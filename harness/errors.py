"""Exceptions and exit codes shared by the harness, the pages and the steps."""

from __future__ import annotations

from datetime import UTC, datetime

# Exit codes of a run (documented in README.md).
EXIT_OK = 0
EXIT_PRODUCT_FAILURE = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3


class SuiteError(Exception):
    """A problem of the user's set-up that stops the run with one clear line."""

    exit_code = EXIT_USAGE


class ConfigError(SuiteError):
    """An unknown configuration key or a value outside its allowed range."""

    def __init__(self, key: str, message: str):
        self.key = key
        super().__init__(f"Błąd konfiguracji '{key}': {message}")


class AccountsError(SuiteError):
    """The local accounts file is missing, unreadable, malformed or holds an invalid PESEL."""


class BrowserSetupError(SuiteError):
    """The browser or its driver is missing, or their versions do not match."""


class EnvironmentUnavailable(SuiteError):
    """The preflight found iIKP or the PZ mock not answering."""

    exit_code = EXIT_ENVIRONMENT


class EnvironmentFailure(Exception):
    """iIKP or the test PZ showed one of the error screens documented by CeZ (seed section 3).

    Not an AssertionError on purpose: Allure reports it as *broken* (environment), never as a
    product defect, and the retry policy may repeat the scenario from its start.
    """

    screen = "?"
    label = "?"

    def __init__(self, url: str, detail: str = ""):
        self.url = url
        self.at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        text = f"{self.label} (ekran błędu {self.screen}) pod adresem {url} o {self.at}"
        super().__init__(f"{text}: {detail}" if detail else text)


class PzErrorScreen(EnvironmentFailure):
    """Seed 3.1: the test Profil Zaufany / WK error screen."""

    screen = "3.1"
    label = "Awaria środowiska: testowy Profil Zaufany"


class IkpErrorScreen(EnvironmentFailure):
    """Seed 3.2: the iIKP not-working screen."""

    screen = "3.2"
    label = "Awaria środowiska: iIKP"

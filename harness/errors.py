"""Exit codes and the set-up errors of a run; the error screens' failures live with the pages (pages/errors.py)."""

from __future__ import annotations

from pages.errors import EnvironmentFailure, IkpErrorScreen, PzErrorScreen  # noqa: F401 - re-exported

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

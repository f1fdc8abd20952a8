"""The set-up errors of a run; the exit codes live in harness/exits.py, the error screens' failures with the
pages (pages/errors.py). Both are re-exported here."""

from __future__ import annotations

from harness.exits import EXIT_ENVIRONMENT, EXIT_OK, EXIT_PRODUCT_FAILURE, EXIT_USAGE  # noqa: F401 - re-exported
from pages.errors import EnvironmentFailure, IkpErrorScreen, PzErrorScreen  # noqa: F401 - re-exported


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

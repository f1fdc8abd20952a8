"""The words and names of one environment, installed once per run before any browser starts: the overlay of
screen texts (-D teksty=PATH, pages/wording.py) and the [nazwy] of the accounts file (harness/personas.py)."""

from __future__ import annotations

from pathlib import Path

from harness.config import PROJECT_ROOT, Settings
from harness.errors import SuiteError
from harness.personas import install_names, load_names
from pages import wording


class TextsError(SuiteError):
    """The overlay of screen texts is missing, not UTF-8, not TOML, or names a text the suite does not expect."""


def overlay_path(settings: Settings) -> Path | None:
    """Where -D teksty points (relative paths from the project's folder), or None without an overlay."""
    if not settings.teksty:
        return None
    path = Path(settings.teksty).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def install(settings: Settings) -> None:
    """Read and check the overlay and the names, then make them the run's. Raises TextsError or AccountsError
    (exit 2) before anything starts."""
    path = overlay_path(settings)
    try:
        overlay = wording.parse_overlay(path) if path else {}
    except wording.WordingError as error:
        raise TextsError(str(error)) from None
    names = {} if settings.uses_simulator else load_names(settings.accounts_path)
    wording.install(wording.Wording(overlay, str(path or "")))
    install_names(names)

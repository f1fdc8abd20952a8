"""A behave.ini of its own for a run that must not write into the project's reports/ (meta-tests, soak, bench)."""

from __future__ import annotations

import configparser
from pathlib import Path

from harness.config import PROJECT_ROOT


def isolated_ini(folder: Path, results: Path) -> Path:
    """Write `folder`/behave.ini: the project's settings, progress output, Allure into `results`, no JUnit.

    behave appends -f/-o given on the command line to the formats of behave.ini, and reads behave.ini
    from its working directory; so such a run is started with `folder` as its cwd. Returns `folder`.
    """
    parser = configparser.ConfigParser()
    parser.read(PROJECT_ROOT / "behave.ini", encoding="utf-8")
    parser["behave"]["paths"] = str(PROJECT_ROOT / "features")
    parser["behave"]["outfiles"] = str(results)
    parser["behave"]["default_format"] = "progress"
    parser["behave"]["junit"] = "false"
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "behave.ini").open("w", encoding="utf-8") as handle:
        parser.write(handle)
    return folder

"""A behave.ini of its own for a run that must not write into the project's reports/ (meta-tests, soak, bench).

    python -m tools.isolated_run RESULTS [--junit DIR] -- [behave arguments]

runs behave with the project's settings but its Allure results in RESULTS (and JUnit in DIR, else none),
so that a second whole run (e.g. `make test`'s single-page run) does not mix with the first one's report.
"""

from __future__ import annotations

import argparse
import configparser
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from harness.config import PROJECT_ROOT


def isolated_ini(folder: Path, results: Path, junit: Path | None = None) -> Path:
    """Write `folder`/behave.ini: the project's settings, progress output, Allure into `results`, JUnit into
    `junit` (none without it).

    behave appends -f/-o given on the command line to the formats of behave.ini, and reads behave.ini
    from its working directory; so such a run is started with `folder` as its cwd. Returns `folder`.
    """
    parser = configparser.ConfigParser()
    parser.read(PROJECT_ROOT / "behave.ini", encoding="utf-8")
    parser["behave"]["paths"] = str(PROJECT_ROOT / "features")
    parser["behave"]["outfiles"] = str(results)
    parser["behave"]["default_format"] = "progress"
    parser["behave"]["junit"] = "true" if junit else "false"
    if junit:
        parser["behave"]["junit_directory"] = str(junit)
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "behave.ini").open("w", encoding="utf-8") as handle:
        parser.write(handle)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.isolated_run", description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path, help="folder for the run's Allure results")
    parser.add_argument("--junit", type=Path, help="folder for the run's JUnit XML (default: none)")
    options, behave_args = parser.parse_known_args(argv)
    behave_args = [arg for arg in behave_args if arg != "--"]
    results = options.results.resolve()
    results.mkdir(parents=True, exist_ok=True)
    junit = options.junit.resolve() if options.junit else None
    # feature paths given relative to the project stay valid from the temporary working directory
    behave_args = [str(PROJECT_ROOT / arg) if arg.split(":")[0].endswith(".feature") or arg == "features"
                   else arg for arg in behave_args]
    with tempfile.TemporaryDirectory(prefix="iikp-isolated-") as folder:
        cwd = isolated_ini(Path(folder), results, junit)
        return subprocess.call([str(Path(sys.executable).with_name("behave")), *behave_args], cwd=cwd,
                               env=os.environ.copy())


if __name__ == "__main__":
    sys.exit(main())

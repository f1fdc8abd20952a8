"""The worker's side of a parallel run (tools.parallel is the parent): its run folder, persona copies, outcomes."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import time
from collections import Counter
from pathlib import Path

from harness.personas import Persona, PersonaBook

# Set by the parent (tools.parallel) for its workers: the run folder with the workers' persona copies.
PARALLEL_DIR_ENV = "IIKP_PARALLEL_DIR"
ACCOUNTS_FILE = "accounts.json"
OUTCOMES_GLOB = "outcomes-*.json"
WORKER_NAME = re.compile(r"behave_worker-(\d+)$")


def run_dir() -> Path | None:
    """The parent's run folder when this process is a parallel worker, else None."""
    value = os.environ.get(PARALLEL_DIR_ENV, "")
    return Path(value) if value else None


def worker_id() -> int | None:
    """This worker's number, from behavex's process name (behave_worker-N); None outside a pool worker."""
    match = WORKER_NAME.search(multiprocessing.current_process().name)
    return int(match.group(1)) if match else None


def worker_personas(folder: Path) -> PersonaBook | None:
    """This worker's own copies of the personas (name -> its PESEL), made by the parent; None when
    this process is not a pool worker (the @serial phase uses the built-in personas)."""
    number = worker_id()
    path = folder / ACCOUNTS_FILE
    if number is None or not path.is_file():
        return None
    mine = json.loads(path.read_text(encoding="utf-8"))[str(number)]
    return PersonaBook({name: Persona(name, pesel) for name, pesel in mine.items()},
                       f"symulator (kopie person procesu {number})")


def record_outcomes(folder: Path, counts: Counter) -> None:
    """Leave this behave run's outcome counts for the parent, which computes the exit code."""
    path = folder / f"outcomes-{os.getpid()}-{time.monotonic_ns()}.json"
    path.write_text(json.dumps(dict(counts)), encoding="utf-8")

"""How a run ends: its exit codes and the one way to set them (behave itself can only end with 0 or 1)."""

from __future__ import annotations

import atexit
import os
import sys

# Exit codes of a run (documented in README.md).
EXIT_OK = 0
EXIT_PRODUCT_FAILURE = 1
EXIT_USAGE = 2
EXIT_ENVIRONMENT = 3

_chosen: dict[str, int | None] = {"code": None}


def _end(code: int) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def exit_at_end(code: int) -> None:
    """End the process with `code` once behave has finished (formatters closed, every cleanup run).

    The first code set wins. behave turns a SystemExit raised in a hook into a plain failure, hence
    os._exit at interpreter exit.
    """
    if _chosen["code"] is not None:
        return
    _chosen["code"] = code
    atexit.register(_end, code)


def exit_code_set() -> int | None:
    """The code the run will end with, once one was set."""
    return _chosen["code"]


def end_now(message: str, code: int) -> None:
    """Print one line (if any) and end at once: for problems found before anything was started that needs
    closing, and for a third interrupting signal."""
    if message:
        print(message, file=sys.stderr, flush=True)
    _end(code)

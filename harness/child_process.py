"""Helper processes the run starts (browser drivers, Selenium Grid) live apart from the terminal's signals.

A Ctrl+C at the terminal, or a SIGTERM sent to a process group (tools.children), reaches every process of
the foreground group. Had the browser's driver been one of them, it would die at once, and the run could
no longer log the patient out (instrukcja CeZ pkt 2.3) nor take the failure's screenshot. So helpers get
their own session, and the run stops them itself, in order; should the run die without a chance to do
that (SIGKILL), Linux sends them SIGTERM (PR_SET_PDEATHSIG).
"""

from __future__ import annotations

import ctypes
import signal

PR_SET_PDEATHSIG = 1
try:
    _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
except (OSError, AttributeError):  # not Linux
    _PRCTL = None


def die_with_parent() -> None:
    """In the child before exec: get SIGTERM if the thread that started it dies (Linux), even by SIGKILL."""
    if _PRCTL is not None:
        _PRCTL(PR_SET_PDEATHSIG, int(signal.SIGTERM))


def apart() -> dict:
    """Popen keyword arguments for a helper process: its own session, and it dies with its parent."""
    return {"start_new_session": True, "preexec_fn": die_with_parent}

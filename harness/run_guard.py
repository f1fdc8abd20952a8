"""Stopping a run cleanly: set-up problems found mid-run, SIGINT/SIGTERM, unparsable feature files.

behave can only end with 0 or 1 and swallows SystemExit raised in hooks, so a documented exit code
is set at interpreter exit (after behave has closed its formatters and run every cleanup), and the
run itself is stopped by marking it aborted (as `context.abort()` does), which runs no further scenario but still runs
after_scenario, after_all and the fixture cleanups (logout, browser quit, simulator stop).
"""

from __future__ import annotations

import signal
import sys

from harness.exits import EXIT_USAGE, end_now, exit_at_end, exit_code_set

_state: dict = {"signal": None, "signals_seen": 0, "runner": None, "in_step": False}


def abort_run(context, message: str, code: int = EXIT_USAGE) -> None:
    """Print one line, run no further scenario, and end the run with `code` after the cleanups."""
    if exit_code_set() is None:
        print(message, file=sys.__stderr__, flush=True)
        _state["set_up_failed"] = True
    exit_at_end(code)
    context._runner.aborted = True  # what context.abort() does, without its own "ABORTED:" line


def set_up_failed() -> bool:
    """True once abort_run stopped the run for a set-up problem."""
    return _state.get("set_up_failed", False)


# -- SIGINT / SIGTERM ---------------------------------------------------------------------------------
def install_interrupt_handlers(context=None) -> None:
    """SIGTERM (e.g. a CI timeout) and SIGINT (Ctrl+C) stop the run and leave the accounts as found.

    The run is marked aborted (no further step or scenario), and a signal that lands while a step runs
    also becomes a KeyboardInterrupt in that step, which behave turns into a failed step. Either way
    after_scenario still runs — the clean-up of real accounts and „Wyloguj się” — and then the
    cleanups quit the browser and stop the simulator. (A KeyboardInterrupt between steps would abort
    behave without after_scenario, leaving the patient logged in.) A second signal during that clean-up
    is ignored with a note; a third ends the process at once.
    """
    _state["runner"] = getattr(context, "_runner", None)
    before = {signum: signal.signal(signum, _on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
    if context is not None:
        # Registered first, so run last: once the run's clean-ups are done, signals act as before the run.
        # (A behavex worker lives on after its run: with these handlers it would swallow the SIGTERM
        # that should end it.)
        context.add_cleanup(_restore_handlers, before)


def _restore_handlers(before: dict) -> None:
    for signum, handler in before.items():
        signal.signal(signum, signal.SIG_DFL if handler is None else handler)  # None: set outside Python


def step_started() -> None:
    _state["in_step"] = True


def step_ended() -> None:
    _state["in_step"] = False


def _on_signal(signum, frame) -> None:
    _state["signals_seen"] += 1
    name = signal.Signals(signum).name
    if _state["signals_seen"] == 1:
        _state["signal"] = signum
        print(f"\nPrzerywam przebieg ({name}): kończę bieżący scenariusz, sprzątam, wylogowuję i zamykam "
              "przeglądarkę...", file=sys.__stderr__, flush=True)
        runner = _state["runner"]
        if runner is not None:
            runner.abort(reason=name)
        if _state["in_step"] or runner is None:
            raise KeyboardInterrupt(name)
        return
    if _state["signals_seen"] == 2:
        print(f"Jeszcze sprzątam ({name}); kolejny sygnał zakończy proces natychmiast.", file=sys.__stderr__,
              flush=True)
        return
    end_now("", 128 + signum)


def interrupted_by() -> int | None:
    """The signal that interrupted the run, if one did."""
    return _state["signal"]


def finish_interrupted_run() -> None:
    """In after_all: one line and exit code 128 + signal (130 for SIGINT, 143 for SIGTERM)."""
    signum = interrupted_by()
    if signum is None:
        return
    print(f"Przebieg przerwany sygnałem {signal.Signals(signum).name}: wyniki ukończonych scenariuszy "
          f"zostały w wynikach Allure (kod wyjścia {128 + signum}).", file=sys.__stderr__, flush=True)
    exit_at_end(128 + signum)


# -- feature files that do not parse --------------------------------------------------------------------
def install_parse_error_message() -> None:
    """A feature file that does not parse stops the run with one line and exit code 2 (not behave's 1)."""
    import behave.runner
    from behave.parser import ParserError

    original = behave.runner.parse_features
    if getattr(original, "iikp_wrapped", False):
        return

    def parse_features(*args, **kwargs):
        try:
            return original(*args, **kwargs)
        except ParserError as error:
            detail = " ".join(str(error).split())
            end_now(f"Błąd składni pliku .feature: {detail}. Popraw ten wiersz (słowa kluczowe po polsku, "
                    "nagłówek `# language: pl`, `Zakładając, że` z przecinkiem); `behave --dry-run` sprawdzi "
                    "wszystkie pliki.", EXIT_USAGE)

    parse_features.iikp_wrapped = True  # type: ignore[attr-defined]
    behave.runner.parse_features = parse_features

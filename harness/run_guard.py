"""Stopping a run cleanly: set-up problems found mid-run, SIGINT/SIGTERM, unparsable feature files.

behave can only end with 0 or 1 and swallows SystemExit raised in hooks, so a documented exit code
is set at interpreter exit (after behave has closed its formatters and run every cleanup), and the
run itself is stopped by marking it aborted (as `context.abort()` does), which runs no further scenario but still runs
after_scenario, after_all and the fixture cleanups (logout, browser quit, simulator stop).
"""

from __future__ import annotations

import atexit
import os
import re
import signal
import sys

from harness.errors import EXIT_USAGE

_state: dict = {"exit_code": None, "signal": None, "signals_seen": 0, "runner": None, "in_step": False}


def exit_at_end(code: int) -> None:
    """End the process with `code` once behave has finished (the first code set wins)."""
    if _state["exit_code"] is not None:
        return
    _state["exit_code"] = code

    def finish() -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)

    atexit.register(finish)


def abort_run(context, message: str, code: int = EXIT_USAGE) -> None:
    """Print one line, run no further scenario, and end the run with `code` after the cleanups."""
    if _state["exit_code"] is None:
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
    os._exit(128 + signum)


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


# -- personas the selected scenarios need -------------------------------------------------------------
_PERSONA_FIELD = re.compile(r"\{(\w+):Osoba\}")


def needed_personas(features, config, registry, skip_tag: str | None = None) -> dict[str, str]:
    """Persona name -> location of the first selected scenario whose steps name it (`{...:Osoba}`).

    `registry` is the run's step registry (`context._runner.step_registry`). Scenarios not selected
    (tags, name, file:line) and those tagged `skip_tag` are left out.
    """
    needed: dict[str, str] = {}
    for feature in features:
        for scenario in feature.walk_scenarios():
            if not scenario.should_run(config) or (skip_tag and skip_tag in scenario.effective_tags):
                continue
            for step in scenario.all_steps:
                definition = registry.find_step_definition(step)
                match = registry.find_match(step) if definition else None
                if not match:
                    continue
                fields = set(_PERSONA_FIELD.findall(getattr(definition, "pattern", "") or ""))
                for argument in match.arguments or []:
                    if argument.name in fields:
                        needed.setdefault(str(argument.value), str(scenario.location))
    return needed


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
            print(f"Błąd składni pliku .feature: {detail}. Popraw ten wiersz (słowa kluczowe po polsku, "
                  "nagłówek `# language: pl`, `Zakładając, że` z przecinkiem); `behave --dry-run` sprawdzi "
                  "wszystkie pliki.", file=sys.stderr, flush=True)
            sys.stdout.flush()
            os._exit(EXIT_USAGE)

    parse_features.iikp_wrapped = True  # type: ignore[attr-defined]
    behave.runner.parse_features = parse_features

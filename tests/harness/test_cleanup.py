"""The clean-up of real accounts: newest first, a failure kept apart, an error screen retried in a new window."""

from __future__ import annotations

from harness.cleanup import Cleanup
from harness.personas import Persona
from pages.errors import IkpErrorScreen

JAN = Persona("Jan Nowak", "80011512354")


def test_undo_actions_run_newest_first_and_failures_are_kept_apart():
    done = []
    cleanup = Cleanup(enabled=True)
    cleanup.add("pierwsze", JAN, lambda page: done.append(("pierwsze", page)))
    cleanup.add("nieudane", JAN, lambda page: 1 / 0)
    cleanup.add("ostatnie", JAN, lambda page: done.append(("ostatnie", page)))
    failures = cleanup.run(lambda persona, fresh: f"strona {persona.name}{' (nowe okno)' if fresh else ''}")
    assert done == [("ostatnie", "strona Jan Nowak"), ("pierwsze", "strona Jan Nowak")]
    assert [(f.label, f.error) for f in failures] == [("nieudane", "ZeroDivisionError: division by zero")]
    assert cleanup.actions == []


def test_an_error_screen_gets_one_more_try_in_a_new_private_window():
    tries = []

    def undo(page):
        tries.append(page)
        if len(tries) == 1:
            raise IkpErrorScreen("http://ikp/ikp/uprawnienia")

    cleanup = Cleanup(enabled=True)
    cleanup.add("wycofanie", JAN, undo)
    assert cleanup.run(lambda persona, fresh: "nowe okno" if fresh else "to samo okno") == []
    assert tries == ["to samo okno", "nowe okno"]


def test_a_disabled_clean_up_registers_nothing():
    cleanup = Cleanup(enabled=False)
    cleanup.add("cokolwiek", JAN, lambda page: None)
    assert cleanup.actions == [] and cleanup.run(lambda persona, fresh: None) == []

"""Putting a real test account back as it was found, through the screens, after every scenario.

On the real iIKP the screens are the only way to undo what a scenario did, and the same few test
accounts serve a vendor's team for months. A step that changes an account registers how to undo it
(`Cleanup.add`): withdraw the consent it granted, cancel the order it placed, restore the contact data
it changed. After the scenario, passed or not, `Cleanup.run` performs the undo actions, newest first,
each as an Allure step „Sprzątanie: …”, in a browser logged in as the account's persona (the
scenario's own, or a new private window when that one is gone or shows someone else).

A failed clean-up never changes the scenario's own result: it is written as a separate Allure result
in the category „Sprzątanie nie powiodło się”, and the console summary counts it.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

import allure

from harness.errors import EnvironmentFailure
from harness.personas import Persona

log = logging.getLogger("iikp.cleanup")

CLEANUP_PREFIX = "Sprzątanie: "


@dataclass(frozen=True)
class UndoAction:
    """One thing to put back: what it is (Polish, for the report), whose account, and how (through a page)."""

    label: str
    patient: Persona
    undo: Callable[[object], object]  # gets a logged-in page of `patient`, returns any page


@dataclass
class CleanupFailure:
    label: str
    error: str
    details: str


@dataclass
class Cleanup:
    """The scenario's undo actions; `enabled` is False where the account is reset anyway (the simulator)."""

    enabled: bool
    actions: list[UndoAction] = field(default_factory=list)
    failures: list[CleanupFailure] = field(default_factory=list)

    def add(self, label: str, patient: Persona, undo: Callable[[object], object]) -> None:
        if self.enabled:
            self.actions.append(UndoAction(label, patient, undo))

    def run(self, page_of: Callable[[Persona, bool], object]) -> list[CleanupFailure]:
        """Perform every undo action, newest first; `page_of(persona, fresh)` gives a logged-in page of that
        persona (`fresh`: in a new private window). An error screen of instrukcja CeZ pkt 3 gets the
        recovery CeZ prescribes: the action once more, in a new private window.

        Returns the failures (also kept in `self.failures`); never raises.
        """
        while self.actions:
            action = self.actions.pop()
            try:
                with allure.step(CLEANUP_PREFIX + action.label):
                    try:
                        action.undo(page_of(action.patient, False))
                    except EnvironmentFailure:
                        action.undo(page_of(action.patient, True))
            except Exception as error:  # reported apart; the scenario's own result stays as it is
                log.warning("clean-up failed: %s: %s", action.label, error)
                self.failures.append(CleanupFailure(action.label, f"{type(error).__name__}: {error}",
                                                    traceback.format_exc(limit=8)))
        return self.failures

"""Instrukcja CeZ pkt 3: retry a scenario that hit an environment failure from its start; classify outcomes."""

from __future__ import annotations

import functools
from collections import Counter

from behave.model import Feature, Scenario, Status

from harness.errors import EnvironmentFailure
from harness.tags import SKIP_REASONS, summary_reason

PASSED, PRODUCT, SUITE, SKIPPED, UNFINISHED = "passed", "product", "suite", "skipped", "unfinished"


def environment_failure_of(scenario: Scenario) -> EnvironmentFailure | None:
    """The EnvironmentFailure that ended the scenario, if that is what ended it."""
    for step in scenario.all_steps:
        if step.status in (Status.failed, Status.error) and isinstance(step.exception, EnvironmentFailure):
            return step.exception
    return None


def outcome_of(scenario: Scenario) -> str:
    """passed, skipped, product (an assertion failed), suite (another error) or the environment failure's label."""
    if scenario.status == Status.skipped:
        return SKIPPED
    if scenario.status not in (Status.failed, Status.error):
        # an interrupted run (SIGINT/SIGTERM) leaves steps it never ran: not a pass
        unrun = any(step.status in (Status.untested, Status.skipped) for step in scenario.all_steps)
        return UNFINISHED if unrun else PASSED
    failure = environment_failure_of(scenario)
    if failure is not None:
        return failure.label
    for step in scenario.all_steps:
        if step.status in (Status.failed, Status.error):
            if isinstance(step.exception, KeyboardInterrupt):  # SIGINT/SIGTERM landed in this step
                return UNFINISHED
            return PRODUCT if isinstance(step.exception, AssertionError) else SUITE
    return SUITE


def install_retries(feature: Feature, retries: int, announce=print) -> None:
    """Wrap each scenario's run: an attempt ended by an EnvironmentFailure runs again, up to `retries` times.

    Each attempt starts from the first step in a brand-new private browser (a scenario that did not
    pass never hands its browser on, see BrowserKeeper), which is the recovery CeZ prescribes:
    "repeat from step 1 ... in a private window". A product assertion failure is never retried.
    Each attempt is its own Allure result with the same history id, so the report lists the earlier attempts as retries.
    """
    for scenario in feature.walk_scenarios():
        if getattr(scenario, "_iikp_retries", False):
            continue
        scenario._iikp_retries = True
        scenario.run = functools.partial(_run_with_retries, scenario, scenario.run, retries, announce)


def _run_with_retries(scenario: Scenario, run, retries: int, announce, runner) -> bool:
    for attempt in range(1, retries + 2):
        failed = run(runner)
        failure = environment_failure_of(scenario) if failed else None
        if failure is None or attempt > retries:
            return failed
        announce(f"  PONAWIAM od początku (próba {attempt + 1} z {retries + 1}) po awarii środowiska: "
                 f"{_what_failed(failure.label)}")
    return failed


def _what_failed(label: str) -> str:
    """An environment failure's label without its leading „Awaria środowiska: ”, where a sentence already says so."""
    return label.removeprefix("Awaria środowiska: ")


class OutcomeBook:
    """The final outcome of each scenario (the last attempt counts), why scenarios were skipped, the
    clean-ups that failed, and the run's exit code."""

    def __init__(self):
        self._outcomes: dict[str, str] = {}
        self._skip_reasons: dict[str, str] = {}
        self.cleanup_failures: list[str] = []
        self.irreversible_run: list[str] = []

    def record(self, scenario: Scenario) -> None:
        key = f"{scenario.location}:{scenario.name}"
        self._outcomes[key] = outcome_of(scenario)
        if self._outcomes[key] == SKIPPED:
            tag = getattr(scenario, "iikp_skip_tag", None)
            self._skip_reasons[key] = summary_reason(tag) if tag in SKIP_REASONS else (
                getattr(scenario, "skip_reason", None) or "pominięte")

    def counts(self) -> Counter:
        return Counter(self._outcomes.values())

    def summary_line(self) -> str:
        """passed, failed (product), broken (suite and environment, apart) and skipped, with the reasons."""
        counts = self.counts()
        environment = {k: v for k, v in counts.items() if k not in (PASSED, PRODUCT, SUITE, SKIPPED, UNFINISHED)}
        env_total = sum(environment.values())
        details = ", ".join(f"{_what_failed(label)}: {n}" for label, n in sorted(environment.items()))
        line = (f"Podsumowanie iIKP: {counts[PASSED]} udanych, {counts[PRODUCT]} nieudanych (błąd produktu), "
                f"{counts[SUITE] + env_total} uszkodzonych ({counts[SUITE]} błędów zestawu, {env_total} awarii "
                f"środowiska{f': {details}' if details else ''}), {counts[SKIPPED]} pominiętych")
        if counts[UNFINISHED]:
            line += f", {counts[UNFINISHED]} przerwanych (przebieg zatrzymany w trakcie)"
        reasons = Counter(self._skip_reasons.values())
        if reasons:
            line += " — pominięte: " + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common())
        if self.cleanup_failures:
            line += f". Sprzątanie kont nie powiodło się po {len(self.cleanup_failures)} scenariuszach: " \
                    + ", ".join(self.cleanup_failures)
        if self.irreversible_run:
            line += f". Uruchomiono {len(self.irreversible_run)} scenariuszy @nieodwracalne na prawdziwym iIKP"
        return line

    def only_environment_failures(self) -> bool:
        counts = self.counts()
        failures = sum(v for k, v in counts.items() if k not in (PASSED, SKIPPED, UNFINISHED))
        return failures > 0 and counts[PRODUCT] == 0 and counts[SUITE] == 0

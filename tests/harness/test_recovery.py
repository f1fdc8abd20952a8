"""The retry policy and the outcome classifier, on stand-in scenarios (no browser)."""

from __future__ import annotations

from dataclasses import dataclass, field

from behave.model import Status

from harness.errors import IkpErrorScreen, PzErrorScreen
from harness.recovery import PASSED, PRODUCT, SUITE, UNFINISHED, OutcomeBook, _run_with_retries, outcome_of


@dataclass
class FakeStep:
    status: Status = Status.passed
    exception: BaseException | None = None


@dataclass
class FakeScenario:
    name: str = "s"
    location: str = "x.feature:1"
    all_steps: list = field(default_factory=list)

    @property
    def status(self):
        return next((s.status for s in self.all_steps if s.status != Status.passed), Status.passed)


def runner_that_fails_with(scenario: FakeScenario, exceptions: list):
    """A scenario.run stand-in: each call ends with the next exception (None = passes)."""
    calls = []

    def run(_runner):
        exception = exceptions[len(calls)]
        calls.append(exception)
        status = Status.passed if exception is None else (
            Status.failed if isinstance(exception, AssertionError) else Status.error)
        scenario.all_steps = [FakeStep(status, exception)]
        return exception is not None

    return run, calls


def test_environment_failure_is_retried_until_it_passes():
    scenario = FakeScenario()
    run, calls = runner_that_fails_with(scenario, [PzErrorScreen("u"), IkpErrorScreen("u"), None])
    failed = _run_with_retries(scenario, run, 2, lambda _: None, runner=None)
    assert not failed
    assert len(calls) == 3


def test_retries_stop_at_the_configured_count():
    scenario = FakeScenario()
    run, calls = runner_that_fails_with(scenario, [PzErrorScreen("u")] * 5)
    assert _run_with_retries(scenario, run, 2, lambda _: None, runner=None)
    assert len(calls) == 3
    assert outcome_of(scenario) == PzErrorScreen.label


def test_product_failure_is_never_retried():
    scenario = FakeScenario()
    run, calls = runner_that_fails_with(scenario, [AssertionError("no"), None])
    assert _run_with_retries(scenario, run, 2, lambda _: None, runner=None)
    assert len(calls) == 1
    assert outcome_of(scenario) == PRODUCT


def test_a_step_stopped_by_a_signal_leaves_its_scenario_unfinished_not_a_suite_error():
    stopped = FakeScenario(all_steps=[FakeStep(), FakeStep(Status.error, KeyboardInterrupt("SIGTERM")),
                                      FakeStep(Status.untested)])
    broken = FakeScenario(all_steps=[FakeStep(Status.error, RuntimeError("bug"))])
    assert (outcome_of(stopped), outcome_of(broken)) == (UNFINISHED, SUITE)


def test_zero_retries_runs_once():
    scenario = FakeScenario()
    run, calls = runner_that_fails_with(scenario, [IkpErrorScreen("u"), None])
    assert _run_with_retries(scenario, run, 0, lambda _: None, runner=None)
    assert len(calls) == 1


def test_outcomes_and_exit_classification():
    book = OutcomeBook()
    passed = FakeScenario(name="a", all_steps=[FakeStep()])
    env = FakeScenario(name="b", all_steps=[FakeStep(Status.error, PzErrorScreen("u"))])
    book.record(passed)
    book.record(env)
    assert book.only_environment_failures()
    assert "1 awarii środowiska: testowy Profil Zaufany: 1)" in book.summary_line()  # said once, not twice
    book.record(FakeScenario(name="c", all_steps=[FakeStep(Status.error, RuntimeError("x"))]))
    assert book.counts()[SUITE] == 1
    assert not book.only_environment_failures()
    assert book.counts()[PASSED] == 1


def test_last_attempt_wins():
    book = OutcomeBook()
    scenario = FakeScenario(all_steps=[FakeStep(Status.error, IkpErrorScreen("u"))])
    book.record(scenario)
    scenario.all_steps = [FakeStep()]
    book.record(scenario)
    assert not book.only_environment_failures()
    assert book.counts()[PASSED] == 1

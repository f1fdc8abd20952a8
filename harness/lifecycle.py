"""Run and scenario lifecycle: what features/environment.py delegates to. It keeps two objects on `context`:
`context.run` (harness.scene.Run) and `context.scene` (harness.scene.Scene), plus `context.page`."""

from __future__ import annotations

import sys

from behave import use_fixture
from behave.model import Scenario, Status

from harness import environment_words, exits, metering, parallel_worker, preflight, recovery, reporting, run_guard
from harness import tags as tag_policy
from harness.arrange import SimulatorFacility, load_facility
from harness.browser import check_setup, console_log
from harness.cleanup import Cleanup
from harness.config import Settings, from_behave
from harness.created import Created
from harness.errors import SuiteError
from harness.fixtures import browsers_fixture, grid_fixture, simulator_fixture
from harness.leases import Leases
from harness.leaving import clean_up, log_out_if_logged_in
from harness.masking import install_log_masking, mask_console_output, mask_files
from harness.personas import PersonaBook, load_accounts, missing_accounts_message, needed_personas
from harness.scene import Run, Scene
from harness.simulator import AdminClient, reach_simulator


# -- run ------------------------------------------------------------------------------------------
def before_all(context) -> None:
    """Validate the configuration and the browser, start or reach the target, load the personas."""
    install_log_masking()
    mask_console_output(context)
    run_guard.install_interrupt_handlers(context)
    try:
        settings = from_behave(context.config)
        environment_words.install(settings)  # the overlay (-D teksty) and [nazwy], checked before any browser
        check_setup(settings)
        if settings.grid == "local":  # the run's own Selenium Grid; its address becomes remote_url
            settings = use_fixture(grid_fixture, context, settings)
        if settings.stats_file:
            metering.enable()
        run = context.run = Run(settings, recovery.OutcomeBook(), use_fixture(browsers_fixture, context, settings),
                                load_facility(settings.facility) if settings.facility else None)
        if settings.uses_simulator:
            _connect_simulator(context, run)
            run.facility = run.facility or SimulatorFacility(run.sim)
        else:
            run.personas = PersonaBook(load_accounts(settings.accounts_path), str(settings.accounts_path))
            run.ikp_url, run.pz_url = settings.base_url, settings.pz_url
            if not _has_needed_personas(context):
                return
            preflight.check(run.ikp_url, run.pz_url, settings.preflight_timeout)
    except SuiteError as error:
        exits.end_now(str(error), error.exit_code)


def _has_needed_personas(context) -> bool:
    """Every persona the selected scenarios name is in the accounts source; otherwise abort with exit 2."""
    run, runner = context.run, context._runner
    needed = needed_personas(runner.features, context.config, runner.step_registry,
                             lambda tags: tag_policy.skip_tag(tags, run.settings, run.facility is not None) is not None)
    message = missing_accounts_message(needed, run.personas)
    if message is not None:
        run_guard.abort_run(context, message)
    return message is None


def _connect_simulator(context, run: Run) -> None:
    settings = run.settings
    if settings.base_url:  # a simulator already running (its token from the environment)
        _, run.ikp_url, run.pz_url, token = reach_simulator(settings)
        preflight.check(run.ikp_url, run.pz_url, settings.preflight_timeout)
    else:  # the run's own, stopped with the run
        process = use_fixture(simulator_fixture, context, settings)
        run.ikp_url, run.pz_url, token = process.ikp_url, process.pz_url, process.token
    run.sim = AdminClient(run.ikp_url, token)
    folder = parallel_worker.run_dir()
    own_copies = parallel_worker.worker_personas(folder) if folder else None
    if own_copies is None:
        run.sim.reset()
    else:  # a parallel worker: the parent reset the simulator once; run-wide changes would hit other workers
        run.sim.shared_changes_allowed = False
    run.sim_snapshot = run.sim.snapshot()
    run.personas = own_copies or PersonaBook.from_simulator(run.sim.patients())
    _has_needed_personas(context)


def after_all(context) -> None:
    mask_files(reporting.junit_dir(context.config))
    run_guard.finish_interrupted_run()
    run: Run | None = getattr(context, "run", None)
    if run is None:
        return
    metering.write(run.settings.stats_file)
    if parallel_worker.run_dir():
        parallel_worker.record_outcomes(parallel_worker.run_dir(), run.outcomes.counts())
    folder = reporting.results_dir(context.config)
    if folder:
        reporting.write_run_files(folder, run.settings, run.ikp_url, run.pz_url, run.browser_version)
    if run_guard.set_up_failed():
        return  # its one line said it all
    # sys.__stderr__: behave captures the hooks' own output, and this line is for the person at the console.
    print(run.outcomes.summary_line(), file=sys.__stderr__)
    if run.outcomes.only_environment_failures():
        print("Kod wyjścia 3: wszystkie niepowodzenia to awarie środowiska (iIKP lub testowy PZ), "
              "nie błędy produktu.", file=sys.__stderr__)
        exits.exit_at_end(exits.EXIT_ENVIRONMENT)


def before_feature(context, feature) -> None:
    recovery.install_retries(feature, context.run.settings.retries)


# -- scenario -------------------------------------------------------------------------------------
def before_scenario(context, scenario: Scenario) -> None:
    metering.scenario_started()
    run = context.run
    settings: Settings = run.settings
    context.scene = Scene(Created(), Cleanup(enabled=settings.cleans_up),
                          Leases(settings.lease_timeout, environment=run.ikp_url))
    context.page = None
    skip = tag_policy.skip_tag(scenario.effective_tags, settings, run.facility is not None)
    if skip:
        scenario.iikp_skip_tag = skip
        scenario.skip(reason=tag_policy.skip_reason(skip))
    elif tag_policy.runs_irreversibly(scenario.effective_tags, settings):
        run.outcomes.irreversible_run.append(scenario.name)
        reporting.attach_text("Scenariusz nieodwracalny", "Ten scenariusz zmienił konto testowe na stałe "
                              "(uruchomiony z -D irreversible=true).")


def before_step(context, step) -> None:
    run_guard.step_started()


def after_step(context, step) -> None:
    run_guard.step_ended()
    if context.scene.browser is not None and context.run.settings.screenshots == "step":
        reporting.attach_png(f"Po kroku: {step.name}", context.scene.browser.get_screenshot_as_png())


def after_scenario(context, scenario: Scenario) -> None:
    """Evidence on failure, clean-up of real accounts, logout (instrukcja CeZ pkt 2.3), the simulator's state
    put back, the accounts freed."""
    run, scene = context.run, context.scene
    try:
        _finish_scenario(context, scenario)
    finally:
        if scene.browser is not None:  # kept for the next scenario only after a pass (BrowserKeeper)
            run.browsers.give_back(scene.browser, scenario.status == Status.passed, [run.ikp_url, run.pz_url])
            scene.browser = None
        scene.leases.release_all()
        metering.scenario_done(scenario)


def _finish_scenario(context, scenario: Scenario) -> None:
    run, scene = context.run, context.scene
    failed = scenario.status in (Status.failed, Status.error)
    if failed and recovery.environment_failure_of(scenario) is not None:
        reporting.attach_environment_failure(recovery.environment_failure_of(scenario))
    if scene.browser is not None and failed:
        _attach_evidence(context)
    elif scene.browser is not None and scenario.status == Status.passed \
            and run.settings.screenshots == "final":  # the end state a reader of the report checks
        with metering.final_screenshot():
            reporting.attach_png("Stan końcowy", scene.browser.get_screenshot_as_png())
    if scene.cleanup.actions:
        failures = clean_up(context)
        if failures:
            reporting.report_cleanup_failure(scenario, failures)
            run.outcomes.cleanup_failures.append(scenario.name)
    if scene.browser is not None:
        log_out_if_logged_in(context)
    if failed and run.sim and scene.used_personas:
        for pesel in scene.used_personas:
            reporting.attach_json("Zdarzenia symulatora", run.sim.events(pesel=pesel, since=scene.events_since))
    if run.sim:
        run.sim.restore(run.sim_snapshot)
    run.outcomes.record(scenario)


def _attach_evidence(context) -> None:
    driver = context.scene.browser
    if context.run.settings.screenshots != "off":
        reporting.attach_png("Zrzut ekranu", driver.get_screenshot_as_png())
    reporting.attach_text("Adres strony", driver.current_url)
    reporting.attach_text("Źródło strony", driver.page_source, reporting.AttachmentType.HTML)
    reporting.attach_json("Konsola przeglądarki", console_log(driver))

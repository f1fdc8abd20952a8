"""Run and scenario lifecycle: what features/environment.py delegates to."""

from __future__ import annotations

import dataclasses
import logging
import os
import sys

from behave import fixture, use_fixture
from behave.model import Scenario, Status

from harness import environment_words, parallel_worker, preflight, recovery, reporting, run_guard
from harness.arrange import SimulatorFacility, load_facility
from harness.browser import BrowserKeeper, check_setup, console_log
from harness.cleanup import Cleanup
from harness.config import Settings, from_behave
from harness.created import Created
from harness.errors import EXIT_USAGE, SuiteError
from harness.leases import Leases
from harness.masking import install_log_masking, mask_console_output, mask_files
from harness.measure import timing
from harness.personas import PersonaBook, load_accounts
from harness.simulator import TOKEN_ENV, AdminClient, SimulatorProcess
from harness.steps_api import fresh_site, site
from pages import flows
from pages.components.header import LoggedInPage

log = logging.getLogger("iikp")

SIMULATOR_TAG = "symulator"  # needs the simulator: faults on demand, the clock, state arranged by its API
FACILITY_TAG = "placowka"  # needs the facility's side (harness.arrange.Facility)
IRREVERSIBLE_TAG = "nieodwracalne"  # changes a real account for good (a POZ declaration counts in the year)


def stop_run(message: str, code: int) -> None:
    """End the whole run now with one line and an exit code.

    behave turns SystemExit raised in a hook into a plain failure (exit 1), so the documented exit
    codes need os._exit; nothing has been started that needs closing when this is called.
    """
    print(message, file=sys.stderr, flush=True)
    sys.stdout.flush()
    os._exit(code)


@fixture(name="iikp.simulator")
def simulator_fixture(context, chaos: str = "", seed: int | None = None):
    """The simulator as its own process for the whole run, in the markup and UI the settings ask for."""
    settings = context.config_iikp
    process = SimulatorProcess(
        chaos=chaos, seed=seed, markup=settings.markup, ui=settings.ui,
        markup_seed=settings.markup_seed if settings.markup_seed >= 0 else None,
        spa_delay_ms=settings.spa_delay_ms if settings.spa_delay_ms >= 0 else None,
        reword=settings.sim_reword, rename=settings.sim_rename, variants=settings.sim_variants).start()
    if settings.markup != "default" or settings.ui != "pages":
        print(f"Symulator: znaczniki {settings.markup}"
              + (f" (ziarno {process.markup_seed})" if process.markup_seed is not None else "")
              + f", interfejs {settings.ui}", file=sys.__stderr__, flush=True)
    yield process
    process.stop()


@fixture(name="iikp.grid")
def grid_fixture(context, settings: Settings):
    """A local Selenium Grid (hub + nodes) for the whole run; yields the settings with its address as remote_url."""
    from harness.grid import LocalGrid  # loaded only by a run with grid=local

    grid = LocalGrid(nodes=settings.grid_nodes or 1).start()
    yield dataclasses.replace(settings, remote_url=grid.url)
    grid.stop()


@fixture(name="iikp.browsers")
def browsers_fixture(context):
    """The run's browser keeper; whatever browser it still holds is quit at the end of the run."""
    keeper = BrowserKeeper(context.config_iikp)
    yield keeper
    keeper.close()


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
        context.config_iikp = settings
        if settings.stats_file:
            timing.enable()
        context.run_stats = {"browser": ""}
        context.sim = None
        context.outcomes = recovery.OutcomeBook()
        context.browsers = use_fixture(browsers_fixture, context)
        context.facility = load_facility(settings.facility) if settings.facility else None
        if settings.uses_simulator:
            _connect_simulator(context, settings)
            context.facility = context.facility or SimulatorFacility(context.sim)
        else:
            context.personas = PersonaBook(load_accounts(settings.accounts_path), str(settings.accounts_path))
            context.ikp_url, context.pz_url = settings.base_url, settings.pz_url
            if not _has_needed_personas(context):
                return
            preflight.check(context.ikp_url, context.pz_url, settings.preflight_timeout)
    except SuiteError as error:
        stop_run(str(error), error.exit_code)


def _has_needed_personas(context) -> bool:
    """Every persona the selected scenarios name is in the accounts source; otherwise abort with exit 2."""
    skip = None if context.config_iikp.uses_simulator else SIMULATOR_TAG
    runner = context._runner
    needed = run_guard.needed_personas(runner.features, context.config, runner.step_registry, skip_tag=skip)
    missing = {name: where for name, where in needed.items() if name not in context.personas.names()}
    if not missing:
        return True
    name, where = next(iter(missing.items()))
    others = f" (i {len(missing) - 1} inne: {', '.join(list(missing)[1:])})" if len(missing) > 1 else ""
    known = ", ".join(context.personas.names())
    run_guard.abort_run(context, f"Brak konta „{name}”{others}, którego potrzebuje scenariusz {where}, w źródle "
                                 f"kont: {context.personas.source}. Dopisz sekcję [{name}] z kluczem pesel "
                                 f"albo nie wybieraj tego scenariusza. Dostępne: {known}.")
    return False


def _connect_simulator(context, settings: Settings) -> None:
    if settings.base_url:
        token = os.environ.get(TOKEN_ENV, "")
        if not token:
            stop_run(f"Błąd konfiguracji '{TOKEN_ENV}': przy base_url symulatora podaj jego token "
                     f"w zmiennej środowiskowej {TOKEN_ENV}.", EXIT_USAGE)
        context.ikp_url = settings.base_url
        context.pz_url = settings.pz_url or preflight.pz_origin_of(settings.base_url)
        preflight.check(context.ikp_url, context.pz_url, settings.preflight_timeout)
        context.sim = AdminClient(settings.base_url, token)
    else:
        process = use_fixture(simulator_fixture, context)
        context.ikp_url, context.pz_url = process.ikp_url, process.pz_url
        context.sim = AdminClient(process.ikp_url, process.token)
    folder = parallel_worker.run_dir()
    own_copies = parallel_worker.worker_personas(folder) if folder else None
    if own_copies is None:
        context.sim.reset()
    else:  # a parallel worker: the parent reset the simulator once; run-wide changes would hit other workers
        context.sim.shared_changes_allowed = False
    context.sim_snapshot = context.sim.snapshot()
    context.personas = own_copies or PersonaBook.from_simulator(context.sim.patients())
    _has_needed_personas(context)


def after_all(context) -> None:
    mask_files(reporting.junit_dir(context.config))
    run_guard.finish_interrupted_run()
    if not hasattr(context, "config_iikp"):
        return
    timing.write(context.config_iikp.stats_file)
    if parallel_worker.run_dir():
        parallel_worker.record_outcomes(parallel_worker.run_dir(), context.outcomes.counts())
    folder = reporting.results_dir(context.config)
    if folder:
        reporting.write_run_files(folder, context.config_iikp, context.ikp_url, context.pz_url,
                                  context.run_stats["browser"])
    if run_guard.set_up_failed():
        return  # its one line said it all
    # sys.__stderr__: behave captures the hooks' own output, and this line is for the person at the console.
    print(context.outcomes.summary_line(), file=sys.__stderr__)
    if context.outcomes.only_environment_failures():
        print("Kod wyjścia 3: wszystkie niepowodzenia to awarie środowiska (iIKP lub testowy PZ), "
              "nie błędy produktu.", file=sys.__stderr__)
        recovery.exit_with_environment_code_at_exit()


def before_feature(context, feature) -> None:
    recovery.install_retries(feature, context.config_iikp.retries)


# -- scenario -------------------------------------------------------------------------------------
def before_scenario(context, scenario: Scenario) -> None:
    timing.scenario_started()
    settings = context.config_iikp
    context.browser = None
    context.patient = None
    context.logged_in = None
    context.page = None
    context.used_personas = set()
    context.events_since = None
    context.created = Created()
    context.cleanup = Cleanup(enabled=settings.cleans_up)
    context.leases = Leases(settings.lease_timeout, environment=context.ikp_url)
    tags = scenario.effective_tags
    skip = None
    if SIMULATOR_TAG in tags and not settings.uses_simulator:
        skip = SIMULATOR_TAG
    elif FACILITY_TAG in tags and context.facility is None:
        skip = FACILITY_TAG
    elif IRREVERSIBLE_TAG in tags and not settings.uses_simulator:
        if not settings.irreversible:
            skip = IRREVERSIBLE_TAG
        else:
            context.outcomes.irreversible_run.append(scenario.name)
            reporting.attach_text("Scenariusz nieodwracalny", "Ten scenariusz zmienił konto testowe na stałe "
                                  "(uruchomiony z -D irreversible=true).")
    if skip:
        scenario.iikp_skip_tag = skip
        scenario.skip(reason=recovery.SKIP_REASONS[skip][0])


def before_step(context, step) -> None:
    run_guard.step_started()


def after_step(context, step) -> None:
    run_guard.step_ended()
    if context.browser is not None and context.config_iikp.screenshots == "step":
        reporting.attach_png(f"Po kroku: {step.name}", context.browser.get_screenshot_as_png())


def after_scenario(context, scenario: Scenario) -> None:
    """Evidence on failure, logout (instrukcja CeZ pkt 2.3), put the simulator's state back, free the accounts."""
    try:
        _finish_scenario(context, scenario)
    finally:
        if context.browser is not None:  # kept for the next scenario only after a pass (BrowserKeeper)
            context.browsers.give_back(context.browser, scenario.status == Status.passed,
                                       [context.ikp_url, context.pz_url])
            context.browser = None
        context.leases.release_all()
        timing.scenario_done(scenario)


def _finish_scenario(context, scenario: Scenario) -> None:
    failed = scenario.status in (Status.failed, Status.error)
    if failed and recovery.environment_failure_of(scenario) is not None:
        reporting.attach_environment_failure(recovery.environment_failure_of(scenario))
    if context.browser is not None and failed:
        _attach_evidence(context)
    elif context.browser is not None and scenario.status == Status.passed \
            and context.config_iikp.screenshots == "final":  # the end state a reader of the report checks
        reporting.attach_png("Stan końcowy", context.browser.get_screenshot_as_png())
    if context.cleanup.actions:
        failures = context.cleanup.run(lambda persona, fresh: _logged_in_page(context, persona, fresh))
        if failures:
            reporting.report_cleanup_failure(scenario, failures)
            context.outcomes.cleanup_failures.append(scenario.name)
    if context.browser is not None:
        _log_out_if_logged_in(context)
    if failed and context.sim and context.used_personas:
        for pesel in context.used_personas:
            reporting.attach_json("Zdarzenia symulatora", context.sim.events(pesel=pesel, since=context.events_since))
    if context.sim:
        context.sim.restore(context.sim_snapshot)
    context.outcomes.record(scenario)


def _logged_in_page(context, persona, fresh: bool = False):
    """A page of the scenario's browser logged in as `persona`, for the clean-up: the browser as it is
    when its header shows that persona (unless `fresh`), else a new private window logged in as that persona."""
    page = context.page
    try:
        if not fresh and isinstance(page, LoggedInPage) and context.browser is not None \
                and persona.name.casefold() in page.header_text().casefold():
            return page
    except Exception as error:  # a browser in doubt: start over in a new private window
        log.info("clean-up starts in a new window: %s", type(error).__name__)
    if context.browser is not None:
        _log_out_if_logged_in(context)
    context.page = flows.log_in(fresh_site(context), persona.pesel)
    context.logged_in = persona
    return context.page


def _attach_evidence(context) -> None:
    driver = context.browser
    if context.config_iikp.screenshots != "off":
        reporting.attach_png("Zrzut ekranu", driver.get_screenshot_as_png())
    reporting.attach_text("Adres strony", driver.current_url)
    reporting.attach_text("Źródło strony", driver.page_source, reporting.AttachmentType.HTML)
    reporting.attach_json("Konsola przeglądarki", console_log(driver))


def _log_out_if_logged_in(context) -> None:
    """Instrukcja CeZ pkt 2.3: leave only with „Wyloguj się”; done for every scenario that is still logged in."""
    menu = LoggedInPage(site(context))
    try:
        if menu.can_log_out():
            menu.logout()
            reporting.attach_text("Wylogowanie po scenariuszu",
                                  "Zestaw wylogował pacjenta przyciskiem „Wyloguj się” (instrukcja CeZ, pkt 2.3).")
    except Exception as error:  # the scenario's own result matters more; say what happened
        reporting.attach_text("Wylogowanie po scenariuszu nie powiodło się", f"{type(error).__name__}: {error}")

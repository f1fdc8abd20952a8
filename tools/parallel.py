"""Run the suite in N parallel behave processes (behavex) against ONE simulator, then @serial scenarios.

    python -m tools.parallel --workers 2 [behave arguments, e.g. --tags=@zgody -D headless=false]

The parent validates the configuration, starts the simulator once (unless `base_url` points at one),
resets it and gives every worker its own copies of the personas (fresh synthetic PESELs), so that no
two workers ever use one patient account. Workers learn all this from environment variables
(IIKP_BASE_URL, IIKP_PZ_URL, IIKP_SIM_TOKEN, IIKP_PARALLEL_DIR). Every worker writes into the one
Allure results folder of behave.ini; behavex's own output goes to reports/behavex/.
Against the real iIKP (`-D target=iikp`) workers share the accounts of accounts.ini and take each
one with an exclusive lease (harness.leases) for the length of a scenario.

Exit code as for plain behave (README, "Kody wyjścia"): 0 all passed, 1 a product or suite
failure (or a crashed worker), 2 bad configuration or usage, 3 only environment failures.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

from stdnum.pl import pesel as stdnum_pesel

from harness.config import PROJECT_ROOT, Settings, load_settings
from harness.errors import EXIT_ENVIRONMENT, EXIT_OK, EXIT_PRODUCT_FAILURE, EXIT_USAGE, SuiteError
from harness.parallel_worker import ACCOUNTS_FILE, OUTCOMES_GLOB, PARALLEL_DIR_ENV
from harness.recovery import PASSED, PRODUCT, SKIPPED, SUITE, UNFINISHED
from tools import children

OUTPUTS = Path("reports") / "behavex"  # relative to the working directory, like behave.ini's folders
SERIAL_TAG = "serial"


# -- the parent ------------------------------------------------------------------------------------
def synthetic_copy_pesel(original: str, rng: random.Random) -> str:
    """A valid PESEL with the persona's birth date and sex but a random serial number."""
    sex_digit = rng.choice(range(int(original[9]) % 2, 10, 2))
    body = f"{original[:6]}{rng.randrange(1000):03d}{sex_digit}"
    return body + stdnum_pesel.calc_check_digit(body)


def make_worker_accounts(sim, workers: int, seed: int | None = None) -> dict[str, dict[str, str]]:
    """Create, for every worker, a copy of every built-in persona under a fresh synthetic PESEL."""
    from harness.simulator import SimulatorError

    rng = random.Random(seed)
    builtins = sim.patients()
    taken = {p["pesel"] for p in builtins}
    accounts: dict[str, dict[str, str]] = {}
    for worker in range(workers):
        accounts[str(worker)] = {}
        for patient in builtins:
            name = f"{patient['first_name']} {patient['last_name']}"
            for _ in range(50):
                pesel = synthetic_copy_pesel(patient["pesel"], rng)
                if pesel in taken:
                    continue
                try:
                    sim.call("POST", "patients", {"pesel": pesel, "first_name": patient["first_name"],
                                                  "last_name": patient["last_name"], "baseline": patient["pesel"]})
                except SimulatorError as error:
                    if "409" in str(error):
                        continue
                    raise
                taken.add(pesel)
                accounts[str(worker)][name] = pesel
                break
    return accounts


def settings_for(behave_args: list[str]) -> Settings:
    """The run's settings exactly as the workers will read them (behave.ini, -D, IIKP_*)."""
    from behave.configuration import Configuration

    config = Configuration(command_args=list(behave_args), load_config=True)
    defines = dict(config.userdata_defines or [])
    ini = {k: v for k, v in config.userdata.items() if k not in defines}
    return load_settings(ini, defines)


def has_serial_scenarios(paths: list[str]) -> bool:
    """Whether any selected feature file has a @serial tag (then a serial phase follows)."""
    files = [Path(p.split(":")[0]) for p in paths if p.split(":")[0].endswith(".feature")]
    files = files or list((PROJECT_ROOT / "features").rglob("*.feature"))
    return any(f"@{SERIAL_TAG}" in path.read_text(encoding="utf-8") for path in files)


def exit_code(behavex_codes: list[int], folder: Path) -> int:
    """0/1/3 from the workers' outcomes; a crashed phase (no outcomes but a failure code) is 1."""
    counts: Counter = Counter()
    for path in folder.glob(OUTCOMES_GLOB):
        counts.update(json.loads(path.read_text(encoding="utf-8")))
    failures = sum(v for k, v in counts.items() if k not in (PASSED, SKIPPED, UNFINISHED))
    environment = failures - counts[PRODUCT] - counts[SUITE]
    print(f"Podsumowanie przebiegu równoległego: {counts[PASSED]} udanych, {counts[SKIPPED]} pominiętych, "
          f"{counts[PRODUCT]} nieudanych (błąd produktu), "
          f"{counts[SUITE] + environment} uszkodzonych ({counts[SUITE]} błędów zestawu, "
          f"{environment} awarii środowiska), "
          f"{counts[UNFINISHED]} przerwanych", file=sys.stderr)
    if counts[PRODUCT] or counts[SUITE]:
        return EXIT_PRODUCT_FAILURE
    if environment:
        return EXIT_ENVIRONMENT
    return EXIT_OK if not any(behavex_codes) else EXIT_PRODUCT_FAILURE


def _parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    parser = argparse.ArgumentParser(
        prog="python -m tools.parallel",
        description="Zestaw iIKP w N równoległych procesach (behavex); pozostałe argumenty idą do behave.")
    parser.add_argument("--workers", type=int, default=2, help="liczba procesów (domyślnie 2)")
    # Per feature by default: one behave run per file, so its scenarios hand the browser on
    # (browser_reuse); per scenario, every scenario pays a behave start and a browser start.
    parser.add_argument("--scheme", choices=("scenario", "feature"), default="feature",
                        help="podział pracy: po pliku funkcji (domyślnie) albo po scenariuszu")
    parser.add_argument("--outputs", type=Path, default=OUTPUTS,
                        help="katalog na wyniki własne behavex (domyślnie reports/behavex)")
    return parser.parse_known_args(argv)


def main(argv: list[str] | None = None) -> int:
    options, behave_args = _parse(sys.argv[1:] if argv is None else argv)
    if options.workers < 1:
        print("tools.parallel: --workers musi być liczbą całkowitą ≥ 1", file=sys.stderr)
        return EXIT_USAGE
    try:
        settings = settings_for(behave_args)
    except SuiteError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    options.outputs.mkdir(parents=True, exist_ok=True)
    # The run folder holds the workers' persona PESELs: a private temporary folder, never reports/.
    run_folder = tempfile.TemporaryDirectory(prefix="iikp-parallel-")
    folder = Path(run_folder.name)
    # behavex points TEMP at its output folder; multiprocessing's socket path there can exceed the
    # AF_UNIX limit (108 bytes), so pin TMPDIR (it wins over TEMP) to the system's temp folder.
    env = {**os.environ, PARALLEL_DIR_ENV: str(folder), "TMPDIR": tempfile.gettempdir()}
    process = grid = None
    try:
        if settings.grid == "local":  # ONE Grid for all workers: they get its address as remote_url
            grid, env, behave_args = _start_grid(settings, options.workers, env, behave_args)
        if settings.uses_simulator:
            process, env = _prepare_simulator(settings, options.workers, folder, env)
        codes = [_run_behavex(options, behave_args, env)]
        if has_serial_scenarios(behave_args):
            codes.append(_run_serial(behave_args, env))
        return exit_code(codes, folder)
    except SuiteError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        code = children.interrupted_exit_code()
        print(f"tools.parallel: przerwano (kod {code}); procesy zestawu dostały SIGTERM i zakończyły się.",
              file=sys.stderr)
        return code
    finally:
        if process is not None:
            process.stop()
        if grid is not None:
            grid.stop()
        run_folder.cleanup()


def without_define(args: list[str], key: str) -> list[str]:
    """The behave arguments without any `-D key=...` (also -Dkey=..., --define key=..., --define=key=...)."""
    out: list[str] = []
    skip = False
    for index, arg in enumerate(args):
        if skip:
            skip = False
            continue
        if arg in ("-D", "--define") and index + 1 < len(args) and args[index + 1].split("=", 1)[0] == key:
            skip = True
            continue
        value = arg[2:] if arg.startswith("-D") else arg[len("--define="):] if arg.startswith("--define=") else None
        if value is not None and value.split("=", 1)[0] == key:
            continue
        out.append(arg)
    return out


def _start_grid(settings: Settings, workers: int, env: dict, behave_args: list[str]):
    """Start the local Selenium Grid (a node per worker unless grid_nodes says otherwise) for the whole run."""
    from harness.grid import LocalGrid

    nodes = settings.grid_nodes or workers
    print(f"Uruchamiam lokalny Selenium Grid (węzły: {nodes}) dla {workers} procesów...", file=sys.stderr)
    grid = LocalGrid(nodes=nodes).start()
    print(f"Selenium Grid: {grid.url}", file=sys.stderr)
    env = {**env, "IIKP_REMOTE_URL": grid.url, "IIKP_GRID": ""}  # workers use this Grid, start none of their own
    return grid, env, without_define(behave_args, "grid")


def _prepare_simulator(settings: Settings, workers: int, folder: Path, env: dict):
    """Start (or reach) the one simulator, reset it and make the workers' persona copies."""
    from harness.simulator import TOKEN_ENV, AdminClient, reach_simulator

    process, ikp_url, pz_url, token = reach_simulator(settings)
    sim = AdminClient(ikp_url, token)
    sim.reset()
    accounts = make_worker_accounts(sim, workers)
    (folder / ACCOUNTS_FILE).write_text(json.dumps(accounts), encoding="utf-8")
    env = {**env, "IIKP_BASE_URL": ikp_url, "IIKP_PZ_URL": pz_url, TOKEN_ENV: token}
    return process, env


def _behavex() -> str:
    local = Path(sys.executable).with_name("behavex")
    return str(local) if local.exists() else "behavex"


def _run_behavex(options, behave_args: list[str], env: dict) -> int:
    cmd = [_behavex(), "--parallel-processes", str(options.workers), "--parallel-scheme", options.scheme,
           "-o", str(options.outputs / "output"), "--tags", f"not @{SERIAL_TAG}", *behave_args]
    return children.run(cmd, group=True, env=env).returncode


def _run_serial(behave_args: list[str], env: dict) -> int:
    """The @serial scenarios, one at a time, in a plain behave after the parallel phase (built-in
    personas; it records its outcomes like a worker)."""
    cmd = [str(Path(sys.executable).with_name("behave")), "--tags", f"@{SERIAL_TAG}", *behave_args]
    print(f"Faza szeregowa: scenariusze @{SERIAL_TAG}", file=sys.stderr)
    return children.run(cmd, env=env).returncode


if __name__ == "__main__":
    children.stop_like_ctrl_c()  # SIGTERM stops like Ctrl+C: workers clean up, then the simulator and the Grid stop
    sys.exit(main())

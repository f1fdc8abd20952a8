"""Run the whole suite N times to find flaky scenarios: `python -m tools.soak --runs 10` (`make soak N=10`).

One simulator is started for all runs (the suite resets it at the start of each run); each run writes
its Allure results into its own temporary folder. Prints one line per run (passed / failed / broken /
retried counts, exit code, duration) and the number of runs with any failure; exits 1 if there was one.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from harness.simulator import TOKEN_ENV, SimulatorProcess
from tools import children
from tools.isolated_run import isolated_ini


@dataclass
class RunResult:
    number: int
    code: int
    seconds: float
    statuses: Counter
    retried: int
    folder: Path

    @property
    def failed(self) -> bool:
        return self.code != 0 or self.statuses["failed"] > 0 or self.statuses["broken"] > 0

    def line(self, total: int) -> str:
        s = self.statuses
        verdict = "BŁĄD" if self.failed else "ok"
        return (f"Przebieg {self.number}/{total}: {verdict}: {s['passed']} udanych, {s['failed']} nieudanych, "
                f"{s['broken']} uszkodzonych, {s['skipped']} pominiętych, {self.retried} ponowień; "
                f"kod wyjścia {self.code}; {self.seconds:.0f} s")


def _read_results(results: Path) -> tuple[Counter, int]:
    """Final status per scenario (last attempt) and how many attempts were retries."""
    attempts: dict[str, list[tuple[int, str]]] = {}
    for path in results.glob("*-result.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        attempts.setdefault(data.get("historyId", path.name), []).append((data.get("stop", 0), data["status"]))
    final = Counter(max(tries)[1] for tries in attempts.values())
    retried = sum(len(tries) - 1 for tries in attempts.values())
    return final, retried


def _absolute(arg: str) -> str:
    """A feature path (file, file:line or folder) relative to the caller's folder, made absolute."""
    path = arg.split(":", 1)[0]
    if not arg.startswith("-") and (path.endswith(".feature") or Path(path).is_dir()) and not Path(path).is_absolute():
        return str(Path.cwd() / arg)
    return arg


def run_once(number: int, simulator: SimulatorProcess, workdir: Path, behave_args: list[str]) -> RunResult:
    folder = workdir / f"run-{number}"
    results = folder / "allure-results"
    folder.mkdir(parents=True)
    isolated_ini(folder, results)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env[TOKEN_ENV] = simulator.token
    command = [sys.executable, "-m", "behave", "-D", f"base_url={simulator.ikp_url}",
               "-D", f"pz_url={simulator.pz_url}", *map(_absolute, behave_args)]
    started = time.monotonic()
    with (folder / "behave.log").open("w", encoding="utf-8") as log:
        code = children.run(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT).returncode
    seconds = time.monotonic() - started
    statuses, retried = _read_results(results)
    return RunResult(number, code, seconds, statuses, retried, folder)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.soak",
                                     description="Uruchamia cały zestaw N razy i liczy przebiegi z błędem.")
    parser.add_argument("--runs", type=int, default=10, help="ile przebiegów (domyślnie 10)")
    parser.add_argument("--keep", action="store_true", help="zachowaj wyniki także przebiegów bez błędu")
    parser.add_argument("behave_args", nargs="*", help="dodatkowe argumenty behave (po --), np. --tags=@zgody")
    args = parser.parse_args(argv)
    if args.runs < 1:
        print("Błąd użycia: --runs musi być liczbą całkowitą od 1 wzwyż, np. make soak N=10.", file=sys.stderr)
        return 2
    workdir = Path(tempfile.mkdtemp(prefix="iikp-soak-"))
    simulator = SimulatorProcess().start()
    runs: list[RunResult] = []
    try:
        for number in range(1, args.runs + 1):
            result = run_once(number, simulator, workdir, args.behave_args)
            runs.append(result)
            print(result.line(args.runs), flush=True)
            if not result.failed and not args.keep:
                shutil.rmtree(result.folder)
    except KeyboardInterrupt:
        print("Przerwano; podsumowanie ukończonych przebiegów:", file=sys.stderr)
    finally:
        simulator.stop()
    failed = [r for r in runs if r.failed]
    times = [r.seconds for r in runs]
    if times:
        print(f"Czas przebiegu: min {min(times):.0f} s, średnio {sum(times) / len(times):.0f} s, "
              f"max {max(times):.0f} s; ponowień po awarii środowiska łącznie: {sum(r.retried for r in runs)}")
    print(f"Soak: {len(failed)} z {len(runs)} przebiegów z błędem.")
    for result in failed:
        print(f"  przebieg {result.number}: wyniki i log w {result.folder}")
    if not failed and not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return 1 if failed or len(runs) < args.runs else 0


if __name__ == "__main__":
    children.stop_like_ctrl_c()  # SIGTERM stops like Ctrl+C: summary, clean-up
    sys.exit(main())

"""Selenium Grid overhead: the same selection serially with local Chromium and through a local Grid (make bench-grid).

    python -m tools.grid_bench [--rounds 1] [--nodes 1] [--output reports/bench-grid.json] [behave selection]

Three serial behave runs of the same scenarios, each with timing on (`stats_file`), its own simulator,
its own account-lease folder and an isolated behave.ini (nothing goes to the project's reports/):

1. `local`: local Chromium as a run has it by default (browser_reuse: a passed scenario's browser is
   cleaned and handed on);
2. `local_fresh`: local Chromium with browser_reuse=false (a brand-new browser per scenario, as a Grid
   gives: the clean-up needs DevTools, which a Remote browser has not);
3. `grid`: through a local Selenium Grid (harness.grid, hub + `--nodes` nodes) via remote_url; the
   Grid's own start is timed apart and is in no run.

Overhead per scenario = mean (and median, pairing scenarios by location) of grid − local scenario wall
time, split into browser start, browser quit and WebDriver commands (with the added latency per
command). With `--rounds N` the three runs repeat N times in turn and the scenarios of all rounds are
pooled (load on a shared machine drifts; alternating spreads it). Writes reports/bench-grid.json and a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

from harness.config import PROJECT_ROOT
from harness.errors import EXIT_USAGE, SuiteError
from harness.grid import LocalGrid
from tools import children
from tools.bench import rounded, selection_of
from tools.isolated_run import isolated_ini

KINDS = ("local", "local_fresh", "grid")
LABELS = {"local": "lokalny Chromium (browser_reuse)", "local_fresh": "lokalny Chromium, nowy na scenariusz",
          "grid": "przez lokalny Selenium Grid"}
BUCKETS = ("browser_start_s", "browser_quit_s", "webdriver_s")


def _env(leases: Path) -> dict:
    return {**{k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}, "IIKP_LEASE_DIR": str(leases)}


def run_once(folder: Path, name: str, selection: list[str], extra: list[str]) -> dict:
    """One serial behave run with timing; its wall time, exit code and per-scenario records (skipped left out)."""
    cwd = isolated_ini(folder / name, folder / name / "allure-results")
    stats = folder / f"{name}.jsonl"
    started = time.perf_counter()
    done = children.run([sys.executable, "-m", "behave", "-D", f"stats_file={stats}", *extra, *selection],
                        capture=True, cwd=cwd, env=_env(folder / f"leases-{name}"))
    wall = time.perf_counter() - started
    lines = [json.loads(line) for line in stats.read_text(encoding="utf-8").splitlines() if line.strip()] \
        if stats.is_file() else []
    scenarios = [s for line in lines for s in line["scenarios"] if s["status"] != "skipped"]
    if done.returncode != 0:
        print(f"  {name}: kod wyjścia {done.returncode}; koniec wyjścia: {done.stdout[-600:]}{done.stderr[-600:]}",
              file=sys.stderr)
    return {"wall_s": wall, "exit_code": done.returncode, "scenarios": scenarios}


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def figures(runs: list[dict]) -> dict:
    """One kind's figures over its rounds: times, per-scenario means, browser starts, WebDriver latency."""
    scenarios = [s for run in runs for s in run["scenarios"]]
    walls = [s["wall_s"] for s in scenarios]
    calls = sum(s.get("webdriver_calls", 0) for s in scenarios)
    webdriver = sum(s.get("webdriver_s", 0.0) for s in scenarios)
    starts = sum(s.get("browser_starts", 0) for s in scenarios)
    return {
        "runs": len(runs), "run_wall_s": [r["wall_s"] for r in runs], "exit_codes": [r["exit_code"] for r in runs],
        "scenarios": len(scenarios), "passed": sum(s["status"] == "passed" for s in scenarios),
        "scenario_wall_sum_s": sum(walls), "scenario_mean_s": _mean(walls),
        "scenario_median_s": statistics.median(walls) if walls else 0.0,
        "browser_starts": int(starts),
        "browser_start_mean_s": sum(s.get("browser_start_s", 0.0) for s in scenarios) / starts if starts else 0.0,
        **{f"{bucket[:-2]}_per_scenario_s": _mean([s.get(bucket, 0.0) for s in scenarios]) for bucket in BUCKETS},
        "webdriver_calls": int(calls), "webdriver_ms_per_call": 1000 * webdriver / calls if calls else 0.0,
    }


def overhead(grid: list[dict], local: list[dict]) -> dict:
    """Grid minus local: per scenario (mean of the differences of the means, median of paired differences)."""
    g = [s for run in grid for s in run["scenarios"]]
    lo = [s for run in local for s in run["scenarios"]]
    by_location: dict[str, list[float]] = {}
    for s in lo:
        by_location.setdefault(s["location"], []).append(s["wall_s"])
    paired = [s["wall_s"] - _mean(by_location[s["location"]]) for s in g if s["location"] in by_location]
    fg, fl = figures(grid), figures(local)
    return {
        "per_scenario_mean_s": fg["scenario_mean_s"] - fl["scenario_mean_s"],
        "per_scenario_median_paired_s": statistics.median(paired) if paired else 0.0,
        "pairs": len(paired),
        "relative": fg["scenario_mean_s"] / fl["scenario_mean_s"] - 1 if fl["scenario_mean_s"] else 0.0,
        **{f"{bucket[:-2]}_per_scenario_s": fg[f"{bucket[:-2]}_per_scenario_s"] - fl[f"{bucket[:-2]}_per_scenario_s"]
           for bucket in BUCKETS},
        "webdriver_ms_per_call": fg["webdriver_ms_per_call"] - fl["webdriver_ms_per_call"],
    }


def print_table(result: dict) -> None:
    rows = [("", *(LABELS[k] for k in KINDS))]
    f = result["runs"]

    def row(name: str, fmt) -> None:
        rows.append((name, *(fmt(f[k]) for k in KINDS)))

    row("scenariusze (zaliczone)", lambda x: f"{x['scenarios']} ({x['passed']})")
    row("czas przebiegu", lambda x: " + ".join(f"{w:.1f} s" for w in x["run_wall_s"]))
    row("scenariusz: średnio / mediana", lambda x: f"{x['scenario_mean_s']:.2f} s / {x['scenario_median_s']:.2f} s")
    row("start przeglądarki: razy, średnio", lambda x: f"{x['browser_starts']}×, {x['browser_start_mean_s']:.2f} s")
    row("na scenariusz: start / zamknięcie", lambda x: f"{x['browser_start_per_scenario_s']:.2f} s / "
                                                      f"{x['browser_quit_per_scenario_s']:.2f} s")
    row("na scenariusz: polecenia WebDriver", lambda x: f"{x['webdriver_per_scenario_s']:.2f} s "
                                                        f"({x['webdriver_ms_per_call']:.1f} ms/polecenie)")
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)))
    print(f"  start Grida (hub + {result['grid']['nodes']} węzłów): {result['grid']['start_s']:.1f} s")
    for key, against in (("vs_local", "lokalnego Chromium (browser_reuse)"),
                         ("vs_local_fresh", "lokalnego Chromium, nowego na scenariusz")):
        o = result["overhead"][key]
        print(f"  narzut Grida względem {against}: {o['per_scenario_mean_s']:+.2f} s na scenariusz "
              f"({o['relative']:+.0%}; mediana par {o['per_scenario_median_paired_s']:+.2f} s): start przeglądarki "
              f"{o['browser_start_per_scenario_s']:+.2f} s, zamknięcie {o['browser_quit_per_scenario_s']:+.2f} s, "
              f"WebDriver {o['webdriver_per_scenario_s']:+.2f} s ({o['webdriver_ms_per_call']:+.1f} ms/polecenie)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.grid_bench", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1, help="ile razy powtórzyć trzy przebiegi (domyślnie 1)")
    parser.add_argument("--nodes", type=int, default=1, help="węzły lokalnego Grida (domyślnie 1)")
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "reports" / "bench-grid.json")
    options, behave_args = parser.parse_known_args(argv)
    if options.rounds < 1 or not 1 <= options.nodes <= 16:
        print("tools.grid_bench: --rounds musi być ≥ 1, a --nodes od 1 do 16.", file=sys.stderr)
        return EXIT_USAGE
    selection = selection_of(behave_args)
    runs: dict[str, list[dict]] = {k: [] for k in KINDS}
    print(f"Uruchamiam lokalny Selenium Grid (węzły: {options.nodes})...", flush=True)
    started = time.perf_counter()
    try:
        grid = LocalGrid(nodes=options.nodes).start()
    except SuiteError as error:
        print(error, file=sys.stderr)
        return error.exit_code
    grid_start = time.perf_counter() - started
    extra = {"local": [], "local_fresh": ["-D", "browser_reuse=false"], "grid": ["-D", f"remote_url={grid.url}"]}
    try:
        with tempfile.TemporaryDirectory(prefix="iikp-bench-grid-") as tmp:
            for number in range(1, options.rounds + 1):
                for kind in KINDS:
                    print(f"Runda {number}/{options.rounds}: {LABELS[kind]}...", flush=True)
                    runs[kind].append(run_once(Path(tmp), f"{kind}-{number}", selection, extra[kind]))
    finally:
        grid.stop()
    load = os.getloadavg()
    result = rounded({
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average_1_5_15": [round(x, 2) for x in load]},
        "selection": behave_args or ["features"],
        "grid": {"nodes": options.nodes, "start_s": grid_start, "url_was": grid.url},
        "runs": {k: figures(v) for k, v in runs.items()},
        "overhead": {"vs_local": overhead(runs["grid"], runs["local"]),
                     "vs_local_fresh": overhead(runs["grid"], runs["local_fresh"])},
        "meaning": {
            "scenario wall": "before_scenario to the end of after_scenario (harness.measure.timing), skipped left out",
            "overhead.per_scenario_mean_s": "mean scenario wall through the Grid minus the local one",
            "overhead.per_scenario_median_paired_s": "median over Grid scenarios of (its wall minus the mean wall "
                                                     "of the same scenario location locally)",
            "browser_start": "new session: the Grid queues the request, the node starts chromedriver and Chromium",
        },
    })
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(result)
    print(f"Wyniki: {options.output}")
    return 0 if all(code == 0 for k in KINDS for code in result["runs"][k]["exit_codes"]) else 1


if __name__ == "__main__":
    children.stop_like_ctrl_c()  # SIGTERM stops like Ctrl+C: the running behave cleans up, the Grid stops
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("tools.grid_bench: przerwano; pomiar nie zapisał wyników.", file=sys.stderr)
        sys.exit(children.interrupted_exit_code())

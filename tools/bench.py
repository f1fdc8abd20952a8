"""Benchmark: how fast the suite is and where its time goes (make bench).

    python -m tools.bench [--workers 2] [--output reports/bench.json] [behave selection, e.g. --tags=@zgody]

1. the selected scenarios serially (plain behave) with timing on (`stats_file`, harness.measure.timing): each
   scenario's wall time from before_scenario to the end of after_scenario (and its browser's quit),
   cut into disjoint buckets: browser start, browser quit, WebDriver commands (of which inside explicit
   waits), the explicit waits' own polling, admin API calls, the recording's own queries, and the
   harness outside all of these; plus the run's time outside the scenarios. The buckets add up to the
   wall time of the run. The run also records its page flow (harness.measure.flow_record).
2. the floor (tools.floor): that recording replayed by a bare Selenium script (no behave, no
   harness, no page objects): its own simulator and chromedriver, the same actions in the same order
   (browser starts and quits included), each waiting for the page the run acted on, each element
   re-found by its recipe with a 10 ms poll, and checked: every recorded action performed and each
   scenario's final URL reached. Each scenario starts from a known state, so a scenario it cannot
   replay costs only itself: it is named and counted (`floor.unreplayed`), and left out of the ratio
   on both sides. The brand-new browsers the floor starts in place of one a failed scenario left
   behind are counted apart (`floor.fallback_starts`), outside every scenario's time.
3. the same selection with N workers (tools.parallel).
4. the same selection serially with a final-state screenshot of every passed scenario (`-D screenshots=final`):
   what that setting costs per scenario, timed around the screenshot itself against the rest of the
   scenario (`screenshot_cost`).

`suite_to_floor_ratio` = the serial scenarios' wall time (minus the recording's own queries) / the
floor's wall time of the same scenarios; `ratio.suite_median_s` and `ratio.floor_median_s` are the
median scenario of each over the same scenarios. The set-up outside scenarios (behave start,
simulator start, before_all) is in neither.

Exit code 1 when a run failed, or when the floor replayed fewer than 95% of the scenarios (they are
named): the ratio would then speak for too few of them.

The floor's simulator serves the screens as the runs' do (the markup and UI of the settings, `-D ui=spa`
included; a random markup gets one seed for all three). Each run gets its own simulator, its own
account-lease folder and an isolated behave.ini (Allure
results into a temporary folder), so the project's reports/ are left alone. The recording (it holds
the test PESELs typed into the PZ form) lives only in the temporary folder. Writes reports/bench.json
and prints a table.
"""

from __future__ import annotations

import argparse
import configparser
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness.config import PROJECT_ROOT, load_settings
from harness.measure import timing
from tools import children
from tools.isolated_run import isolated_ini


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}


def selection_of(args: list[str]) -> list[str]:
    """Feature paths made absolute (the runs start in a temporary folder); other arguments as given."""
    out = []
    for arg in args:
        path = arg.split(":")[0]
        out.append(str(PROJECT_ROOT / arg) if path.endswith(".feature") and not Path(path).is_absolute() else arg)
    if not any(a.split(":")[0].endswith(".feature") for a in out):
        out.append(str(PROJECT_ROOT / "features"))
    return out


MIN_REPLAYED_SHARE = 0.95


def _defines(args: list[str]) -> dict[str, str]:
    """The -D key=value settings among behave's arguments (-D k=v, -Dk=v, --define k=v, --define=k=v)."""
    found: dict[str, str] = {}
    for index, arg in enumerate(args):
        value = None
        if arg in ("-D", "--define") and index + 1 < len(args):
            value = args[index + 1]
        elif arg.startswith("--define="):
            value = arg[len("--define="):]
        elif arg.startswith("-D") and len(arg) > 2:
            value = arg[2:]
        if value and "=" in value:
            key, _, text = value.partition("=")
            found[key.strip()] = text
    return found


def simulator_options(behave_args: list[str]) -> tuple[dict, list[str]]:
    """How the runs' simulators serve their screens (markup, UI), for the floor's own simulator to serve them
    alike; and the -D arguments to add so that a random markup gets one seed in every run (its seed is
    drawn here when not given)."""
    parser = configparser.ConfigParser()
    parser.read(PROJECT_ROOT / "behave.ini", encoding="utf-8")
    ini = dict(parser["behave.userdata"]) if parser.has_section("behave.userdata") else {}
    settings = load_settings(ini, _defines(behave_args), _env())
    options = {"markup": settings.markup, "ui": settings.ui,
               "markup_seed": settings.markup_seed if settings.markup_seed >= 0 else None,
               "spa_delay_ms": settings.spa_delay_ms if settings.spa_delay_ms >= 0 else None}
    extra: list[str] = []
    if settings.markup != "default" and options["markup_seed"] is None:
        options["markup_seed"] = random.randrange(2**31)
        extra = ["-D", f"markup_seed={options['markup_seed']}"]
    return options, extra


def _read_stats(path: Path) -> dict:
    """The run's figures; several lines (parallel workers) are added up; none if the run wrote none."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    return {"scenarios": [s for line in lines for s in line["scenarios"]],
            "lines": len(lines)}


def run_serial(folder: Path, selection: list[str], name: str = "serial",
               defines: tuple[str, ...] = ()) -> tuple[float, dict, int]:
    """The selection serially with timing on; `defines` (e.g. screenshots=final) set for this run only."""
    cwd = isolated_ini(folder / name, folder / name / "allure-results")
    stats = folder / f"{name}.jsonl"
    # Its own account leases: the run has its own simulator, so the machine-wide lease folder would only
    # make it wait for other runs of the suite on this machine (measured: up to 20 s per scenario).
    env = {**_env(), "IIKP_LEASE_DIR": str(folder / f"leases-{name}")}
    started = time.perf_counter()
    done = children.run([sys.executable, "-m", "behave", "-D", f"stats_file={stats}",
                         *[arg for define in defines for arg in ("-D", define)], *selection],
                        capture=True, cwd=cwd, env=env)
    return time.perf_counter() - started, _read_stats(stats), _checked_code(done, stats)


def run_parallel(folder: Path, selection: list[str], workers: int) -> tuple[float, dict, int]:
    cwd = isolated_ini(folder / "parallel", folder / "parallel" / "allure-results")
    stats = folder / "parallel.jsonl"
    env = {**_env(), "IIKP_LEASE_DIR": str(folder / "leases-parallel")}
    started = time.perf_counter()
    done = children.run([sys.executable, "-m", "tools.parallel", "--workers", str(workers),
                         "--outputs", str(folder / "bhx"), "-D", f"stats_file={stats}", *selection],
                        capture=True, cwd=cwd, env=env)
    return time.perf_counter() - started, _read_stats(stats), _checked_code(done, stats)


def _checked_code(done: subprocess.CompletedProcess, stats: Path) -> int:
    """The run's exit code; a run that wrote no figures at all is a failure, with the end of its output."""
    if stats.is_file():
        return done.returncode
    tail = (done.stdout[-1500:] + done.stderr[-1500:]).strip()
    print(f"  Przebieg nie zapisał pomiarów (kod wyjścia {done.returncode}). Koniec jego wyjścia:\n{tail}",
          flush=True)
    return done.returncode or 1


def run_floor(folder: Path, simulator: dict | None = None) -> dict:
    """Replay the serial run's recorded page flows with a bare Selenium script (tools.floor), against a
    simulator that serves the screens as the serial run's did (`simulator`: SimulatorProcess options)."""
    from tools import floor

    return floor.replay_file(timing.flows_path(folder / "serial.jsonl"), simulator=simulator)


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _sum(records: list[dict], key: str) -> float:
    return sum(r[key] for r in records)


def _comparable(scenario: dict) -> bool:
    """False for a scenario whose wall time holds the run's set-up (lifecycle without scenario_started)."""
    return scenario["wall_from"] != "run_start"


def serial_figures(wall: float, scenarios: list[dict], exit_code: int) -> dict:
    """The serial run's time, cut into disjoint buckets that add up to its wall time."""
    walls = [s["wall_s"] for s in scenarios if s["status"] != "skipped" and _comparable(s)]
    in_scenarios = _sum(scenarios, "wall_s")
    sums = {key: _sum(scenarios, key) for key in timing.COUNTERS + ("wait_polling_s", "harness_outside_s")}
    breakdown = {
        "browser_start": sums["browser_start_s"], "browser_quit": sums["browser_quit_s"],
        "webdriver": sums["webdriver_s"], "wait_polling": sums["wait_polling_s"], "admin_api": sums["admin_s"],
        "recording": sums["recording_s"], "harness_outside": sums["harness_outside_s"],
        "outside_scenarios": wall - in_scenarios,
    }
    return {
        "wall_s": wall, "exit_code": exit_code,
        "scenario_wall_from": "before_scenario" if all(s["wall_from"] == "before_scenario" for s in scenarios)
        else "previous_scenario_end",
        "scenario_wall_sum_s": in_scenarios,
        "scenario_median_s": statistics.median(walls) if walls else 0.0,
        "scenario_p95_s": _percentile(walls, 0.95),
        "browser_start_s": sums["browser_start_s"], "browser_starts": int(sums["browser_starts"]),
        "browser_quit_s": sums["browser_quit_s"], "browser_quits": int(sums["browser_quits"]),
        "webdriver_s": sums["webdriver_s"], "webdriver_calls": int(sums["webdriver_calls"]),
        "webdriver_in_waits_s": sums["webdriver_in_waits_s"],
        "webdriver_in_waits_calls": int(sums["webdriver_in_waits_calls"]),
        "explicit_wait_s": sums["wait_s"], "explicit_waits": int(sums["waits"]),
        "wait_polling_s": sums["wait_polling_s"],
        "admin_api_s": sums["admin_s"], "admin_api_calls": int(sums["admin_calls"]),
        "recording_s": sums["recording_s"], "recording_calls": int(sums["recording_calls"]),
        "harness_outside_s": sums["harness_outside_s"],
        "outside_scenarios_s": wall - in_scenarios,
        "breakdown_s": breakdown,
    }


SERIAL_MEANING = {
    "scenario_wall_from": "before_scenario: each scenario from the first line of before_scenario; "
                          "previous_scenario_end: lifecycle does not call timing.scenario_started() yet, so each "
                          "scenario starts where the previous ended, and the first one at the start of before_all "
                          "(it holds the run's set-up, so it is left out of the median, p95 and the ratio)",
    "scenario_wall_sum_s": "sum of the scenarios' wall times: before_scenario to the end of after_scenario, plus the "
                           "browser quit of behave's fixture clean-up right after it",
    "webdriver_s": "all WebDriver commands except those inside browser start and quit",
    "explicit_wait_s": "wall time of the explicit waits (overlaps webdriver_in_waits_s)",
    "wait_polling_s": "explicit waits minus the WebDriver commands and admin calls inside them",
    "recording_s": "the recording's own current-URL query at the end of each scenario (measurement cost)",
    "harness_outside_s": "scenario wall time outside browser start/quit, WebDriver, wait polling, admin API "
                         "and recording",
    "breakdown_s": "disjoint parts of wall_s; they add up to it",
}
FLOOR_MEANING = ("the serial run's recorded actions replayed by a bare Selenium script: browser starts (new "
                 "session with the recorded capabilities against one chromedriver kept for the whole replay) "
                 "and quits, navigations, clicks, typing, windows, DevTools commands, window-opening scripts "
                 "and admin API calls that change state; before an action, a wait for the page the run acted "
                 "on (url_checks); each element re-found by its recipe every 10 ms until it is in the document "
                 "and displayed, and again if the page replaced it; a URL check at the end of each scenario. "
                 "Without queries, assertions, page objects, behave, and the set-up outside scenarios. After a "
                 "scenario it could not replay, untimed: that scenario's remaining admin calls and every browser "
                 "quit; a later scenario that carries on in a browser then gets a brand-new one "
                 "(fallback_starts, fallback_start_s: in no scenario's time)")


def _ratio(serial: list[dict], floor: dict) -> dict:
    """The serial scenarios' time (without the recording's own queries) / the floor's, over the scenarios
    the floor replayed."""
    replays = floor.get("per_scenario", [])
    if len(replays) != len(serial):  # cannot pair them: compare nothing rather than the wrong ones
        return {"suite_s": 0.0, "floor_s": 0.0, "scenarios": 0, "value": 0.0, "suite_median_s": 0.0,
                "floor_median_s": 0.0}
    pairs = [(s, r) for s, r in zip(serial, replays, strict=True)
             if r["replayed"] and _comparable(s) and s["status"] != "skipped"]
    suite = [s["wall_s"] - s["recording_s"] for s, _ in pairs]
    replayed = [r["wall_s"] for _, r in pairs]
    return {"suite_s": sum(suite), "floor_s": sum(replayed), "scenarios": len(pairs),
            "value": sum(suite) / sum(replayed) if sum(replayed) else 0.0,
            "suite_median_s": statistics.median(suite) if suite else 0.0,
            "floor_median_s": statistics.median(replayed) if replayed else 0.0}


def floor_shortfall(floor: dict) -> list[str]:
    """The names of the scenarios the floor did not replay, when they are more than 5% of all (else [])."""
    total = floor.get("scenarios", 0)
    missed = [item["name"] for item in floor.get("unreplayed_scenarios", [])]
    if total and (total - len(missed)) / total >= MIN_REPLAYED_SHARE:
        return []
    return missed or ["(nagranie nie zawiera żadnego scenariusza)"]


def _per_scenario(serial: list[dict], floor: dict) -> list[dict]:
    """Each serial scenario's wall time and main buckets, and its floor time (None if not replayed)."""
    replays = floor.get("per_scenario", [])
    rows = []
    for index, s in enumerate(serial):
        replay = replays[index] if len(replays) == len(serial) else None
        rows.append({"name": s["name"], "status": s["status"], "wall_s": s["wall_s"],
                     "browser_start_s": s["browser_start_s"], "webdriver_s": s["webdriver_s"],
                     "webdriver_calls": s["webdriver_calls"], "explicit_wait_s": s["wait_s"],
                     "admin_api_s": s["admin_s"], "harness_outside_s": s["harness_outside_s"],
                     "floor_s": replay["wall_s"] if replay and replay["replayed"] else None})
    return rows


def rounded(value):
    """`value` with every float in it rounded to milliseconds (for the JSON written)."""
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def screenshot_cost(with_shots: list[dict], exit_code: int) -> dict:
    """What a final-state screenshot of every scenario costs, measured where it is taken: the time of the
    screenshot and its attachment (`final_screenshot_s`) against the rest of the same scenarios' wall time
    (the recording's queries left out). Two whole runs compared instead differ by ±10 % from run to run on
    this machine, more than the screenshot costs."""
    taken = [s for s in with_shots if s["status"] != "skipped" and s.get("final_screenshots")]
    shots_s = sum(s["final_screenshot_s"] for s in taken)
    rest_s = sum(s["wall_s"] - s.get("recording_s", 0.0) - s["final_screenshot_s"] for s in taken)
    count = len(taken)
    return {"setting": "screenshots=final", "exit_code": exit_code, "scenarios": count,
            "screenshots_s": shots_s, "without_s": rest_s,
            "per_scenario_s": shots_s / count if count else 0.0,
            "share": shots_s / rest_s if rest_s else 0.0}


def summarise(serial_wall, serial, parallel_wall, parallel, floor, workers, codes, shots=None) -> dict:
    ran = len([s for s in serial["scenarios"] if s["status"] != "skipped"])
    load = os.getloadavg()
    ratio = _ratio(serial["scenarios"], floor)
    return rounded({
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average_1_5_15": [round(x, 2) for x in load]},
        "scenarios_run": ran,
        "serial": serial_figures(serial_wall, serial["scenarios"], codes[0]),
        "serial_meaning": SERIAL_MEANING,
        "parallel": {"workers": workers, "wall_s": parallel_wall, "exit_code": codes[1],
                     "scenarios_run": len([s for s in parallel["scenarios"] if s["status"] != "skipped"]),
                     "speedup": serial_wall / parallel_wall if parallel_wall else 0.0},
        "floor": {**{k: v for k, v in floor.items() if k != "per_scenario"}, "includes": FLOOR_MEANING},
        "per_scenario": _per_scenario(serial["scenarios"], floor),
        "suite_to_floor_ratio": ratio["value"],
        "ratio": {"suite_scenarios_s": ratio["suite_s"], "floor_scenarios_s": ratio["floor_s"],
                  "scenarios": ratio["scenarios"], "suite_median_s": ratio["suite_median_s"],
                  "floor_median_s": ratio["floor_median_s"],
                  "floor_replayed_share": floor.get("scenarios_replayed", 0) / floor["scenarios"]
                  if floor.get("scenarios") else 0.0,
                  "definition": "suite_scenarios_s / floor_scenarios_s over the scenarios the floor replayed: the "
                                "serial scenarios' wall time minus the recording's own queries, against the floor's "
                                "wall time of the same scenarios; browser starts and quits are in both, the set-up "
                                "outside scenarios in neither"},
        **({"screenshot_cost": shots} if shots is not None else {}),
    })


def print_table(result: dict) -> None:
    s, p, f = result["serial"], result["parallel"], result["floor"]
    b, r = s["breakdown_s"], result["ratio"]
    rows = [
        ("scenariusze", f"{result['scenarios_run']}"),
        ("czas całkowity (szeregowo)", f"{s['wall_s']:.1f} s"),
        (f"czas całkowity ({p['workers']} procesy)", f"{p['wall_s']:.1f} s  (przyspieszenie ×{p['speedup']:.2f})"),
        ("scenariusze: suma / mediana / p95",
         f"{s['scenario_wall_sum_s']:.1f} s / {s['scenario_median_s']:.2f} s / {s['scenario_p95_s']:.2f} s"),
        ("  start przeglądarek", f"{b['browser_start']:.1f} s ({s['browser_starts']}×)"),
        ("  zamykanie przeglądarek", f"{b['browser_quit']:.1f} s ({s['browser_quits']}×)"),
        ("  polecenia WebDriver", f"{b['webdriver']:.1f} s ({s['webdriver_calls']} poleceń; w jawnych oczekiwaniach "
                                  f"{s['webdriver_in_waits_s']:.1f} s, {s['webdriver_in_waits_calls']} poleceń)"),
        ("  jawne oczekiwania poza poleceniami", f"{b['wait_polling']:.1f} s (oczekiwania łącznie "
                                                 f"{s['explicit_wait_s']:.1f} s, {s['explicit_waits']}×)"),
        ("  API symulatora", f"{b['admin_api']:.1f} s ({s['admin_api_calls']} wywołań)"),
        ("  pomiar (nagrywanie przebiegu)", f"{b['recording']:.1f} s ({s['recording_calls']} zapytań)"),
        ("  zestaw poza powyższymi", f"{b['harness_outside']:.1f} s"),
        ("poza scenariuszami (start, symulator)", f"{b['outside_scenarios']:.1f} s"),
        ("podłoga (odtworzenie samym Selenium)",
         f"{f['wall_s']:.1f} s (odtworzone {f['scenarios_replayed']}/{f['scenarios']} scenariuszy, "
         f"{f['actions_replayed']}/{f['actions_recorded']} akcji, start przeglądarek {f['browser_start_s']:.1f} s)"),
        ("  nowe przeglądarki po nieudanym scenariuszu", f"{f['fallback_starts']}× ({f['fallback_start_s']:.1f} s, "
                                                         "poza czasem scenariuszy)"),
        ("zestaw / podłoga", f"{result['suite_to_floor_ratio']:.2f} ({r['suite_scenarios_s']:.1f} s / "
                             f"{r['floor_scenarios_s']:.1f} s, {r['scenarios']} scenariuszy)"),
        ("mediana scenariusza: zestaw / podłoga", f"{r['suite_median_s']:.2f} s / {r['floor_median_s']:.2f} s "
                                                  "(te same scenariusze, bez kosztu nagrania)"),
        *([("zrzut ekranu na końcu każdego scenariusza",
            f"{result['screenshot_cost']['per_scenario_s'] * 1000:+.0f} ms na scenariusz "
            f"({result['screenshot_cost']['share']:+.1%} czasu scenariuszy, "
            f"{result['screenshot_cost']['scenarios']} scenariuszy, -D screenshots=final)")]
          if "screenshot_cost" in result else []),
        ("obciążenie maszyny (1/5/15 min)", " / ".join(str(x) for x in result["machine"]["load_average_1_5_15"])),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    if s["scenario_wall_from"] != "before_scenario":
        print("  Uwaga: lifecycle nie wywołuje jeszcze timing.scenario_started(); scenariusz liczy się od końca "
              "poprzedniego (pierwszy od początku before_all).")
    if f["unreplayed"]:
        print(f"  Podłoga NIE odtworzyła {f['unreplayed']} scenariuszy (pominięte w stosunku po obu stronach):")
        for item in f["unreplayed_scenarios"]:
            print(f"    - {item['name']}: {item['reason']}")
    missed = floor_shortfall(f)
    if missed:
        share = r["floor_replayed_share"]
        print(f"BŁĄD: podłoga odtworzyła {f['scenarios_replayed']} z {f['scenarios']} scenariuszy ({share:.0%}), "
              f"mniej niż {MIN_REPLAYED_SHARE:.0%}, więc stosunek zestaw / podłoga nie mówi o całym zestawie. "
              f"Nieodtworzone: {'; '.join(missed)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "reports" / "bench.json")
    parser.add_argument("--grid", action="store_true",
                        help="także przez lokalny Selenium Grid: narzut Grida na scenariusz (tools.grid_bench, "
                             "reports/bench-grid.json)")
    options, behave_args = parser.parse_known_args(argv)
    simulator, extra = simulator_options(behave_args)
    selection = [*extra, *selection_of(behave_args)]
    with tempfile.TemporaryDirectory(prefix="iikp-bench-") as tmp:
        folder = Path(tmp)
        print(f"Pomiar 1/4: szeregowo ({' '.join(behave_args) or 'cały zestaw'}), z nagraniem przebiegu...", flush=True)
        serial_wall, serial, serial_code = run_serial(folder, selection)
        print("Pomiar 2/4: podłoga, nagrane scenariusze odtworzone samym Selenium...", flush=True)
        floor = run_floor(folder, simulator)
        print(f"Pomiar 3/4: {options.workers} procesy...", flush=True)
        parallel_wall, parallel, parallel_code = run_parallel(folder, selection, options.workers)
        print("Pomiar 4/4: szeregowo ze zrzutem ekranu na końcu każdego scenariusza (screenshots=final)...",
              flush=True)
        _, with_shots, shots_code = run_serial(folder, selection, "serial-shots", ("screenshots=final",))
    shots = screenshot_cost(with_shots["scenarios"], shots_code)
    result = summarise(serial_wall, serial, parallel_wall, parallel, floor, options.workers,
                       (serial_code, parallel_code), shots)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(result)
    print(f"Wyniki: {options.output}")
    code = 0 if serial_code == parallel_code == shots_code == 0 and not floor_shortfall(result["floor"]) else 1
    if options.grid:
        from tools import grid_bench

        print("Pomiar przez lokalny Selenium Grid (lokalny Chromium a Grid, narzut na scenariusz)...", flush=True)
        code = max(code, grid_bench.main(behave_args))
    return code


if __name__ == "__main__":
    children.stop_like_ctrl_c()  # SIGTERM stops like Ctrl+C: the running behave cleans up, the floor's simulator stops
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("tools.bench: przerwano; pomiar nie zapisał wyników.", file=sys.stderr)
        sys.exit(children.interrupted_exit_code())

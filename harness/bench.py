"""Benchmark: how fast the suite is and where its time goes (make bench).

    python -m harness.bench [--workers 2] [--output reports/bench.json] [behave selection, e.g. --tags=@zgody]

1. the selected scenarios serially (plain behave) with timing on (`stats_file`),
2. the same with N workers (harness.parallel),
3. the floor: the same number of browser sessions driven by a bare Selenium script (no behave, no
   harness): a fresh private Chromium, login through the test PZ, the account page, „Wyloguj się”,
   quit; the page flow nearly every scenario has at its core.

Each run gets its own simulator and an isolated behave.ini (Allure results into a temporary folder),
so the project's reports/ are left alone. Writes reports/bench.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness.config import PROJECT_ROOT
from harness.isolated_run import isolated_ini


def _env() -> dict:
    return {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}


def _selection(args: list[str]) -> list[str]:
    """Feature paths made absolute (the runs start in a temporary folder); other arguments as given."""
    out = []
    for arg in args:
        path = arg.split(":")[0]
        out.append(str(PROJECT_ROOT / arg) if path.endswith(".feature") and not Path(path).is_absolute() else arg)
    if not any(a.split(":")[0].endswith(".feature") for a in out):
        out.append(str(PROJECT_ROOT / "features"))
    return out


def _read_stats(path: Path) -> dict:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    total = {key: sum(line[key] for line in lines)
             for key in ("webdriver_s", "webdriver_calls", "wait_s", "waits", "browser_start_s", "browser_starts")}
    total["scenarios"] = [s for line in lines for s in line["scenarios"]]
    return total


def run_serial(folder: Path, selection: list[str]) -> tuple[float, dict, int]:
    cwd = isolated_ini(folder / "serial", folder / "serial" / "allure-results")
    stats = folder / "serial.jsonl"
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "behave", "-D", f"stats_file={stats}", *selection],
                          cwd=cwd, env=_env(), capture_output=True, text=True)
    return time.perf_counter() - started, _read_stats(stats), done.returncode


def run_parallel(folder: Path, selection: list[str], workers: int) -> tuple[float, dict, int]:
    cwd = isolated_ini(folder / "parallel", folder / "parallel" / "allure-results")
    stats = folder / "parallel.jsonl"
    env = {**_env(), "IIKP_LEASE_DIR": str(folder / "leases")}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "harness.parallel", "--workers", str(workers),
                           "--outputs", str(folder / "bhx"), "-D", f"stats_file={stats}", *selection],
                          cwd=cwd, env=env, capture_output=True, text=True)
    return time.perf_counter() - started, _read_stats(stats), done.returncode


def run_floor(sessions: int) -> dict:
    """`sessions` times: bare Chromium + chromedriver, login via PZ, account, logout, quit."""
    from selenium import webdriver
    from selenium.webdriver.common.by import By

    from harness.browser import CHROMEDRIVER, CHROMIUM_BINARY, CHROMIUM_FLAGS
    from harness.simulator import AdminClient, SimulatorProcess

    process = SimulatorProcess().start()
    try:
        pesel = next(p["pesel"] for p in AdminClient(process.ikp_url, process.token).patients()
                     if p["last_name"] == "Nowak")
        options = webdriver.ChromeOptions()
        for flag in (*CHROMIUM_FLAGS, "--headless=new"):
            options.add_argument(flag)
        options.binary_location = CHROMIUM_BINARY
        service = webdriver.ChromeService(executable_path=CHROMEDRIVER)

        def until(driver, predicate):
            deadline = time.monotonic() + 10
            while not predicate(driver):
                if time.monotonic() > deadline:
                    raise TimeoutError(driver.current_url)
                time.sleep(0.02)

        started = time.perf_counter()
        browser_s = 0.0
        for _ in range(sessions):
            t0 = time.perf_counter()
            driver = webdriver.Chrome(service=service, options=options)
            browser_s += time.perf_counter() - t0
            try:
                driver.get(process.ikp_url + "/ikp/zaloguj")
                driver.find_element(By.ID, "pesel").send_keys(pesel)
                driver.find_element(By.XPATH, "//button[normalize-space()='Dalej']").click()
                until(driver, lambda d: d.current_url.endswith("/ikp/konto"))
                driver.find_element(By.XPATH, "//button[normalize-space()='Wyloguj się']").click()
                until(driver, lambda d: "/ikp/wylogowano" in d.current_url)
            finally:
                driver.quit()
        return {"wall_s": time.perf_counter() - started, "sessions": sessions, "browser_start_s": browser_s}
    finally:
        process.stop()


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summarise(serial_wall, serial, parallel_wall, parallel, floor, workers, codes) -> dict:
    durations = [s["duration_s"] for s in serial["scenarios"]]
    in_scenarios = sum(durations)
    ran = len([s for s in serial["scenarios"] if s["status"] != "skipped"])
    load = os.getloadavg()
    return {
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
                    "load_average_1_5_15": [round(x, 2) for x in load]},
        "scenarios_run": ran,
        "serial": {
            "wall_s": round(serial_wall, 2), "exit_code": codes[0],
            "scenario_median_s": round(statistics.median(durations), 3) if durations else 0.0,
            "scenario_p95_s": round(_percentile(durations, 0.95), 3),
            "in_scenarios_s": round(in_scenarios, 2),
            "browser_start_s": round(serial["browser_start_s"], 2), "browser_starts": serial["browser_starts"],
            "webdriver_s": round(serial["webdriver_s"], 2), "webdriver_calls": serial["webdriver_calls"],
            "explicit_wait_s": round(serial["wait_s"], 2), "explicit_waits": serial["waits"],
            "harness_outside_webdriver_s": round(in_scenarios - serial["webdriver_s"] - serial["browser_start_s"], 2),
            "outside_scenarios_s": round(serial_wall - in_scenarios, 2),
        },
        "parallel": {"workers": workers, "wall_s": round(parallel_wall, 2), "exit_code": codes[1],
                     "scenarios_run": len([s for s in parallel["scenarios"] if s["status"] != "skipped"]),
                     "speedup": round(serial_wall / parallel_wall, 2) if parallel_wall else 0.0},
        "floor": {k: round(v, 2) if isinstance(v, float) else v for k, v in floor.items()},
        "suite_to_floor_ratio": round(serial_wall / floor["wall_s"], 2) if floor["wall_s"] else 0.0,
    }


def print_table(result: dict) -> None:
    s, p = result["serial"], result["parallel"]
    rows = [
        ("scenariusze", f"{result['scenarios_run']}"),
        ("czas całkowity (szeregowo)", f"{s['wall_s']:.1f} s"),
        (f"czas całkowity ({p['workers']} procesy)", f"{p['wall_s']:.1f} s  (przyspieszenie ×{p['speedup']:.2f})"),
        ("mediana / p95 scenariusza", f"{s['scenario_median_s']:.2f} s / {s['scenario_p95_s']:.2f} s"),
        ("start przeglądarek (suma)", f"{s['browser_start_s']:.1f} s ({s['browser_starts']}×)"),
        ("w poleceniach WebDriver", f"{s['webdriver_s']:.1f} s ({s['webdriver_calls']} poleceń)"),
        ("w zestawie poza WebDriver", f"{s['harness_outside_webdriver_s']:.1f} s"),
        ("w jawnych oczekiwaniach", f"{s['explicit_wait_s']:.1f} s ({s['explicit_waits']}×)"),
        ("poza scenariuszami (start, symulator)", f"{s['outside_scenarios_s']:.1f} s"),
        ("podłoga (sam Selenium)", f"{result['floor']['wall_s']:.1f} s ({result['floor']['sessions']} sesji)"),
        ("zestaw / podłoga", f"{result['suite_to_floor_ratio']:.2f}"),
        ("obciążenie maszyny (1/5/15 min)", " / ".join(str(x) for x in result["machine"]["load_average_1_5_15"])),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m harness.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=PROJECT_ROOT / "reports" / "bench.json")
    options, behave_args = parser.parse_known_args(argv)
    selection = _selection(behave_args)
    with tempfile.TemporaryDirectory(prefix="iikp-bench-") as tmp:
        folder = Path(tmp)
        print(f"Pomiar 1/3: szeregowo ({' '.join(behave_args) or 'cały zestaw'})...", flush=True)
        serial_wall, serial, serial_code = run_serial(folder, selection)
        print(f"Pomiar 2/3: {options.workers} procesy...", flush=True)
        parallel_wall, parallel, parallel_code = run_parallel(folder, selection, options.workers)
    sessions = max(1, serial["browser_starts"])
    print(f"Pomiar 3/3: podłoga, {sessions} sesji samego Selenium...", flush=True)
    floor = run_floor(sessions)
    result = summarise(serial_wall, serial, parallel_wall, parallel, floor, options.workers,
                       (serial_code, parallel_code))
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(result)
    print(f"Wyniki: {options.output}")
    return 0 if serial_code == 0 and parallel_code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

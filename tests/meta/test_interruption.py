"""SIGTERM or SIGINT in the middle of a run: it stops within seconds, keeps its results, logs out, leaks no browser.

behave runs the whole suite in its own process group against the test's simulator. Once one scenario
has finished and a patient is logged in, the test sends the signal to the behave process only (a
CI runner's SIGTERM). The browser drivers live in sessions of their own (harness.child_process), so a
Ctrl+C at a terminal, which reaches the whole foreground group, leaves them to the run's clean-up too.

The same for a parallel run (tools.parallel with two behavex workers): SIGTERM to the tool only, which
passes it to its workers (tools.children), lets them log out and quit their browsers, then stops.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import requests

from harness.simulator import TOKEN_ENV
from tests.meta.conftest import BEHAVE, PROJECT_ROOT, allure_results, isolated_ini
from tests.meta.test_harness_meta import build_report

pytestmark = pytest.mark.meta

STOP_WITHIN_S = 20  # generous: the machine is shared and loaded
START_WITHIN_S = 420


def _processes() -> dict[int, tuple[int, int, str]]:
    """pid -> (ppid, process group, command) of every process."""
    table = subprocess.run(["ps", "-eo", "pid=,ppid=,pgid=,stat=,args="], capture_output=True, text=True,
                           check=True).stdout
    processes = {}
    for line in table.splitlines():
        pid, ppid, pgid, stat, *args = line.split(None, 4)
        if not stat.startswith("Z"):  # a zombie is already dead
            processes[int(pid)] = (int(ppid), int(pgid), args[0] if args else "")
    return processes


def _descendants(root: int) -> dict[int, str]:
    """pid -> command of every live process below `root` or in its process group."""
    table = _processes()
    found = {pid: cmd for pid, (_, pgid, cmd) in table.items() if pgid == root and pid != root}
    frontier = [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, _, cmd) in table.items():
            if ppid == parent and pid not in found:
                found[pid] = cmd
                frontier.append(pid)
    return found


def _browsers(processes: dict[int, str]) -> dict[int, str]:
    return {pid: cmd for pid, cmd in processes.items() if "chrom" in cmd}


def _logged_in(admin: requests.Session, ikp: str) -> list[str]:
    pesels = [p["pesel"] for p in admin.get(f"{ikp}/__sim__/patients", timeout=10).json()]
    return [p for p in pesels if admin.get(f"{ikp}/__sim__/patients/{p}", timeout=10).json()["session_active"]]


def _until_a_patient_is_logged_in(process: subprocess.Popen, results, admin,
                                  ikp: str) -> tuple[dict[int, str], list[str]]:
    """Wait (bounded) for a finished scenario and a patient logged in by a later one; the processes seen
    below `process` meanwhile, and the PESELs logged in."""
    seen: dict[int, str] = {}
    deadline = time.monotonic() + START_WITHIN_S
    logged_in: list[str] = []
    while time.monotonic() < deadline and process.poll() is None:
        seen.update(_descendants(process.pid))
        if list(results.glob("*-result.json")):
            logged_in = _logged_in(admin, ikp)
            if logged_in:
                break
        time.sleep(0.3)
    assert process.poll() is None, "the run ended before it could be interrupted"
    assert logged_in, f"no scenario finished and logged in within {START_WITHIN_S} s"
    seen.update(_descendants(process.pid))
    return seen, logged_in


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_interrupted_run_stops_cleanly(tmp_path, simulator, signum):
    results = tmp_path / "allure-results"
    cwd = isolated_ini(tmp_path / "run", results)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env[TOKEN_ENV] = simulator.token
    log = (tmp_path / "behave.log").open("w", encoding="utf-8")
    behave = subprocess.Popen(
        [*BEHAVE, "-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}",
         str(PROJECT_ROOT / "features")],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    admin = requests.Session()
    admin.headers["X-Sim-Token"] = simulator.token
    try:
        seen, logged_in = _until_a_patient_is_logged_in(behave, results, admin, simulator.ikp_url)
        seen_browsers = _browsers(seen)
        finished_before = {p.name for p in results.glob("*-result.json")}

        sent = time.monotonic()
        behave.send_signal(signum)
        code = behave.wait(timeout=STOP_WITHIN_S + 30)
        took = time.monotonic() - sent
    finally:
        if behave.poll() is None:
            os.killpg(behave.pid, signal.SIGKILL)
            behave.wait()
        log.close()
    output = (tmp_path / "behave.log").read_text(encoding="utf-8")
    print(f"{signal.Signals(signum).name}: stopped in {took:.1f} s, exit code {code}")

    assert took < STOP_WITHIN_S, output
    assert code == 128 + signum, output
    assert "Traceback" not in output
    assert "Przebieg przerwany sygnałem" in output

    # Results of the finished scenarios are intact and every result file is valid JSON.
    assert finished_before <= {p.name for p in results.glob("*-result.json")}
    outcomes = allure_results(results)
    assert any(o["status"] == "passed" for o in outcomes)
    for extra in results.glob("*-container.json"):
        json.loads(extra.read_text(encoding="utf-8"))
    build_report(results, tmp_path / "report", single_file=False)

    # The account in use was logged out with „Wyloguj się” and nobody is left logged in.
    assert _logged_in(admin, simulator.ikp_url) == []
    for pesel in logged_in:
        kinds = [e["kind"] for e in admin.get(f"{simulator.ikp_url}/__sim__/events", params={"pesel": pesel},
                                               timeout=10).json()]
        assert kinds[-1] == "logout", kinds[-5:]

    # No browser or driver of this run is left: nothing in its process group, none of the seen PIDs alive.
    assert seen_browsers, "the test never saw the run's chromedriver"
    leftovers = _descendants(behave.pid)
    alive = _processes()
    still = {pid: cmd for pid, cmd in seen_browsers.items() if pid in alive and alive[pid][2] == cmd}
    assert not leftovers and not still, (leftovers, still)



def test_an_interrupted_parallel_run_lets_its_workers_log_out(tmp_path, simulator):
    results = tmp_path / "allure-results"
    cwd = isolated_ini(tmp_path / "run", results)
    env = {k: v for k, v in os.environ.items() if not k.startswith("IIKP_")}
    env.update({TOKEN_ENV: simulator.token, "IIKP_LEASE_DIR": str(tmp_path / "leases")})
    log = (tmp_path / "parallel.log").open("w", encoding="utf-8")
    tool = subprocess.Popen(
        [sys.executable, "-m", "tools.parallel", "--workers", "2", "--outputs", str(tmp_path / "bhx"),
         "-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", str(PROJECT_ROOT / "features")],
        cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    admin = requests.Session()
    admin.headers["X-Sim-Token"] = simulator.token
    try:
        seen, _ = _until_a_patient_is_logged_in(tool, results, admin, simulator.ikp_url)
        sent = time.monotonic()
        tool.send_signal(signal.SIGTERM)  # to the tool only
        code = tool.wait(timeout=STOP_WITHIN_S + 60)
        took = time.monotonic() - sent
    finally:
        if tool.poll() is None:
            os.killpg(tool.pid, signal.SIGKILL)
            tool.wait()
        log.close()
    output = (tmp_path / "parallel.log").read_text(encoding="utf-8")
    print(f"tools.parallel, SIGTERM: stopped in {took:.1f} s, exit code {code}")
    alive = _processes()
    left = {pid: cmd for pid, cmd in seen.items() if pid in alive and alive[pid][2] == cmd}
    for pid in left:  # leave the machine clean even when a check below fails
        os.kill(pid, signal.SIGKILL)

    assert took < STOP_WITHIN_S, output[-3000:]
    assert code == 128 + signal.SIGTERM, output[-3000:]
    assert "Przerywam przebieg (SIGTERM)" in output  # a worker got the signal and cleaned up
    assert _logged_in(admin, simulator.ikp_url) == [], output[-3000:]
    assert _browsers(seen), "the test never saw a worker's chromedriver"
    assert not left, left

"""Meta-tests of instrukcja CeZ pkt 3 handling: preflight, environment-failure exit code, retries, chaos."""

from __future__ import annotations

import time

import pytest

from harness.simulator import SimulatorProcess
from tests.meta.conftest import allure_results, run_suite

pytestmark = pytest.mark.meta

ENVIRONMENT_MESSAGES = ("Awaria środowiska: testowy Profil Zaufany", "Awaria środowiska: iIKP")
# The simulator's synthetic personas, as a user's accounts file would list them for the real iIKP.
ALL_PERSONAS = "".join(f"[{name}]\npesel = {pesel}\n" for name, pesel in (
    ("Jan Nowak", "80011512354"), ("Anna Kowalska", "02270803624"),
    ("Stanisław Wójcik", "44051401458"), ("Maria Zielińska", "00222999906")))


def _closed_port_url() -> str:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


@pytest.mark.parametrize("target_args", [
    ("-D", "target=symulator"),
    ("-D", "target=iikp", "-D", "accounts=accounts.example.ini"),
])
def test_preflight_stops_at_once_when_nothing_answers(tmp_path, target_args):
    if "target=iikp" in target_args:
        (tmp_path / "run").mkdir(parents=True)
        (tmp_path / "run" / "accounts.example.ini").write_text(ALL_PERSONAS)
        target_args = (*target_args[:-1], f"accounts={tmp_path / 'run' / 'accounts.example.ini'}")
    started = time.monotonic()
    run, results = run_suite(tmp_path, None, *target_args, "-D", f"base_url={_closed_port_url()}",
                             "-D", f"pz_url={_closed_port_url()}", timeout=60, env={"IIKP_SIM_TOKEN": "any"})
    elapsed = time.monotonic() - started
    assert run.returncode == 3, run.stdout + run.stderr
    assert elapsed < 15
    assert "Środowisko niedostępne" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr


def test_environment_that_stays_down_is_broken_not_failed_and_exits_3(tmp_path):
    """Every login hits the PZ error screen: each attempt is retried, then reported as environment."""
    simulator = SimulatorProcess(chaos="pz_error=1.0", seed=1).start()
    try:
        run, results = run_suite(tmp_path, simulator, "-D", "retries=1", "features/logowanie.feature:9",
                                 timeout=300)
    finally:
        simulator.stop()
    assert run.returncode == 3, run.stdout + run.stderr
    attempts = [r for r in allure_results(results) if r["status"] != "skipped"]  # others: not selected
    assert len(attempts) == 2  # the first try and one retry, each its own Allure result
    assert {a["status"] for a in attempts} == {"broken"}
    assert all("Awaria środowiska: testowy Profil Zaufany" in a["statusDetails"]["message"] for a in attempts)
    assert len({a["historyId"] for a in attempts}) == 1  # shown as retries of one test
    assert "1 awarii środowiska" in run.stderr
    assert "PONAWIAM" in run.stdout


def test_whole_login_area_under_chaos_never_reports_a_product_defect(tmp_path):
    simulator = SimulatorProcess(chaos="pz_error=0.3,ikp_down=0.3", seed=3).start()
    try:
        run, results = run_suite(tmp_path, simulator, "--tags=@logowanie or @wylogowanie", timeout=600)
    finally:
        simulator.stop()
    assert run.returncode in (0, 3), run.stdout + run.stderr
    outcomes = allure_results(results)
    assert outcomes
    for outcome in outcomes:
        assert outcome["status"] in ("passed", "broken"), outcome["name"]
        if outcome["status"] == "broken":
            assert any(m in outcome["statusDetails"]["message"] for m in ENVIRONMENT_MESSAGES), outcome
    assert any(o["status"] == "passed" for o in outcomes)

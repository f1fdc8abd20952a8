"""Meta-tests of instrukcja CeZ pkt 3 handling: preflight, environment-failure exit code, retries, chaos."""

from __future__ import annotations

import time

import pytest

from harness.simulator import AdminClient, SimulatorProcess
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


def _seed_where_only_the_second_login_request_fires(kind: str, ratio: float) -> int:
    """A seed whose draws (the simulator's contract: the same seed, the same sequence) fire the fault on the
    second login request of a run only: the first attempt's PESEL submit, never the retry's requests."""
    import random

    def fires(seed, draw):
        return random.Random(f"{seed}:{kind}:{draw}").random() < ratio

    return next(seed for seed in range(10_000) if [fires(seed, d) for d in range(6)] == [False, True, *[False] * 4])


def test_a_test_pz_that_does_not_answer_the_pesel_once_is_retried_from_step_1_and_the_scenario_passes(tmp_path):
    seed = _seed_where_only_the_second_login_request_fires("pz_timeout", 0.5)
    simulator = SimulatorProcess(chaos="pz_timeout=0.5", seed=seed).start()
    try:
        run, results = run_suite(tmp_path, simulator, "-D", "retries=1", "-D", "timeout=1",
                                 "features/logowanie.feature:9", timeout=300)
        fired = [e for e in AdminClient(simulator.ikp_url, simulator.token).events(kind="fault")]
    finally:
        simulator.stop()
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert [e["detail"]["fault"] for e in fired] == ["pz_timeout"]  # held once: the first attempt's submit
    attempts = sorted((r for r in allure_results(results) if r["status"] != "skipped"), key=lambda r: r["start"])
    assert [a["status"] for a in attempts] == ["broken", "passed"]
    assert attempts[0]["statusDetails"]["message"].startswith(
        "Awaria środowiska: testowy Profil Zaufany nie odpowiada (strona nie wczytała się")
    assert "pages/pz_login.py" in attempts[0]["statusDetails"]["trace"]  # on the PZ page, not on the way to it
    assert "PONAWIAM od początku (próba 2 z 2) po awarii środowiska: testowy Profil Zaufany nie odpowiada" \
           in run.stdout


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


def test_an_ikp_page_that_does_not_load_is_ikp_not_answering_and_a_pz_page_the_test_pz(simulator, sim_admin):
    """The page objects turn the browser's page-load timeout into the environment part that did not answer."""
    from harness.browser import new_browser
    from harness.config import Settings
    from pages.account import AccountPage
    from pages.base import Site
    from pages.errors import IkpNotAnswering, PzNotAnswering
    from pages.pz_login import PzLoginPage

    settings = Settings(timeout=0.5)  # the page-load limit: 1.5 s
    driver = new_browser(settings)
    site = Site(driver, simulator.ikp_url, simulator.pz_url, settings.timeout)
    try:
        sim_admin.add_fault("slow", delay_ms=5000, count=1)  # iIKP holds its next answer 5 s
        with pytest.raises(IkpNotAnswering) as ikp:
            AccountPage(site).open()
        sim_admin.add_fault("pz_timeout", count=1)
        with pytest.raises(PzNotAnswering) as pz:
            PzLoginPage.start_login(site)
    finally:
        driver.quit()
    assert str(ikp.value) == "Awaria środowiska: iIKP nie odpowiada (strona nie wczytała się w wyznaczonym czasie; " \
                              "instrukcja CeZ, pkt 3.2)"
    assert ikp.value.url == f"{simulator.ikp_url}{AccountPage.PATH}" and "1.5 s" in ikp.value.detail
    assert pz.value.url == f"{simulator.ikp_url}{PzLoginPage.LOGIN_ENTRY}"

"""Meta-tests of the harness: behave runs in a subprocess and we read its exit code and Allure JSON."""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from tests.suite.conftest import PROJECT_ROOT, allure_results, behave, isolated_ini, run_suite

pytestmark = pytest.mark.suite

FAILING_FEATURE = """# language: pl
@logowanie
Funkcja: Celowo błędny scenariusz (meta-test)

  Scenariusz: Po zalogowaniu oczekujemy ekranu wylogowania
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Wtedy Jan Nowak widzi potwierdzenie wylogowania
"""


def throwaway_project(tmp_path: Path, feature_text: str, results: Path) -> Path:
    """A copy of the suite's hooks and steps with one feature of the test's own."""
    features = tmp_path / "features"
    shutil.copytree(PROJECT_ROOT / "features" / "steps", features / "steps",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PROJECT_ROOT / "features" / "environment.py", features / "environment.py")
    (features / "meta.feature").write_text(feature_text, encoding="utf-8")
    isolated_ini(tmp_path, results)
    (tmp_path / "behave.ini").write_text((tmp_path / "behave.ini").read_text(encoding="utf-8").replace(
        str(PROJECT_ROOT / "features"), "features"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("args", "env", "key"), [
    (["-D", "browser=nonsense"], {}, "browser"),
    ([], {"IIKP_TIMEOUT": "-1"}, "timeout"),
    (["-D", "colour=blue"], {}, "colour"),
    (["-D", "target=iikp", "-D", "accounts=/nonexistent/accounts.ini"], {}, "accounts.ini"),
])
def test_bad_configuration_stops_with_exit_2_and_one_line(tmp_path, args, env, key):
    run = behave(*args, cwd=isolated_ini(tmp_path, tmp_path / "results"), env=env, timeout=60)
    assert run.returncode == 2, run.stdout + run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert key in lines[0]
    assert "Traceback" not in run.stdout + run.stderr


def test_failing_scenario_is_a_product_defect_with_evidence(tmp_path, simulator):
    results = tmp_path / "results"
    project = throwaway_project(tmp_path / "project", FAILING_FEATURE, results)
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", cwd=project,
                 env={"IIKP_SIM_TOKEN": simulator.token}, timeout=300)
    assert run.returncode == 1, run.stdout + run.stderr

    [result] = allure_results(results)
    assert result["status"] == "failed"
    attachments = {a["name"]: a for a in result.get("attachments", [])}
    screenshot = attachments["Zrzut ekranu"]
    assert screenshot["type"] == "image/png"
    assert (results / screenshot["source"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page_source = (results / attachments["Źródło strony"]["source"]).read_text(encoding="utf-8")
    assert "Moje konto" in page_source
    assert "80011512354" not in page_source  # the persona's PESEL is masked
    assert "Wylogowanie po scenariuszu" in attachments  # seed 2.3: logged out even after a failure
    labels = {(label["name"], label["value"]) for label in result["labels"]}
    assert ("epic", "Logowanie") in labels

    categories = (results / "categories.json").read_text(encoding="utf-8")
    assert "Błąd produktu" in categories


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_login_runs_on_a_remote_webdriver(tmp_path, simulator):
    """chromedriver --port is a real W3C remote end, standing in for a Selenium Grid."""
    port = _free_port()
    driver = subprocess.Popen(["/usr/bin/chromedriver", f"--port={port}"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        run, folder = run_suite(tmp_path, simulator, "-D", f"remote_url=http://127.0.0.1:{port}",
                                "features/logowanie.feature", timeout=300)
    finally:
        driver.terminate()
        driver.wait(timeout=10)
    assert run.returncode == 0, run.stdout + run.stderr
    results = allure_results(folder)
    assert results and all(r["status"] == "passed" for r in results)

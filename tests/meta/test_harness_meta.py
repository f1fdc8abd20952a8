"""Meta-tests of the harness: behave runs in a subprocess and we read its exit code and Allure JSON."""

from __future__ import annotations

import json
import socket
import subprocess
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from harness.browser import new_browser
from harness.config import Settings
from tests.meta.conftest import PROJECT_ROOT, allure_results, behave, isolated_ini, run_suite, throwaway_project

pytestmark = pytest.mark.meta

FAILING_FEATURE = """# language: pl
@logowanie
Funkcja: Celowo błędny scenariusz (meta-test)

  Scenariusz: Po zalogowaniu oczekujemy, że pacjent nie jest zalogowany
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Wtedy Jan Nowak nie jest już zalogowany w iIKP
"""


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
    assert "Strona główna" in page_source
    assert "80011512354" not in page_source  # the persona's PESEL is masked
    assert "Wylogowanie po scenariuszu" in attachments  # instrukcja CeZ pkt 2.3: logged out even after a failure
    labels = {(label["name"], label["value"]) for label in result["labels"]}
    assert ("epic", "Logowanie") in labels

    categories = (results / "categories.json").read_text(encoding="utf-8")
    assert "Błąd produktu" in categories

    report = build_report(results, tmp_path / "report", single_file=False)
    report_data = "".join(p.read_text(encoding="utf-8", errors="replace") for p in report.rglob("*.json"))
    assert "Błąd produktu" in report_data
    assert "Po zalogowaniu oczekujemy, że pacjent nie jest zalogowany" in report_data


def build_report(results: Path, output: Path, single_file: bool) -> Path:
    """Allure Report 3 from `results` into `output`, with the project's categories and Polish UI."""
    config = {
        "name": "meta-test", "output": str(output),
        "categories": json.loads((PROJECT_ROOT / "harness" / "allure_categories.json").read_text(encoding="utf-8")),
        "plugins": {"awesome": {"options": {"reportLanguage": "pl", "singleFile": single_file,
                                            "groupBy": ["epic", "story"]}}},
    }
    config_path = output.parent / f"{output.name}-allurerc.json"
    config_path.write_text(json.dumps(config, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(["npx", "--no-install", "allure", "generate", str(results), "--config", str(config_path)],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stdout + run.stderr
    assert (output / "index.html").is_file()
    return output


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


def test_html_report_lists_scenarios_by_their_polish_names(tmp_path, simulator):
    run, results = run_suite(tmp_path, simulator, "features/logowanie.feature:9", timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    report = build_report(results, tmp_path / "report", single_file=True)

    driver = new_browser(Settings())
    try:
        driver.get(report.joinpath("index.html").as_uri())
        WebDriverWait(driver, 30).until(lambda d: "Logowanie" in d.find_element(By.TAG_NAME, "body").text)
        driver.find_element(By.XPATH, "//*[normalize-space()='Logowanie']").click()
        driver.find_element(By.XPATH, "//*[normalize-space()='Logowanie do iIKP przez testowy Profil Zaufany']").click()
        WebDriverWait(driver, 30).until(
            lambda d: "Pacjent testowy loguje się, zatwierdzając PESEL klawiszem ENTER"
            in d.find_element(By.TAG_NAME, "body").text)
    finally:
        driver.quit()

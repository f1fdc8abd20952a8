"""No PESEL in clear text in anything a run leaves behind: Allure results, JUnit XML, console output.

The invalid examples of the invalid-PESEL outline (wrong check digit, impossible date) are no
personal data and may appear; the scanner reports only valid PESELs and the ones it is told about.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from stdnum.pl import pesel as stdnum_pesel

from harness.simulator import TOKEN_ENV
from tests.meta.conftest import PROJECT_ROOT, allure_results, behave, run_suite
from tests.meta.test_harness_meta import throwaway_project
from tools.privacy_scan import scan_paths, scan_text

pytestmark = pytest.mark.meta

JAN = "80011512354"


def third_party_pesels() -> set[str]:
    """Valid PESELs the step modules use for people who are no personas (consents, outsiders)."""
    found = set()
    for module in (PROJECT_ROOT / "features" / "steps").glob("*.py"):
        found |= set(re.findall(r"(?<!\d)\d{11}(?!\d)", module.read_text(encoding="utf-8")))
    return {p for p in found if stdnum_pesel.is_valid(p)}


# -- the scanner itself ----------------------------------------------------------------------------
def test_scanner_finds_planted_pesels_and_nothing_else(tmp_path):
    (tmp_path / "result.json").write_text('{"name": "Jan", "parameters": [{"value": "80011512354"}]}')
    (tmp_path / "junit.xml").write_text('<system-out>login as 15232045626\n</system-out>')
    (tmp_path / "glued.txt").write_text("id=9980011512354")  # a known PESEL inside a longer number
    (tmp_path / "clean.txt").write_text(
        "masked 800115*****, invalid 87061302072 and 80013212351, uuid 1a2b3c4d-44051401458a-ffee, "
        "ten digits 4405140145, twelve 440514014581")
    (tmp_path / "shot.png").write_bytes(b"\x89PNG 80011512354")  # images are not text
    findings = scan_paths([tmp_path], known=[JAN])
    where = sorted((f.path.name, f.line, f.pesel) for f in findings)
    assert where == [("glued.txt", 1, JAN), ("junit.xml", 1, "15232045626"), ("result.json", 1, JAN)]
    assert "80011512354" not in str(findings[0])  # the report of a leak does not leak it again
    assert scan_text("PESEL 75092301878 w logu") == ["75092301878"]


def test_scanner_command_line_exit_codes(tmp_path):
    command = [sys.executable, "-m", "tools.privacy_scan"]
    (tmp_path / "ok.txt").write_text("800115*****")
    clean = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert clean.returncode == 0 and "brak numerów PESEL" in clean.stdout
    (tmp_path / "leak.txt").write_text("80011512354")
    leak = subprocess.run([*command, str(tmp_path)], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert leak.returncode == 1 and "leak.txt:1: PESEL 800115*****" in leak.stderr
    assert "80011512354" not in leak.stdout + leak.stderr
    missing = subprocess.run([*command, str(tmp_path / "nope")], capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert missing.returncode == 2 and len(missing.stderr.strip().splitlines()) == 1


# -- a failing scenario that spills the PESEL everywhere it can -----------------------------------
LEAKY_STEPS = '''
import logging

import allure
from behave import then

from harness.steps_api import use_persona


@then("zestaw ujawnia PESEL osoby {pacjent:Osoba}")
def step_leak(context, pacjent):
    pesel = use_persona(context, pacjent).pesel
    print(f"stdout: PESEL {pesel}")
    logging.getLogger("iikp.meta").warning("log: PESEL %s", pesel)
    allure.attach(f"attachment: PESEL {pesel}", name=f"Załącznik {pesel}")
    raise AssertionError(f"assertion: PESEL {pesel}")
'''

LEAKY_FEATURE = """# language: pl
@logowanie
Funkcja: Scenariusz, który próbuje ujawnić PESEL (meta-test)

  Scenariusz: Krok wypisuje, loguje, załącza i zgłasza PESEL pacjenta
    Zakładając, że Jan Nowak jest pacjentem testowym iIKP
    Wtedy zestaw ujawnia PESEL osoby Jan Nowak
"""


def test_failing_scenario_masks_pesel_in_console_junit_and_allure(tmp_path, simulator):
    results, junit = tmp_path / "results", tmp_path / "junit"
    project = throwaway_project(tmp_path / "project", LEAKY_FEATURE, results)
    (project / "features" / "steps" / "meta_leak_steps.py").write_text(LEAKY_STEPS, encoding="utf-8")
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}",
                 "-f", "pretty", "--junit", "--junit-directory", str(junit), cwd=project,
                 env={TOKEN_ENV: simulator.token}, timeout=300)
    console = run.stdout + run.stderr
    assert run.returncode == 1, console
    assert scan_paths([results, junit], known=[JAN]) == []
    assert scan_text(console, known=[JAN]) == []
    # The PESEL really went through each channel, masked.
    junit_text = "".join(p.read_text(encoding="utf-8") for p in junit.glob("*.xml"))
    for channel in ("stdout", "log", "assertion"):
        assert f"{channel}: PESEL 800115*****" in junit_text, channel
    assert "assertion: PESEL 800115*****" in console
    [result] = allure_results(results)
    assert "800115*****" in result["statusDetails"]["message"]
    attachments = [a["name"] for step in result["steps"] for a in step.get("attachments", [])]
    assert "Załącznik 800115*****" in attachments, attachments


# -- the whole suite ------------------------------------------------------------------------------
@pytest.mark.slow
def test_full_run_leaves_no_pesel_in_clear_text(tmp_path, simulator, sim_admin):
    """Slow: the whole suite (several minutes on the shared 2-core machine)."""
    known = {p["pesel"] for p in sim_admin.patients()} | third_party_pesels()
    junit = tmp_path / "junit"
    run, results = run_suite(tmp_path, simulator, "--junit", "--junit-directory", str(junit), "-f", "pretty",
                             timeout=1800)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr
    assert list(results.glob("*-result.json")) and list(junit.glob("*.xml"))
    shutil.rmtree(tmp_path / "run", ignore_errors=True)  # only the run's behave.ini: nothing to scan
    findings = scan_paths([tmp_path], known=known)
    assert findings == [], "\n".join(map(str, findings))
    assert scan_text(run.stdout + run.stderr, known=known) == []

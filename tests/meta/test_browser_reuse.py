"""Browser reuse (`browser_reuse`, on by default): a kept browser must be as clean as a new private one.

Two scenarios run in one behave process. The first logs Jan Nowak in, leaves a cookie, localStorage
and sessionStorage on both origins, and ends on a blank tab, so the after-scenario logout does not
happen and its iIKP session is still valid. The second, in the same browser (its session id proves
it), must find no cookie at all, no storage on either origin, no history, and no access to the
account. With `browser_reuse=false` the second scenario gets a different browser and passes too.
"""

from __future__ import annotations

import pytest

from tests.meta.conftest import behave, throwaway_project

pytestmark = pytest.mark.meta

FEATURE = """# language: pl
@logowanie
Funkcja: Izolacja scenariuszy przy ponownym użyciu przeglądarki (meta-test)

  Scenariusz: Pierwszy scenariusz zostawia ślady w przeglądarce
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Kiedy scenariusz zostawia ciasteczka i dane stron w obu domenach
    Wtedy przeglądarka pokazuje pustą kartę

  Scenariusz: Drugi scenariusz nie widzi niczego z pierwszego
    Wtedy przeglądarka nie ma żadnych ciasteczek
    Oraz strony obu domen nie mają danych poprzedniego scenariusza
    Oraz karta nie ma historii poprzedniego scenariusza
    Oraz konto Jana Nowaka nie jest dostępne bez logowania
"""

STEPS = '''
from pathlib import Path

from behave import then, when
from hamcrest import assert_that, empty, equal_to, less_than_or_equal_to, is_not

from harness.steps_api import site

TRACE = ("localStorage.setItem('iikp-trace', '1'); sessionStorage.setItem('iikp-trace', '1');"
         "document.cookie = 'iikp_trace=1; path=/';")
READ = "return [localStorage.getItem('iikp-trace'), sessionStorage.getItem('iikp-trace')];"


def _pages(context):
    return (context.run.ikp_url + "/ikp/", context.run.pz_url + "/pz/ekran_pz")


def _note_session(context):
    with Path("sessions.txt").open("a", encoding="utf-8") as handle:
        handle.write(site(context).driver.session_id + "\\n")


@when("scenariusz zostawia ciasteczka i dane stron w obu domenach")
def leave_traces(context):
    driver = site(context).driver
    _note_session(context)
    for page in _pages(context):
        driver.get(page)
        driver.execute_script(TRACE)
    assert_that(driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"], is_not(empty()))


@then("przeglądarka pokazuje pustą kartę")
def blank_tab(context):
    site(context).driver.get("about:blank")


@then("przeglądarka nie ma żadnych ciasteczek")
def no_cookies(context):
    driver = site(context).driver
    _note_session(context)
    assert_that(driver.execute_cdp_cmd("Network.getAllCookies", {})["cookies"], empty())


@then("strony obu domen nie mają danych poprzedniego scenariusza")
def no_storage(context):
    driver = site(context).driver
    for page in _pages(context):
        driver.get(page)
        assert_that(driver.execute_script(READ), equal_to([None, None]), page)


@then("karta nie ma historii poprzedniego scenariusza")
def no_history(context):
    # the blank start page and the two pages this scenario opened
    assert_that(site(context).driver.execute_script("return history.length"), less_than_or_equal_to(3))


@then("konto Jana Nowaka nie jest dostępne bez logowania")
def no_account(context):
    driver = site(context).driver
    driver.get(context.run.ikp_url + "/ikp/konto")
    assert_that(driver.execute_script("return document.querySelector('h1').textContent.trim()"),
                is_not(equal_to("Moje konto")))
'''


def _run(tmp_path, simulator, *defines: str) -> list[str]:
    project = throwaway_project(tmp_path / "project", FEATURE, tmp_path / "results")
    (project / "features" / "steps" / "isolation_steps.py").write_text(STEPS, encoding="utf-8")
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", *defines,
                 cwd=project, env={"IIKP_SIM_TOKEN": simulator.token}, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert "2 scenarios passed, 0 failed" in run.stdout, run.stdout[-3000:]
    return (project / "sessions.txt").read_text(encoding="utf-8").split()


def test_a_reused_browser_keeps_nothing_of_the_previous_scenario(tmp_path, simulator):
    first, second = _run(tmp_path, simulator)
    assert first == second  # the same browser was handed on, so the checks above tested reuse


def test_without_reuse_every_scenario_gets_its_own_browser(tmp_path, simulator):
    first, second = _run(tmp_path, simulator, "-D", "browser_reuse=false")
    assert first != second

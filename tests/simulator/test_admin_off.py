"""--no-admin: /__sim__/ answers 404 but health, screens work; SimulatorProcess passes the new flags and a kept db."""

import os
import shutil
import subprocess
import sys
import uuid

import pytest
import requests
from bs4 import BeautifulSoup

from harness.simulator import SimulatorProcess
from simulator.__main__ import parse_args
from simulator.app import create_ikp_app, create_pz_app
from simulator.web import Settings
from tests.simulator.conftest import IKP, JAN, PZ, TOKEN, Sim, text

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADMIN_CALLS = (("GET", "/patients"), ("GET", f"/patients/{JAN}"), ("POST", "/reset"), ("GET", "/faults"),
               ("POST", "/faults"), ("GET", "/clock"), ("GET", "/events"), ("PATCH", "/facilities/1"))


@pytest.fixture
def no_admin(baseline_db, db_dir):
    """Both apps without the admin API, on a fresh copy of the baseline database."""
    path = os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3")
    shutil.copyfile(baseline_db, path)
    settings = Settings(path, TOKEN, IKP, PZ, admin=False)
    return Sim(path, create_ikp_app(settings), create_pz_app(settings))


def test_every_admin_call_is_404_with_and_without_a_token(no_admin):
    unknown = no_admin.admin("GET", "/no-such-call")
    assert unknown.status_code == 404
    for method, path in ADMIN_CALLS:
        for token in (TOKEN, None, "wrong"):
            answer = no_admin.admin(method, path, json={}, token=token)
            assert answer.status_code == 404, (method, path, token)
            assert answer.get_json() == unknown.get_json()


def test_health_answers_on_both_origins(no_admin):
    for app in (no_admin.ikp_app, no_admin.pz_app):
        answer = app.test_client().get("/__sim__/health")
        assert answer.status_code == 200 and answer.get_json() == {"status": "ok"}


def test_the_screens_work_without_the_admin_api(no_admin):
    window = no_admin.browser()
    landing = window.login(JAN)
    assert landing.status_code == 200 and window.url.startswith(IKP + "/ikp") and "Wyloguj się" in text(landing)
    for path in ("/ikp/konto", "/ikp/recepty", "/ikp/uprawnienia"):
        page = window.open(IKP + path)
        assert page.status_code == 200 and window.url == IKP + path and "Jan Nowak" in text(page), path
    assert "Wylogowano" in text(window.logout())


def test_the_admin_api_is_on_by_default(sim):
    assert parse_args([]).admin is True and parse_args(["--no-admin"]).admin is False
    assert sim.admin("GET", "/patients").status_code == 200


def _log_in_over_http(ikp_url):
    """The login flow with requests, reading forms with a parser (any markup); the session and the final page."""
    session = requests.Session()
    page = session.get(f"{ikp_url}/ikp/zaloguj", timeout=30)
    form = BeautifulSoup(page.text, "html.parser").find("form")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input", attrs={"name": True})}
    data["pesel"] = JAN
    return session, session.post(page.url.split("?")[0], data=data, timeout=30)


def test_two_processes_share_a_kept_database_and_the_second_has_no_admin_api(tmp_path):
    database = str(tmp_path / "shared.sqlite3")
    first = SimulatorProcess(db_path=database).start()
    try:
        answer = requests.patch(f"{first.ikp_url}/__sim__/patients/{JAN}", headers={"X-Sim-Token": first.token},
                                json={"terms_accepted": False}, timeout=10)
        assert answer.status_code == 200, answer.text
    finally:
        first.stop()
    assert os.path.exists(database)

    second = SimulatorProcess(db_path=database, admin=False, markup="random", ui="spa", spa_delay_ms=0).start()
    try:
        assert second.markup_seed is not None
        headers = {"X-Sim-Token": second.token}
        assert requests.get(f"{second.ikp_url}/__sim__/patients", headers=headers, timeout=10).status_code == 404
        assert requests.get(f"{second.ikp_url}/__sim__/health", timeout=10).status_code == 200
        _session, terms = _log_in_over_http(second.ikp_url)
        assert terms.url == f"{second.ikp_url}/ikp/regulamin", "the first run's change is not in the database"
        assert 'id="content"' not in terms.text and "var DELAY_MS = 0;" in terms.text
    finally:
        second.stop()
    assert os.path.exists(database)


def test_a_default_process_still_removes_its_temporary_database():
    process = SimulatorProcess().start()
    folder = process._tmpdir.name
    assert os.path.isdir(folder)
    process.stop()
    assert not os.path.exists(folder)


def test_a_bad_flag_value_gives_one_line_and_exit_2():
    for args in (["--markup", "fancy"], ["--ui", "spa", "--spa-delay-ms", "soon"], ["--markup-seed", "1"]):
        completed = subprocess.run([sys.executable, "-m", "simulator", *args], cwd=ROOT, capture_output=True,
                                   text=True, timeout=30)
        assert completed.returncode == 2, args
        assert completed.stdout == "" and len(completed.stderr.strip().splitlines()) == 1, completed.stderr

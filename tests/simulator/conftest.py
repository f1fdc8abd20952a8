"""Fixtures for the simulator's tests: both apps on a fresh database, a browser-like client, a real server."""

import os
import re
import shutil
import tempfile
import uuid
from urllib.parse import urlencode, urljoin, urlsplit

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

from pages.dom import page_was_changing
from simulator import baseline, db
from simulator.app import create_ikp_app, create_pz_app
from simulator.web import Settings

IKP = "http://127.0.0.1:8081"
PZ = "http://127.0.0.1:8888"
TOKEN = "test-token"
JAN = "80011512354"
ANNA = "02270803624"
STANISLAW = "44051401458"
MARIA = "00222999906"
OTHER_VALID = "15232045626"
HOME = IKP + "/ikp"  # the home screen „Strona główna”, where a login with accepted terms lands
FIRST_CONTACT = IKP + "/ikp/pierwsze-logowanie/dane-kontaktowe"  # the first login's contact step

_VIEW = re.compile(r'name="view" value="([^"]*)"')


def pytest_configure(config):
    """Register the marker of the tests that drive a real Chromium."""
    config.addinivalue_line("markers", "browser: drives a real headless Chromium")


class Origins:
    """One WSGI entry point for both apps, chosen by port as a browser on 127.0.0.1 would."""

    def __init__(self, ikp_app, pz_app):
        self.ikp_app, self.pz_app = ikp_app, pz_app

    def __call__(self, environ, start_response):
        app = self.pz_app if environ.get("SERVER_PORT") == "8888" else self.ikp_app
        return app(environ, start_response)


class Browser:
    """A cookie-keeping client over both origins that remembers the last view token it saw."""

    def __init__(self, origins):
        self.client = origins_client(origins)
        self.url = IKP + "/"
        self.view = None

    def _absolute(self, url):
        return urljoin(self.url, url)

    def _request(self, method, url, **kwargs):
        """Send to the origin of an absolute URL (the test client needs it as base_url)."""
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        return self.client.open(path, method=method, base_url=f"{parts.scheme}://{parts.netloc}", **kwargs)

    def _seen(self, response, url):
        self.url = url
        match = _VIEW.search(response.get_data(as_text=True))
        if match:
            self.view = match.group(1)
        return response

    def get(self, url, headers=None):
        """One GET, redirects not followed."""
        url = self._absolute(url)
        return self._seen(self._request("GET", url, headers=headers), url)

    def post(self, url, data=None, view=True):
        """One POST of a form, with the last view token unless view is False or a string."""
        data = dict(data or {})
        if view is True and self.view is not None:
            data.setdefault("view", self.view)
        elif isinstance(view, str):
            data["view"] = view
        url = self._absolute(url)
        return self._seen(self._request("POST", url, data=data), url)

    def follow(self, response, limit=10):
        """Follow redirects (across origins) and return the final response."""
        for _ in range(limit):
            if response.status_code not in (301, 302, 303, 307, 308):
                return response
            response = self.get(response.headers["Location"])
        raise AssertionError("too many redirects")

    def open(self, url):
        """GET and follow redirects."""
        return self.follow(self.get(url))

    def submit(self, url, data=None, view=True):
        """POST and follow redirects."""
        return self.follow(self.post(url, data, view))

    def login(self, pesel):
        """The whole login flow: /ikp/zaloguj, the PZ form, back to iIKP; the final response."""
        pz_page = self.open(IKP + "/ikp/zaloguj")
        assert pz_page.status_code == 200, pz_page.status_code
        state = re.search(r'name="state" value="([^"]*)"', pz_page.get_data(as_text=True)).group(1)
        return self.submit(PZ + "/pz/ekran_pz", {"pesel": pesel, "state": state, "return": IKP + "/ikp/sso"})

    def logout(self):
        """„Wyloguj się”."""
        return self.submit(IKP + "/ikp/wyloguj")

    def cookie(self, name):
        """A cookie's value, or None."""
        cookie = self.client.get_cookie(name, domain="127.0.0.1")
        return None if cookie is None else cookie.value


def origins_client(origins):
    """A Werkzeug test client over both apps."""
    from werkzeug.test import Client

    return Client(origins)


def make_apps(db_path):
    """Both apps on this database."""
    sim_settings = Settings(db_path, TOKEN, IKP, PZ)
    return create_ikp_app(sim_settings), create_pz_app(sim_settings)


class Sim:
    """Both apps on one database, with helpers for the admin API and new browsers."""

    def __init__(self, db_path, ikp_app, pz_app):
        self.db_path = db_path
        self.ikp_app, self.pz_app = ikp_app, pz_app
        self.origins = Origins(self.ikp_app, self.pz_app)
        self._admin = self.ikp_app.test_client()

    def browser(self):
        """A fresh private browser window."""
        return Browser(self.origins)

    def admin(self, method, path, json=None, token=TOKEN, **kwargs):
        """Call the admin API; returns the response."""
        headers = {"X-Sim-Token": token} if token is not None else {}
        return self._admin.open("/__sim__" + path, method=method, json=json, headers=headers, **kwargs)

    def ok(self, method, path, json=None, status=200):
        """Call the admin API, assert the status and return the JSON answer."""
        response = self.admin(method, path, json)
        assert response.status_code == status, (response.status_code, response.get_json())
        return response.get_json()

    def patient(self, pesel):
        """The admin snapshot of a patient."""
        return self.ok("GET", f"/patients/{pesel}")

    def events(self, **query):
        """Events, filtered."""
        return self.ok("GET", "/events?" + urlencode(query))


@pytest.fixture(scope="session")
def db_dir():
    """A folder for test databases, in memory (/dev/shm) where there is one: fsync is then free."""
    folder = tempfile.mkdtemp(prefix="iikp-sim-tests-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def baseline_db(db_dir):
    """A baseline database made once; each test gets a copy."""
    path = os.path.join(db_dir, "baseline.sqlite3")
    db.initialise(path, baseline.seed)
    return path


@pytest.fixture(scope="session")
def apps(baseline_db):
    """Both apps, made once (compiled templates are kept); each test points them at its own database."""
    return make_apps(baseline_db)


@pytest.fixture
def sim(apps, baseline_db, db_dir):
    """Both apps on a fresh copy of the baseline database."""
    path = os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3")
    shutil.copyfile(baseline_db, path)
    for app in apps:
        app.config["SIM"] = Settings(path, TOKEN, IKP, PZ)
    return Sim(path, *apps)


@pytest.fixture
def browser(sim):
    """A fresh browser on the simulator."""
    return sim.browser()


@pytest.fixture
def jan(sim):
    """A browser logged in as Jan Nowak."""
    window = sim.browser()
    page = window.login(JAN)
    assert window.url == HOME, page.get_data(as_text=True)
    return window


def http_login(session, ikp_url, pesel):
    """The login flow over real HTTP with a requests.Session; the final response."""
    page = session.get(f"{ikp_url}/ikp/zaloguj", timeout=30)
    state = re.search(r'name="state" value="([^"]*)"', page.text).group(1)
    return session.post(page.url.split("?")[0], data={"pesel": pesel, "state": state}, timeout=30)


def view_of(page_text):
    """The view token of a rendered page."""
    return _VIEW.search(page_text).group(1)


@pytest.fixture
def server(db_dir):
    """A real in-process simulator on free ports, stopped after the test."""
    from simulator.server import SimulatorServer

    instance = SimulatorServer(ikp_port=0, pz_port=0, db_path=os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3"),
                               token=TOKEN)
    instance.start()
    yield instance
    instance.stop()


def hidden_fields(response, action):
    """The hidden fields (but the view token) of the form posting to `action`, as a browser would send them."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(text(response), "html.parser").find("form", action=action)
    assert form is not None, (action, text(response)[:300])
    fields = {}
    for field in form.find_all("input", type="hidden"):
        if field["name"] != "view":
            fields.setdefault(field["name"], []).append(field.get("value", ""))
    return {name: values[0] if len(values) == 1 else values for name, values in fields.items()}


def text(response):
    """The response body as text."""
    return response.get_data(as_text=True)


def alert(response, element_id):
    """The text of the element with this id (a one-line element), or None."""
    match = re.search(rf'id="{re.escape(element_id)}"[^>]*>(.*?)</', text(response), re.S)
    return None if match is None else " ".join(match.group(1).split())


# A real headless Chromium for the tests that need a browser (the suite's own flags, incognito).
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
         "--lang=pl-PL", "--window-size=1366,768", "--incognito"]
TIMEOUT = 20


@pytest.fixture
def chromium():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


class _Wait:
    """WebDriverWait whose conditions look again when the page changed under them (a node of the
    previous document, a document unloading): Chromium reports that as a plain WebDriverException."""

    def __init__(self, driver):
        self._wait = WebDriverWait(driver, TIMEOUT)

    def until(self, condition, message=""):
        def guarded(driver):
            try:
                return condition(driver)
            except WebDriverException as exc:
                if page_was_changing(exc):
                    return False
                raise

        return self._wait.until(guarded, message)


def wait(driver):
    return _Wait(driver)

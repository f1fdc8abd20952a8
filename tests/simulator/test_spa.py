"""--ui spa: the script on iIKP pages only, cross-origin redirects handed over, and in Chromium swaps in place."""

import os
import uuid

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from simulator import spa
from simulator.__main__ import parse_args
from simulator.server import SimulatorServer
from simulator.web import Settings
from tests.simulator.conftest import IKP, JAN, PZ, TOKEN, text, wait

DELAY_MS = 700
MARK = "iikpSpa"
LOGOUT = (By.XPATH, "//button[normalize-space()='Wyloguj się'] | //input[@type='submit' and @value='Wyloguj się']")


@pytest.fixture
def spa_sim(sim):
    """The test apps in single-page mode."""
    for app in (sim.ikp_app, sim.pz_app):
        settings = app.config["SIM"]
        settings.ui, settings.spa_delay_ms = "spa", DELAY_MS
    return sim


def test_the_script_is_on_every_iikp_page_and_never_on_pz_pages(spa_sim):
    window = spa_sim.browser()
    pz_page = window.open(IKP + "/ikp/zaloguj")
    assert window.url.startswith(PZ) and MARK not in text(pz_page)
    landing = window.login(JAN)
    assert window.url.startswith(IKP + "/ikp")
    for page in (landing, window.open(IKP + "/ikp/konto"), window.open(IKP + "/ikp/recepty"),
                 window.open(IKP + "/ikp/nie-ma-takiej"), window.logout()):
        body = text(page)
        assert body.count(MARK) >= 1 and f"var DELAY_MS = {DELAY_MS};" in body, body[:200]
        assert body.index("<script>") < body.index("</head>")
    assert MARK not in text(window.open(PZ + "/pz/nie-ma-takiej"))
    assert MARK not in text(spa_sim.admin("GET", "/patients"))


def test_pages_mode_has_no_script(sim):
    window = sim.browser()
    assert MARK not in text(window.login(JAN))


def test_a_redirect_leaving_the_origin_is_handed_to_the_script(spa_sim):
    window = spa_sim.browser()
    plain = window.get(IKP + "/ikp/zaloguj")
    assert plain.status_code == 302 and plain.headers["Location"].startswith(PZ)
    handed = window.get(IKP + "/ikp/zaloguj", headers={spa.REQUEST_HEADER: "1"})
    assert handed.status_code == 200 and handed.get_data() == b""
    assert handed.headers[spa.LOCATION_HEADER].startswith(PZ + "/pz/ekran_pz?return=")
    assert "Location" not in handed.headers
    window.login(JAN)
    same_origin = window.client.post("/ikp/wyloguj", base_url=IKP, headers={spa.REQUEST_HEADER: "1"},
                                      data={"view": window.view})
    assert same_origin.status_code == 302 and same_origin.headers["Location"] == "/ikp/wylogowano"


def test_spa_flags_and_their_bad_values():
    assert (parse_args([]).ui, parse_args([]).spa_delay_ms) == ("pages", None)
    args = parse_args(["--ui", "spa", "--spa-delay-ms", "0"])
    assert (args.ui, args.spa_delay_ms) == ("spa", 0)
    for bad in (["--ui", "app"], ["--ui", "spa", "--spa-delay-ms", "-1"], ["--ui", "spa", "--spa-delay-ms", "x"],
                ["--spa-delay-ms", "100"], ["--ui", "spa", "--spa-delay-ms", str(spa.MAX_DELAY_MS + 1)]):
        with pytest.raises(SystemExit) as exited:
            parse_args(bad)
        assert exited.value.code == 2, bad
    assert Settings("db", "t", IKP, PZ).spa_delay_ms == spa.DEFAULT_DELAY_MS


# -- a real Chromium ----------------------------------------------------------------------------------------------

# Every mutation of the page while a navigation runs: was the indicator there and visible, was the page busy,
# which h1 was shown; and when the click happened.
RECORDER = """
window.spaLog = [];
document.addEventListener("click", function () { window.spaClicked = performance.now(); }, true);
new MutationObserver(function () {
  var bar = document.querySelector("[role=progressbar]");
  var box = bar && bar.getBoundingClientRect();
  var h1 = document.querySelector("h1");
  window.spaLog.push({
    t: performance.now(), h1: h1 && h1.textContent.trim(), busy: document.body.getAttribute("aria-busy"),
    bar: bar ? {name: bar.getAttribute("aria-label"), text: bar.textContent,
                visible: box.width > 0 && box.height > 0 && getComputedStyle(bar).visibility === "visible"} : null
  });
}).observe(document.documentElement, {childList: true, subtree: true, attributes: true});
"""


@pytest.fixture
def spa_server(db_dir):
    instance = SimulatorServer(ikp_port=0, pz_port=0, db_path=os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3"),
                               token=TOKEN, ui="spa", spa_delay_ms=DELAY_MS)
    instance.start()
    yield instance
    instance.stop()


def h1(driver):
    """The h1 text, read in one script call (no element can go stale meanwhile)."""
    return driver.execute_script("var h = document.querySelector('h1'); return h && h.textContent.trim();")


def h1_is(driver, title):
    wait(driver).until(lambda d: h1(d) == title)


def field_labelled(driver, start):
    """The control whose label's own text starts with these words (a <label for> or a wrapping label)."""
    return wait(driver).until(lambda d: d.execute_script("""
        var labels = Array.from(document.querySelectorAll("label"));
        for (var i = 0; i < labels.length; i++) {
          if (labels[i].textContent.trim().indexOf(arguments[0]) === 0) { return labels[i].control; }
        }
        return null;""", start))


def log_in(driver, server):
    driver.get(f"{server.ikp_url}/ikp/zaloguj")
    wait(driver).until(EC.url_contains(f"{server.pz_url}/pz/ekran_pz"))
    wait(driver).until(EC.element_to_be_clickable((By.ID, "pesel"))).send_keys(JAN + Keys.ENTER)
    wait(driver).until(EC.element_to_be_clickable(LOGOUT))
    driver.execute_script("window.marker = 'same document';")
    return h1(driver)


def same_document(driver):
    return driver.execute_script("return window.marker || null;") == "same document"


def click_link(driver, name):
    driver.find_element(By.LINK_TEXT, name).click()


@pytest.mark.browser
def test_links_forms_and_back_swap_in_place_after_the_delay(spa_server, chromium):
    landing = log_in(chromium, spa_server)
    assert landing and chromium.current_url.startswith(f"{spa_server.ikp_url}/ikp")
    chromium.execute_script(RECORDER)
    click_link(chromium, "Recepty")
    h1_is(chromium, "Recepty")
    assert chromium.current_url == f"{spa_server.ikp_url}/ikp/recepty"
    assert same_document(chromium)
    assert chromium.title.startswith("Recepty – ")
    log, clicked = chromium.execute_script("return [window.spaLog, window.spaClicked];")
    loading = [entry for entry in log if entry["bar"] and entry["h1"] == landing]
    assert loading, log
    assert loading[0]["bar"] == {"name": "Ładowanie…", "text": "Ładowanie…", "visible": True}
    assert loading[0]["busy"] == "true"
    swapped = next(entry for entry in log if entry["h1"] == "Recepty")
    assert swapped["t"] - clicked >= DELAY_MS - 50, (swapped["t"] - clicked)
    assert chromium.find_elements(By.CSS_SELECTOR, "[role=progressbar], [aria-busy]") == []

    click_link(chromium, "Moje konto")
    h1_is(chromium, "Moje konto")
    click_link(chromium, "Edytuj swoje dane")
    h1_is(chromium, "Edytuj swoje dane")
    phone = field_labelled(chromium, "Numer telefonu")
    phone.clear()
    phone.send_keys("12")
    chromium.find_element(By.XPATH, "//button[normalize-space()='Zapisz']").click()
    wait(chromium).until(EC.visibility_of_element_located((By.CSS_SELECTOR, "[role=alert]")))
    assert h1(chromium) == "Edytuj swoje dane"
    assert chromium.current_url == f"{spa_server.ikp_url}/ikp/konto/edycja" and same_document(chromium)

    phone = field_labelled(chromium, "Numer telefonu")
    phone.clear()
    phone.send_keys("600 100 300")
    chromium.find_element(By.XPATH, "//button[normalize-space()='Zapisz']").click()
    h1_is(chromium, "Moje konto")
    assert "600100300" in chromium.find_element(By.TAG_NAME, "main").text
    assert chromium.current_url == f"{spa_server.ikp_url}/ikp/konto" and same_document(chromium)

    chromium.back()
    h1_is(chromium, "Edytuj swoje dane")
    wait(chromium).until(EC.url_to_be(f"{spa_server.ikp_url}/ikp/konto/edycja"))
    assert field_labelled(chromium, "Numer telefonu").get_attribute("value") == "600100300"
    chromium.back()
    h1_is(chromium, "Moje konto")
    chromium.forward()
    h1_is(chromium, "Edytuj swoje dane")
    assert same_document(chromium)
    # The page the browser came back to is a fresh render: its forms carry the current view token.
    phone = field_labelled(chromium, "Numer telefonu")
    phone.clear()
    phone.send_keys("600 100 400")
    chromium.find_element(By.XPATH, "//button[normalize-space()='Zapisz']").click()
    h1_is(chromium, "Moje konto")
    assert "600100400" in chromium.find_element(By.TAG_NAME, "main").text and same_document(chromium)


@pytest.mark.browser
def test_error_screens_swap_in_place_and_other_origins_load_for_real(spa_server, chromium):
    landing = log_in(chromium, spa_server)
    chromium.execute_script("""
        var link = document.createElement("a");
        link.href = "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=999";
        link.textContent = "Nieznana placówka";
        document.querySelector("main").appendChild(link);""")
    click_link(chromium, "Nieznana placówka")
    h1_is(chromium, "Nie znaleziono strony")
    assert chromium.current_url.endswith("/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=999")
    assert same_document(chromium)
    chromium.back()
    h1_is(chromium, landing)

    answer = requests.post(f"{spa_server.ikp_url}/__sim__/faults", json={"kind": "node_down", "count": 1},
                           headers={"X-Sim-Token": TOKEN}, timeout=10)
    assert answer.status_code == 201
    click_link(chromium, "Recepty")
    wait(chromium).until(EC.presence_of_element_located((By.ID, "ikp-error-screen")))
    assert h1(chromium) == "Internetowe Konto Pacjenta jest chwilowo niedostępne"
    assert chromium.current_url == f"{spa_server.ikp_url}/ikp/recepty" and same_document(chromium)

    click_link(chromium, "Zaloguj się ponownie")
    wait(chromium).until(EC.url_contains(f"{spa_server.pz_url}/pz/ekran_pz"))
    assert not same_document(chromium)

    log_in(chromium, spa_server)
    click_link(chromium, "Recepty")
    h1_is(chromium, "Recepty")
    chromium.find_element(*LOGOUT).click()
    h1_is(chromium, "Wylogowano")
    assert chromium.current_url == f"{spa_server.ikp_url}/ikp/wylogowano" and same_document(chromium)
    assert "Jan Nowak" not in chromium.page_source
    chromium.back()
    wait(chromium).until(EC.url_contains(f"{spa_server.pz_url}/pz/ekran_pz"))
    assert "Jan Nowak" not in chromium.page_source

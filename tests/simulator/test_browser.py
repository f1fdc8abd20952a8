"""Real headless Chromium: login across origins with ENTER and with „Dalej”, logout, terms surviving a restart."""

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC

from simulator.server import SimulatorServer
from tests.simulator.conftest import ANNA, JAN, TOKEN, wait

pytestmark = pytest.mark.browser

LOGOUT = (By.XPATH, "//button[normalize-space()='Wyloguj się']")




def h1(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def open_pz_page(driver, server):
    driver.get(f"{server.ikp_url}/ikp/zaloguj")
    wait(driver).until(EC.url_contains(f"{server.pz_url}/pz/ekran_pz"))
    return wait(driver).until(EC.element_to_be_clickable((By.ID, "pesel")))


def log_out(driver):
    driver.find_element(*LOGOUT).click()
    wait(driver).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Wylogowano"))


def test_jan_logs_in_with_enter_and_with_dalej_then_logs_out(server, chromium):
    field = open_pz_page(chromium, server)
    assert chromium.find_element(By.CSS_SELECTOR, "label[for=pesel]").text == "Pesel"
    field.send_keys(JAN + Keys.ENTER)
    wait(chromium).until(EC.element_to_be_clickable(LOGOUT))
    assert chromium.current_url == f"{server.ikp_url}/ikp"
    assert h1(chromium) == "Strona główna"
    assert chromium.find_element(By.ID, "patient-name").text == "Jan Nowak"
    chromium.find_element(By.CSS_SELECTOR, "header").find_element(By.LINK_TEXT, "Moje konto").click()
    wait(chromium).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Moje konto"))
    assert chromium.current_url == f"{server.ikp_url}/ikp/konto"
    log_out(chromium)
    chromium.back()
    wait(chromium).until(EC.url_contains("/pz/ekran_pz"))
    assert "Jan Nowak" not in chromium.page_source

    open_pz_page(chromium, server).send_keys(JAN)
    chromium.find_element(By.XPATH, "//button[normalize-space()='Dalej']").click()
    wait(chromium).until(EC.element_to_be_clickable(LOGOUT))
    assert h1(chromium) == "Strona główna"
    log_out(chromium)
    assert chromium.find_element(By.ID, "content").text.startswith("Wylogowano")


def test_validation_message_stays_on_the_pz_page(server, chromium):
    open_pz_page(chromium, server).send_keys("123" + Keys.ENTER)
    message = wait(chromium).until(EC.visibility_of_element_located((By.ID, "pesel-error")))
    assert message.text == "Numer PESEL musi składać się z 11 cyfr."
    assert chromium.current_url.startswith(server.pz_url)


def test_anna_accepts_the_terms_once_even_across_a_restart(chromium, db_dir):
    database = f"{db_dir}/browser-restart.sqlite3"
    with SimulatorServer(ikp_port=0, pz_port=0, db_path=database, token=TOKEN) as first:
        open_pz_page(chromium, first).send_keys(ANNA + Keys.ENTER)
        wait(chromium).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Warunki korzystania z serwisu"))
        chromium.find_element(By.XPATH, "//button[normalize-space()='Dalej']").click()
        wait(chromium).until(EC.visibility_of_element_located((By.ID, "accept-error")))
        assert h1(chromium) == "Warunki korzystania z serwisu pacjent.gov.pl", "not ticked: refused"
        chromium.find_element(By.XPATH, "//label[normalize-space()='Akceptuję warunki korzystania z serwisu']").click()
        assert chromium.find_element(By.ID, "accept").is_selected()
        chromium.find_element(By.XPATH, "//button[normalize-space()='Dalej']").click()
        wait(chromium).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Podaj dane kontaktowe"))
        chromium.find_element(By.XPATH, "//button[normalize-space()='Pomiń']").click()
        wait(chromium).until(EC.text_to_be_present_in_element((By.TAG_NAME, "h1"), "Strona główna"))
        log_out(chromium)
    with SimulatorServer(ikp_port=0, pz_port=0, db_path=database, token=TOKEN) as second:
        open_pz_page(chromium, second).send_keys(ANNA + Keys.ENTER)
        wait(chromium).until(EC.element_to_be_clickable(LOGOUT))
        assert chromium.current_url == f"{second.ikp_url}/ikp"
        log_out(chromium)


def test_hard_refresh_of_the_pz_page_moves_to_a_healthy_node(server, chromium):
    open_pz_page(chromium, server).send_keys(JAN + Keys.ENTER)
    wait(chromium).until(EC.element_to_be_clickable(LOGOUT))
    assert chromium.get_cookie("ISUS_NODE")["value"] == "isus-1"
    answer = requests.post(f"{server.ikp_url}/__sim__/faults", json={"kind": "node_down"},
                           headers={"X-Sim-Token": TOKEN}, timeout=10)
    assert answer.status_code == 201
    chromium.find_element(By.LINK_TEXT, "Recepty").click()
    wait(chromium).until(EC.presence_of_element_located((By.ID, "ikp-error-screen")))
    chromium.find_element(By.LINK_TEXT, "Zaloguj się ponownie").click()
    wait(chromium).until(EC.url_contains("/pz/ekran_pz"))
    chromium.execute_cdp_cmd("Page.reload", {"ignoreCache": True})
    wait(chromium).until(lambda driver: (driver.get_cookie("ISUS_NODE") or {}).get("value") == "isus-2")
    wait(chromium).until(EC.element_to_be_clickable((By.ID, "pesel"))).send_keys(JAN + Keys.ENTER)
    wait(chromium).until(EC.element_to_be_clickable(LOGOUT))
    assert h1(chromium) == "Strona główna"

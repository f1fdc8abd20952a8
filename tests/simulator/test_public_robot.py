"""A robot that knows only the public texts walks each flow of the simulator, in several markups.

Issue 17 asks that a robot knowing only what public sources say about IKP can walk every flow: log
in, reach „Moje konto” through its link, save both notification channels, order through the
confirmation, grant through the wizard, declare through the POZ section by clicking the facility's
name. This robot does that with bare Selenium. It uses nothing from `pages/` (the page objects are
tested elsewhere) and none of the simulator's ids, classes or data-* attributes.

What it knows, and where from (each text below is in `VOCABULARY` with its source):
- words from CeZ's instruction (pkt 2.1 the login address, 2.2 „Pesel”, ENTER, „Moje konto >
  Edytuj swoje dane”, 2.3 „Wyloguj się”) and from public descriptions of IKP (pacjent.gov.pl,
  infor.pl, cmbm.pl, cmrpulawy.pl, uniabracka.pl, legionowo.pl, the act on the information system
  in health care, art. 7a), matched without regard to case and as parts of an element's name, as a
  person reading the screen would;
- data a vendor knows from its own side: the patient's name, a medicine on an earlier prescription,
  its facility's town and name, the doctor's, nurse's or midwife's name;
- what any person sees without words: the screen's main content, the one search field of a search
  form, a form's submit button, the first link of the main content.

Where a public source names no text, the robot falls back on one of those plain affordances. Those are
the places marked GUESS below: they are where the real iIKP may differ from the simulator.

What the robot did is then read from the simulator's admin API, not from the screens.
"""

from __future__ import annotations

import os
import uuid

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions as EC

from harness.simulator import AdminClient
from simulator.server import SimulatorServer
from tests.simulator.conftest import JAN, TOKEN, wait

pytestmark = pytest.mark.browser

# Every text the robot looks for, with where it comes from.
VOCABULARY = {
    "login_path": ("/ikp/zaloguj", "instrukcja CeZ pkt 2.1"),
    "pesel": ("pesel", "instrukcja CeZ pkt 2.2: pole „Pesel”"),
    "account": ("moje konto", "pacjent.gov.pl (krok-4-co-robic-z-e-recepta): link „Moje konto” w prawym górnym rogu"),
    "edit_contact": ("edytuj swoje dane", "instrukcja CeZ pkt 2.2: Moje konto > „Edytuj swoje dane”"),
    "phone": ("telefon", "pacjent.gov.pl (krok-4): „podaj swój numer telefonu lub/i adres mailowy”"),
    "email": ("e-mail", "legionowo.pl, spzoz-miedzychod.com.pl: „numer telefonu i/lub adres e-mail”"),
    "sms": ("sms", "legionowo.pl: powiadomienia „SMS lub e-mail (albo jedno i drugie)”"),
    "prescriptions": ("recepty", "pacjent.gov.pl, infor.pl: zakładka „Recepty”"),
    "my_prescriptions": ("moje recepty", "pacjent.gov.pl, infor.pl: podzakładka „Moje recepty”"),
    "ordered": ("zamówione recepty", "pacjent.gov.pl, infor.pl: podzakładka „Zamówione recepty”"),
    "order": ("zamów receptę", "infor.pl: „Zamów receptę”"),
    "confirm": ("potwierdź", "infor.pl: „a następnie potwierdzamy”"),
    "consents": ("uprawnienia", "pacjent.gov.pl: zakładka „Uprawnienia”"),
    "records_access": ("dostępu do dokumentacji medycznej",
                       "art. 7a ust. 1 pkt 3 usioz: upoważnienie do dostępu do dokumentacji medycznej"),
    "next": ("dalej", "instrukcja CeZ pkt 2.2; cmbm.pl: kreator uprawnień, „Dalej”"),
    # GUESS: cmbm.pl says the second step names the recipient, not how; a name and a PESEL are how
    # every public form names a person.
    "person_name": ("imię", "cmbm.pl: drugi krok kreatora wskazuje osobę (jak: GUESS)"),
    "person_pesel": ("pesel", "cmbm.pl: drugi krok kreatora wskazuje osobę (jak: GUESS)"),
    "save": ("zapisz", "cmbm.pl: kreator uprawnień kończy się zapisaniem"),
    "poz": ("podstawowa opieka zdrowotna",
            "cmrpulawy.pl, uniabracka.pl: sekcja „Twoja Podstawowa Opieka Zdrowotna (POZ)”"),
    "declare": ("wypełnij deklarację", "cmrpulawy.pl, uniabracka.pl: „Wypełnij deklarację”"),
    "nurse": ("pielęgniarka", "cmrpulawy.pl, uniabracka.pl: rola w sekcji POZ"),
    "declarations": ("zobacz deklaracje", "telemedi.com, cmrpulawy.pl: „Zobacz deklaracje”"),
    "logout": ("wyloguj się", "instrukcja CeZ pkt 2.3"),
}

# Data a vendor knows from its own side of the test (the simulator's built-in persona and facilities).
PATIENT = "Jan Nowak"
MEDICINE = "Bisoprolol 5 mg"
FACILITY_TOWN, FACILITY = "Kraków", "Centrum Medyczne Zdrowa Rodzina"
NURSE = "Elżbieta Woźniak"
GRANTEE, GRANTEE_PESEL = "Ewa Nowak", "15232045626"  # a valid PESEL of the simulator's synthetic set

# The robot's eyes: elements as a person names them (accessible name from aria-label, aria-labelledby,
# a label, the text or the value), visible ones only, optionally inside the main content only.
_FIND = r"""
const [kind, word, inMain] = arguments;
const norm = s => (s || "").replace(/\s+/g, " ").trim().toLowerCase();
const visible = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
const byIds = ids => ids.split(/\s+/).map(id => document.getElementById(id)).filter(Boolean)
                        .map(e => e.textContent).join(" ");
function name(e) {
  if (e.getAttribute("aria-label")) return norm(e.getAttribute("aria-label"));
  if (e.getAttribute("aria-labelledby")) return norm(byIds(e.getAttribute("aria-labelledby")));
  const labels = [...(e.labels || [])].map(l => l.textContent).join(" ");
  if (labels) return norm(labels);
  if (e.tagName === "INPUT" && ["submit", "button"].includes(e.type)) return norm(e.value);
  return norm(e.textContent);
}
const main = document.querySelector("main, [role=main]");
const root = inMain ? main : document;
if (!root) return null;
const selectors = {
  control: "a[href], button, input[type=submit], input[type=button], [role=button], [role=link]",
  field: "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea",
  choice: "input[type=checkbox], input[type=radio]",
  search: "input[type=search], [role=search] input:not([type=hidden])",
};
const found = [...root.querySelectorAll(selectors[kind])].filter(e => {
  const shown = visible(e) || [...(e.labels || [])].some(visible);
  return shown && (word === null || name(e).includes(word));
});
return found.length ? found[0] : null;
"""

# GUESS: a form's submit button, the first link of the main content that is not navigation or a row's.
_SUBMIT_OF = "return arguments[0].form.querySelector('button:not([type=button]), input[type=submit]');"
_SUBMIT_IN_MAIN = ("const form = document.querySelector('main form, [role=main] form');"
                   "return form && form.querySelector('button:not([type=button]), input[type=submit]');")
# The link named `arguments[0]` in the part of the main content headed by a heading naming `arguments[1]`.
_LINK_UNDER_HEADING = r"""
const [name, heading] = arguments;
const headingOf = a => {
  let box = a.parentElement;
  while (box && !box.querySelector("h2, h3, h4, [role=heading]")) box = box.parentElement;
  return box ? box.querySelector("h2, h3, h4, [role=heading]").textContent.toLowerCase() : "";
};
return [...document.querySelectorAll("main a[href], [role=main] a[href]")].find(a =>
  a.textContent.toLowerCase().includes(name) && headingOf(a).includes(heading)) || null;
"""
_FIRST_MAIN_LINK = r"""
const main = document.querySelector("main, [role=main]");
return [...main.querySelectorAll("a[href], button")].find(e =>
  !e.closest("nav, [role=navigation], table, [role=table], [role=grid], form")) || null;
"""


def say(key: str) -> str:
    return VOCABULARY[key][0]


class Robot:
    """Bare Selenium with a person's eyes: finds by name, acts, then waits for the screen to change."""

    def __init__(self, driver):
        self.driver = driver

    def _find(self, kind: str, word: str | None, in_main: bool = False) -> WebElement:
        return wait(self.driver).until(lambda d: d.execute_script(_FIND, kind, word, in_main),
                                       f"no {kind} named like „{word}” on {self.driver.current_url}")

    def control(self, key_or_text: str, in_main: bool = False) -> WebElement:
        return self._find("control", VOCABULARY.get(key_or_text, (key_or_text,))[0].lower(), in_main)

    def field(self, key: str) -> WebElement:
        return self._find("field", say(key))

    def choice(self, text: str) -> WebElement:
        return self._find("choice", text.lower())

    def press(self, element: WebElement) -> None:
        """Click, then wait until the screen acted on has gone (a new document, or content swapped in place)."""
        element.click()
        wait(self.driver).until(EC.staleness_of(element), "the screen did not change after a click")

    def search(self, text: str) -> None:
        """GUESS: type into the screen's one search field, press ENTER, wait for the results' screen."""
        field = self._find("search", None)
        field.send_keys(text + Keys.ENTER)
        wait(self.driver).until(EC.staleness_of(field), "the search did not change the screen")

    def tick(self, element: WebElement) -> None:
        """Tick a checkbox or radio (its label when the control itself is not clickable)."""
        if not element.is_selected():
            target = element if element.is_displayed() else self.driver.execute_script("return arguments[0].labels[0]",
                                                                                          element)
            target.click()
        wait(self.driver).until(lambda d: element.is_selected(), "a checkbox did not take the tick")

    def submit(self, inside: WebElement) -> None:
        """GUESS: press the submit button of the form a field belongs to (when no public text names it)."""
        self.press(self.driver.execute_script(_SUBMIT_OF, inside))

    def confirm(self) -> None:
        """A control named „Potwierdź…” in the main content, else the submit button of its one form."""
        self.press(wait(self.driver).until(
            lambda d: d.execute_script(_FIND, "control", say("confirm"), True) or d.execute_script(_SUBMIT_IN_MAIN),
            "nothing to confirm with"))

    def sees(self, text: str) -> bool:
        return text.lower() in self.driver.find_element("tag name", "body").text.lower()

    def sees_eventually(self, text: str) -> None:
        wait(self.driver).until(lambda d: self.sees(text), f"„{text}” never appeared on {self.driver.current_url}")


@pytest.fixture(params=[("pages", "default", None), ("pages", "random", 17), ("spa", "random", 29)],
                ids=["strony-domyslny-html", "strony-losowy-html-17", "spa-losowy-html-29"])
def simulator(request, db_dir):
    ui, markup, seed = request.param
    instance = SimulatorServer(ikp_port=0, pz_port=0, token=TOKEN, ui=ui, markup=markup, markup_seed=seed,
                               spa_delay_ms=150, db_path=os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3"))
    instance.start()
    yield instance
    instance.stop()


@pytest.fixture
def robot(chromium):
    return Robot(chromium)


def patient(simulator) -> dict:
    return AdminClient(simulator.ikp_url, TOKEN).patient(JAN)


def log_in(robot: Robot, simulator) -> None:
    robot.driver.get(simulator.ikp_url + say("login_path"))
    robot.field("pesel").send_keys(JAN + Keys.ENTER)
    robot.sees_eventually(PATIENT)
    robot.control("logout")  # logged in: the header shows the patient and „Wyloguj się”


def log_out(robot: Robot) -> None:
    robot.press(robot.control("logout"))


def test_a_robot_with_only_public_texts_walks_every_flow(simulator, robot):
    before = patient(simulator)
    log_in(robot, simulator)

    # „Moje konto” through its link, then both notification channels saved.
    robot.press(robot.control("account"))
    robot.press(robot.control("edit_contact"))
    phone, email = robot.field("phone"), robot.field("email")
    phone.clear()
    phone.send_keys("600700800")
    email.clear()
    email.send_keys("jan.robot@example.com")
    robot.tick(robot.choice(say("sms")))
    robot.tick(robot.choice(say("email")))
    robot.submit(email)
    robot.sees_eventually("jan.robot@example.com")

    # An order through the confirmation.
    robot.press(robot.control("prescriptions"))
    robot.tick(robot.choice(MEDICINE))
    robot.press(robot.control("order"))
    robot.confirm()
    robot.press(robot.control("ordered"))
    robot.sees_eventually(MEDICINE)

    # A grant through the wizard: kind, „Dalej”, the person, „Dalej”, scope and dates, save.
    robot.press(robot.control("consents"))
    robot.press(wait(robot.driver).until(lambda d: d.execute_script(_FIRST_MAIN_LINK), "no way into the wizard"))
    robot.tick(robot.choice(say("records_access")))
    robot.press(robot.control("next", in_main=True))
    robot.field("person_name").send_keys(GRANTEE)
    robot.field("person_pesel").send_keys(GRANTEE_PESEL)
    robot.press(robot.control("next", in_main=True))
    robot.press(robot.control("save", in_main=True))
    robot.sees_eventually(GRANTEE)

    # A declaration through the POZ section of „Moje konto”, the facility chosen by clicking its name.
    robot.press(robot.control("account"))
    robot.sees_eventually(say("poz"))
    robot.press(wait(robot.driver).until(lambda d: d.execute_script(_LINK_UNDER_HEADING, say("declare"), say("nurse")),
                                         "no „Wypełnij deklarację” under the nurse's heading"))
    robot.search(FACILITY_TOWN)
    robot.press(robot.control(FACILITY, in_main=True))
    robot.tick(robot.choice(NURSE))
    robot.press(robot.control("next", in_main=True))
    robot.confirm()  # GUESS: public guides say only "then confirm"
    robot.press(robot.control("account"))
    robot.press(robot.control("declarations"))
    robot.sees_eventually(NURSE)

    log_out(robot)

    after = patient(simulator)
    assert after["contact"]["phone"] == "600700800" and after["contact"]["email"] == "jan.robot@example.com"
    assert sorted(after["contact"]["channels"]) == ["email", "sms"], after["contact"]
    new_orders = [o for o in after["orders"] if o["id"] not in {b["id"] for b in before["orders"]}]
    assert [[m["medicine"] for m in o["medicines"]] for o in new_orders] == [[MEDICINE]], new_orders
    new_consents = [c for c in after["consents"] if c["id"] not in {b["id"] for b in before["consents"]}]
    assert [(c["kind"], c["person_name"], c["status"]) for c in new_consents] == [
        ("records_access", GRANTEE, "active")], new_consents
    new_declarations = [d for d in after["declarations"] if d["id"] not in {b["id"] for b in before["declarations"]}]
    assert [(d["role"], d["staff_name"], d["status"]) for d in new_declarations] == [
        ("nurse", NURSE, "submitted")], new_declarations
    assert after["session_active"] is False

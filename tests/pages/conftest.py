"""Static HTML of every screen the page objects read, rendered in-process by the simulator's apps (no server),
and a headless Chromium that opens them as files."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from harness.browser import new_browser
from harness.config import Settings
from pages.base import Site
from simulator import baseline, db
from simulator.app import create_ikp_app, create_pz_app
from simulator.markup import transform
from simulator.web import Settings as SimSettings

IKP, PZ = "http://ikp.test", "http://pz.test"
TOKEN = "token-of-the-page-object-tests"
JAN = "80011512354"  # the simulator's built-in persona Jan Nowak (synthetic PESEL)
# Markups every screen is read in: the simulator's own, and random ones (ids and classes renamed, no
# data-*, wrappers, <input type=submit>, wrapping labels, ARIA grids, labelled paragraphs).
MARKUP_SEEDS = (None, 1, 2, 3, 7)
_VIEW = re.compile(r'name="view" value="([^"]+)"')


class Screens:
    """Logs Jan Nowak in through both apps' test clients and renders each screen after arranging its data."""

    def __init__(self, folder: Path):
        path = str(folder / "pages.sqlite3")
        db.initialise(path, baseline.seed)
        settings = SimSettings(path, TOKEN, IKP, PZ)
        self.ikp = create_ikp_app(settings).test_client()
        self.pz = create_pz_app(settings).test_client()
        self.admin = {"X-Sim-Token": TOKEN}
        self.html: dict[str, str] = {}

    def log_in(self, pesel: str) -> None:
        start = self.ikp.get("/ikp/zaloguj").headers["Location"]
        state = parse_qs(urlsplit(start).query)["state"][0]
        sso = self.pz.post("/pz/ekran_pz", data={"pesel": pesel, "state": state}).headers["Location"]
        self.ikp.get(sso.replace(IKP, ""))

    def get(self, name: str, path: str) -> str:
        self.html[name] = self.ikp.get(path).get_data(as_text=True)
        return self.html[name]

    def post(self, name: str, path: str, data: dict, view_from: str) -> str:
        view = _VIEW.search(self.ikp.get(view_from).get_data(as_text=True)).group(1)
        self.html[name] = self.ikp.post(path, data={**data, "view": view}).get_data(as_text=True)
        return self.html[name]

    def arrange(self, method: str, path: str, body: dict) -> dict:
        answer = self.ikp.open(f"/__sim__/{path}", method=method, json=body, headers=self.admin)
        assert answer.status_code < 400, answer.get_data(as_text=True)
        return answer.get_json()


@pytest.fixture(scope="session")
def screens(tmp_path_factory) -> dict[str, str]:
    """Screen name -> its HTML in the simulator's own markup."""
    shots = Screens(tmp_path_factory.mktemp("screens"))
    shots.arrange("POST", f"patients/{JAN}/consents", {"kind": "records_access", "person_name": "Ewa Nowak",
                                                         "person_pesel": "15232045626", "status": "active"})
    shots.arrange("POST", f"patients/{JAN}/consents", {"kind": "treatment_consent", "scope": "Usunięcie zęba",
                                                         "status": "withdrawn", "date_to": "2030-12-31"})
    prescriptions = {p["medicine"]: p["id"] for p in shots.arrange("GET", f"patients/{JAN}", {})["prescriptions"]}
    first = shots.arrange("POST", f"patients/{JAN}/orders", {"prescription_ids": [prescriptions["Metformina 500 mg"]]})
    shots.arrange("POST", f"orders/{first['id']}/reject", {"comment": "Proszę zgłosić się na wizytę"})
    shots.arrange("POST", f"patients/{JAN}/orders", {"prescription_ids": [prescriptions["Bisoprolol 5 mg"],
                                                                           prescriptions["Atorwastatyna 20 mg"]]})
    shots.arrange("POST", f"patients/{JAN}/declarations", {"role": "nurse", "staff_id": 9, "status": "rejected",
                                                           "comment": "Brak miejsc"})
    shots.log_in(JAN)
    shots.get("home", "/ikp")
    shots.get("account", "/ikp/konto")
    shots.get("consents", "/ikp/uprawnienia")
    shots.get("prescriptions", "/ikp/recepty")
    shots.get("orders", "/ikp/recepty/zamowione")
    shots.get("declarations", "/ikp/deklaracje")
    shots.get("facilities", "/ikp/deklaracje/nowa?rola=lekarz&q=Zdrow")
    shots.post("contact_refused", "/ikp/konto/edycja", {"email": "jan.nowak.example.com", "phone": "60120230",
                                                        "channels": ["sms"]}, "/ikp/konto/edycja")
    shots.post("consent_refused", "/ikp/uprawnienia/nowe", {"krok": "2", "kind": "records_access",
                                                            "person_name": "Tomasz Mazur",
                                                            "person_pesel": "87061302072"}, "/ikp/uprawnienia/nowe")
    shots.post("confirmation", "/ikp/deklaracje/nowa/podsumowanie", {"rola": "lekarz", "placowka": "1",
                                                                     "staff": "2", "reason": "moved"},
               "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1")
    shots.post("order_confirmation", "/ikp/recepty", {"prescription": [str(prescriptions["Bisoprolol 5 mg"])]},
               "/ikp/recepty")
    return shots.html


@pytest.fixture(scope="session")
def chromium():
    driver = new_browser(Settings())
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(params=MARKUP_SEEDS, ids=lambda seed: "domyslne" if seed is None else f"losowe-{seed}")
def opened(request, screens, chromium, tmp_path):
    """open(screen name, PageClass) -> the page object on that screen's file, in this test's markup."""
    seed = request.param

    def open_screen(name: str, page_class, *args):
        html = screens[name] if seed is None else transform(screens[name], seed, key=name)
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        chromium.get(path.as_uri())
        return page_class(Site(chromium, IKP, PZ, 5.0), *args).arrive()

    open_screen.seed = seed
    return open_screen

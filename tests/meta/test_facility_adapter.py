"""The facility's side through a user-supplied adapter (-D facility=…): the example in docs/ against a fake
vendor service, and the clear skip when a run on the real iIKP has no adapter.

The fake vendor service stands for a vendor's own system: it takes the example adapter's HTTP requests
and makes the change in iIKP (here: the simulator's admin API, as the vendor's system would through P1).
"""

from __future__ import annotations

import datetime
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from harness.arrange import SimulatorFacility
from harness.created import DeclarationRef, OrderRef
from harness.personas import Persona
from tests.meta.conftest import PROJECT_ROOT, allure_results, run_suite

pytestmark = pytest.mark.meta

# The @placowka scenarios, by their facility actions (features: e_recepta, deklaracja_poz, sciezki_pacjenta).
EXPECTED_CALLS = {"deklaracje/przyjmij": 4, "deklaracje/odrzuc": 1, "zamowienia/rozpocznij": 1,
                  "zamowienia/zrealizuj": 2, "zamowienia/odrzuc": 3}


class FakeVendor(ThreadingHTTPServer):
    """A vendor's system on loopback: POST /deklaracje/<akcja> and /zamowienia/<akcja> with the adapter's JSON."""

    def __init__(self, facility: SimulatorFacility):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.facility = facility
        self.calls: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def act(self, path: str, body: dict) -> None:
        patient = Persona(body["pacjent"]["imie_nazwisko"], body["pacjent"]["pesel"])
        if path.startswith("deklaracje/"):
            ref = DeclarationRef(patient, body["rola"], body["placowka"], body["osoba"],
                                 datetime.date.fromisoformat(body["data_zlozenia"]))
            actions = {"przyjmij": lambda: self.facility.accept_declaration(ref),
                       "odrzuc": lambda: self.facility.reject_declaration(ref, body["uwaga"])}
        else:
            ref = OrderRef(patient, tuple(body["leki"]), datetime.date.fromisoformat(body["data"]))
            actions = {"rozpocznij": lambda: self.facility.start_order(ref),
                       "zrealizuj": lambda: self.facility.complete_order(ref),
                       "odrzuc": lambda: self.facility.reject_order(ref, body["komentarz"])}
        actions[path.split("/", 1)[1]]()
        self.calls.append(path)


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        try:
            self.server.act(self.path.strip("/"), body)
        except Exception as error:  # the vendor's system refuses: the adapter must say so
            self.send_response(409)
            self.end_headers()
            self.wfile.write(str(error).encode())
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):  # quiet: it would print PESELs
        pass


@pytest.fixture
def vendor(sim_admin):
    server = FakeVendor(SimulatorFacility(sim_admin))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()


def test_facility_scenarios_pass_with_the_example_adapter(tmp_path, simulator, sim_admin, vendor):
    env = {"PYTHONPATH": str(PROJECT_ROOT / "docs"), "VENDOR_FACILITY_URL": vendor.url}
    run, results = run_suite(tmp_path, simulator, "--tags=@placowka", "-D", "retries=0",
                             "-D", "facility=placowka_adapter_przyklad:HttpFacility", env=env)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    statuses = [r["status"] for r in allure_results(results)]
    assert statuses and set(statuses) == {"passed"}, statuses
    calls = {path: vendor.calls.count(path) for path in set(vendor.calls)}
    assert calls == EXPECTED_CALLS, calls
    accepted = sim_admin.events(kind="declaration_accepted")
    assert len(accepted) == EXPECTED_CALLS["deklaracje/przyjmij"]


def test_a_bad_adapter_stops_the_run_with_one_line(tmp_path, simulator):
    run, _ = run_suite(tmp_path, simulator, "-D", "facility=nie_ma_takiego_modulu:Klasa",
                       str(PROJECT_ROOT / "features" / "kontrola.feature"))
    assert run.returncode == 2, run.stdout + run.stderr
    assert "Błąd konfiguracji 'facility'" in run.stderr and "Traceback" not in run.stderr

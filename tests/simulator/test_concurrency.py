"""Several browsers at once over real HTTP: no 5xx, and the database stays consistent."""

import os
import re
from concurrent.futures import ThreadPoolExecutor

import requests
from stdnum.pl.pesel import calc_check_digit

from tests.simulator.conftest import JAN, TOKEN, http_login, view_of

WORKERS = 30
ADMIN = {"X-Sim-Token": TOKEN}


def synthetic_pesel(n):
    """A valid PESEL of someone born on 1990-01-01 with serial n."""
    body = f"900101{n:04d}"
    return body + calc_check_digit(body)


def patient_session(ikp, pesel):
    """One browser's whole visit; every status code it saw."""
    seen = []
    with requests.Session() as session:
        session.hooks["response"].append(lambda r, *a, **k: seen.append(r.status_code))
        home = http_login(session, ikp, pesel)
        assert home.url == f"{ikp}/ikp", home.status_code
        form = session.get(f"{ikp}/ikp/konto/edycja", timeout=30)
        session.post(f"{ikp}/ikp/konto/edycja", timeout=30, data={
            "view": view_of(form.text), "email": f"p{pesel}@example.com", "phone": "600 100 200", "channels": "email"})
        prescriptions = session.get(f"{ikp}/ikp/recepty", timeout=30)
        first = re.search(r'name="prescription" value="(\d+)"', prescriptions.text).group(1)
        confirmation = session.post(f"{ikp}/ikp/recepty", timeout=30,
                                    data={"view": view_of(prescriptions.text), "prescription": first})
        assert "<h1>Potwierdź zamówienie</h1>" in confirmation.text, confirmation.status_code
        orders = session.post(f"{ikp}/ikp/recepty/potwierdz", timeout=30,
                              data={"view": view_of(confirmation.text), "prescription": first})
        assert orders.url == f"{ikp}/ikp/recepty/zamowione"
        session.post(f"{ikp}/ikp/wyloguj", data={"view": view_of(orders.text)}, timeout=30)
    return seen


def test_thirty_browsers_with_thirty_patients(server):
    ikp = server.ikp_url
    pesels = [synthetic_pesel(n) for n in range(WORKERS)]
    for n, pesel in enumerate(pesels):
        body = {"pesel": pesel, "first_name": f"Pacjent{n}", "last_name": "Testowy", "baseline": JAN}
        assert requests.post(f"{ikp}/__sim__/patients", json=body, headers=ADMIN, timeout=30).status_code == 201
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        results = list(pool.map(lambda pesel: patient_session(ikp, pesel), pesels))
    statuses = {code for seen in results for code in seen}
    assert statuses <= {200, 302}, statuses
    for pesel in pesels:
        patient = requests.get(f"{ikp}/__sim__/patients/{pesel}", headers=ADMIN, timeout=30).json()
        assert patient["contact"] == {"email": f"p{pesel}@example.com", "phone": "600100200", "channels": ["email"]}
        assert len(patient["orders"]) == 1 and patient["session_active"] is False
    events = requests.get(f"{ikp}/__sim__/events", headers=ADMIN, timeout=30).json()
    for kind in ("login", "logout", "contact_updated", "order_placed"):
        assert sorted(e["pesel"] for e in events if e["kind"] == kind) == sorted(pesels), kind


def test_many_browsers_on_one_patient_never_break_the_server(server):
    ikp = server.ikp_url

    def login(_):
        with requests.Session() as session:
            response = http_login(session, ikp, JAN)
            return response.status_code, [r.status_code for r in response.history]

    with ThreadPoolExecutor(max_workers=12) as pool:
        results = list(pool.map(login, range(12)))
    codes = {code for final, history in results for code in [final, *history]}
    assert codes <= {200, 302, 503}, codes
    assert any(final == 503 for final, _ in results), "a second login to a live account must fail (pkt 2.3)"
    conn_sessions = requests.get(f"{ikp}/__sim__/patients/{JAN}", headers=ADMIN, timeout=30).json()
    events = requests.get(f"{ikp}/__sim__/events?pesel={JAN}", headers=ADMIN, timeout=30).json()
    logins = sum(e["kind"] == "login" for e in events)
    conflicts = sum(e["kind"] == "session_conflict" for e in events)
    assert logins + conflicts == 12
    assert conn_sessions["session_active"] is (logins > conflicts)


def test_in_process_server_defaults(db_dir):
    from simulator.server import SimulatorServer

    with SimulatorServer(ikp_port=0, pz_port=0, chaos="ikp_down=0.5", seed=3) as server:
        assert len(server.token) >= 16
        faults = requests.get(f"{server.ikp_url}/__sim__/faults", headers={"X-Sim-Token": server.token}, timeout=10)
        assert [(f["kind"], f["ratio"]) for f in faults.json()] == [("ikp_down", 0.5)]
        assert requests.get(f"{server.pz_url}/__sim__/health", timeout=10).json() == {"status": "ok"}
        temp_db = server.db_path
    assert not os.path.exists(temp_db)

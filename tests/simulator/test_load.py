"""50 concurrent HTTP clients on the whole login flow against `python -m simulator` as its own process.

test_concurrency.py drives 30 in-process clients through account changes and orders; this test is
about the login flow itself under load, over real sockets of a separate process: iIKP login page ->
PZ page -> PESEL -> /ikp/sso -> home screen -> „Moje konto” -> „Wyloguj się”, twice per client, each on
its own copy of Jan Nowak's baseline. No 5xx, every login and logout recorded once, nobody left logged in.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from stdnum.pl.pesel import calc_check_digit

from harness.simulator import SimulatorProcess
from tests.simulator.conftest import JAN, view_of

CLIENTS = 50
ROUNDS = 2


def load_pesel(n: int) -> str:
    """A valid PESEL of someone born on 1985-05-05 with serial n (not used by other tests)."""
    body = f"850505{n:04d}"
    return body + calc_check_digit(body)


@pytest.fixture(scope="module")
def process():
    simulator = SimulatorProcess(start_timeout=60).start()
    yield simulator
    simulator.stop()


def visit(ikp: str, pesel: str, start: threading.Barrier) -> list[tuple[str, int]]:
    """One client's visits; (url, status) of every response it saw, redirects included."""
    seen: list[tuple[str, int]] = []
    start.wait(timeout=120)
    with requests.Session() as session:
        session.hooks["response"].append(lambda r, *a, **k: seen.append((r.url, r.status_code)))
        for _ in range(ROUNDS):
            pz_page = session.get(f"{ikp}/ikp/zaloguj", timeout=60)
            state = pz_page.text.split('name="state" value="', 1)[1].split('"', 1)[0]
            home = session.post(pz_page.url.split("?")[0], data={"pesel": pesel, "state": state}, timeout=60)
            assert home.url == f"{ikp}/ikp", (home.url, home.status_code)
            page = session.get(f"{ikp}/ikp/konto", timeout=60)
            logged_out = session.post(f"{ikp}/ikp/wyloguj", data={"view": view_of(page.text)}, timeout=60)
            assert logged_out.url == f"{ikp}/ikp/wylogowano", logged_out.url
    return seen


def test_fifty_clients_log_in_and_out_concurrently(process):
    ikp = process.ikp_url
    admin = requests.Session()
    admin.headers["X-Sim-Token"] = process.token
    pesels = [load_pesel(n) for n in range(CLIENTS)]
    for n, pesel in enumerate(pesels):
        body = {"pesel": pesel, "first_name": f"Obciążenie{n}", "last_name": "Testowy", "baseline": JAN}
        assert admin.post(f"{ikp}/__sim__/patients", json=body, timeout=30).status_code == 201
    since = max((e["id"] for e in admin.get(f"{ikp}/__sim__/events", timeout=30).json()), default=0)

    start = threading.Barrier(CLIENTS)
    began = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        seen = list(pool.map(lambda pesel: visit(ikp, pesel, start), pesels))
    took = time.monotonic() - began
    statuses = Counter(code for visits in seen for _, code in visits)
    print(f"{CLIENTS} clients x {ROUNDS} logins: {sum(statuses.values())} responses in {took:.1f} s, {dict(statuses)}")

    assert not [code for code in statuses if code >= 500], statuses
    assert set(statuses) <= {200, 302}, statuses
    for pesel in pesels:
        assert admin.get(f"{ikp}/__sim__/patients/{pesel}", timeout=30).json()["session_active"] is False
    events = admin.get(f"{ikp}/__sim__/events", params={"since": since}, timeout=30).json()
    kinds = Counter(e["kind"] for e in events)
    assert kinds["login"] == kinds["logout"] == CLIENTS * ROUNDS, kinds
    assert not kinds["session_conflict"] and not kinds["error_screen"] and not kinds["stale_view"], kinds
    per_patient = Counter((e["pesel"], e["kind"]) for e in events if e["kind"] in ("login", "logout"))
    assert all(per_patient[(p, k)] == ROUNDS for p in pesels for k in ("login", "logout")), per_patient
    assert admin.get(f"{ikp}/__sim__/health", timeout=30).json() == {"status": "ok"}

"""The real process: python -m simulator prints its URLs, answers health, keeps state, stops on signals."""

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest
import requests

from tests.simulator.conftest import ANNA, JAN, http_login, view_of

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOKEN = "process-token"


class Process:
    """A simulator subprocess and the lines it printed."""

    def __init__(self, *args, env=None, lines=2):
        self.started = time.monotonic()
        environment = {k: v for k, v in os.environ.items() if k != "IIKP_SIM_TOKEN"}
        environment.update(env or {})
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "simulator", *args], cwd=ROOT, env=environment,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self._stdout = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        self.lines = [self._line() for _ in range(lines)]
        urls = dict(line.split(": ", 1) for line in self.lines)
        self.ikp = urls["iIKP"].removesuffix("/ikp/zaloguj")
        self.pz = urls["PZ"].removesuffix("/pz/ekran_pz")

    def _pump(self):
        for line in self.popen.stdout:
            self._stdout.put(line.rstrip("\n"))
        self._stdout.put(None)

    def _line(self, timeout=15):
        try:
            line = self._stdout.get(timeout=timeout)
        except queue.Empty:
            line = None
        assert line is not None, "the simulator printed nothing"
        return line

    def more_output(self):
        """Whatever else stdout has (after the process ended)."""
        lines = []
        while (line := self._stdout.get(timeout=10)) is not None:
            lines.append(line)
        return "\n".join(lines)

    def stop(self, signum=signal.SIGTERM):
        """Send a signal; return (exit code, seconds it took, stderr)."""
        started = time.monotonic()
        self.popen.send_signal(signum)
        code = self.popen.wait(timeout=10)
        return code, time.monotonic() - started, self.popen.stderr.read()

    def kill(self):
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait()


@pytest.fixture
def spawn():
    started = []

    def start(*args, **kwargs):
        process = Process(*args, **kwargs)
        started.append(process)
        return process
    yield start
    for process in started:
        process.kill()


def run_to_exit(*args):
    completed = subprocess.run([sys.executable, "-m", "simulator", *args], cwd=ROOT, capture_output=True,
                               text=True, timeout=30)
    return completed.returncode, completed.stdout, completed.stderr


def test_starts_prints_both_urls_and_answers_health_within_3_s(spawn, tmp_path):
    process = spawn("--ikp-port", "0", "--pz-port", "0", "--db", str(tmp_path / "s.db"), "--token", TOKEN)
    for url in (process.ikp, process.pz):
        assert requests.get(f"{url}/__sim__/health", timeout=3).json() == {"status": "ok"}
    assert time.monotonic() - process.started < 3
    assert process.lines[0].startswith("iIKP: http://127.0.0.1:") and process.lines[0].endswith("/ikp/zaloguj")
    assert process.lines[1].startswith("PZ: http://127.0.0.1:") and process.lines[1].endswith("/pz/ekran_pz")
    assert process.ikp != process.pz
    assert requests.get(f"{process.ikp}/__sim__/patients", timeout=5).status_code == 401
    answer = requests.get(f"{process.ikp}/__sim__/patients", headers={"X-Sim-Token": TOKEN}, timeout=5)
    assert answer.status_code == 200
    code, seconds, _ = process.stop()
    assert code == 0 and seconds < 3
    assert "Token" not in process.more_output()


def test_sigint_also_stops_cleanly(spawn):
    process = spawn("--ikp-port", "0", "--pz-port", "0", "--token", TOKEN)
    code, seconds, stderr = process.stop(signal.SIGINT)
    assert code == 0 and seconds < 3 and "Traceback" not in stderr


def test_a_random_token_is_printed_and_works(spawn):
    process = spawn("--ikp-port", "0", "--pz-port", "0", lines=3)
    label, token = process.lines[2].split(": ")
    assert label == "Token" and len(token) >= 16
    assert requests.get(f"{process.ikp}/__sim__/clock", headers={"X-Sim-Token": token}, timeout=5).ok


def test_token_from_the_environment_is_used_and_not_printed(spawn):
    process = spawn("--ikp-port", "0", "--pz-port", "0", env={"IIKP_SIM_TOKEN": "from-env"})
    assert requests.get(f"{process.ikp}/__sim__/clock", headers={"X-Sim-Token": "from-env"}, timeout=5).ok
    process.stop()
    assert "from-env" not in process.more_output()


def accept_terms_over_http(ikp, pesel):
    """Tick and confirm the terms; the patient has no contact data, so the first login's contact step follows."""
    with requests.Session() as session:
        terms = http_login(session, ikp, pesel)
        assert terms.url == f"{ikp}/ikp/regulamin"
        contact = session.post(f"{ikp}/ikp/regulamin", data={"view": view_of(terms.text), "accept": "tak"}, timeout=10)
        assert contact.url == f"{ikp}/ikp/pierwsze-logowanie/dane-kontaktowe"
        session.post(f"{ikp}/ikp/wyloguj", data={"view": view_of(contact.text)}, timeout=10)


def test_restart_with_the_same_db_keeps_state_and_logs_mask_pesels(spawn, tmp_path):
    database = str(tmp_path / "state.db")
    args = ("--ikp-port", "0", "--pz-port", "0", "--db", database, "--token", TOKEN)
    first = spawn(*args)
    accept_terms_over_http(first.ikp, ANNA)
    with requests.Session() as session:
        assert http_login(session, first.ikp, JAN).url == f"{first.ikp}/ikp"
    code, _, stderr = first.stop()
    assert code == 0
    assert ANNA not in stderr and JAN not in stderr
    assert "022708*****" in stderr
    second = spawn(*args)
    with requests.Session() as session:
        assert http_login(session, second.ikp, ANNA).url == f"{second.ikp}/ikp"
    jan = requests.get(f"{second.ikp}/__sim__/patients/{JAN}", headers={"X-Sim-Token": TOKEN}, timeout=5).json()
    assert jan["session_active"] is True, "Jan left without logging out: the session survives the restart"


@pytest.mark.parametrize(
    "args",
    [["--chaos", "boom=0.1"], ["--chaos", "pz_error=2"], ["--chaos", "pz_error"], ["--chaos", "ikp_down=abc"],
     ["--ikp-port", "x"], ["--pz-port", "70000"], ["--no-such-option"], ["--seed", "x"]],
)
def test_bad_arguments_give_one_line_and_exit_2(args):
    code, stdout, stderr = run_to_exit(*args)
    assert code == 2
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert stderr.startswith("simulator: error:")


def test_port_in_use_gives_one_line_and_exit_2():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, stdout, stderr = run_to_exit("--ikp-port", str(port), "--pz-port", "0", "--token", TOKEN)
    assert code == 2 and stdout == ""
    expected = f"simulator: error: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert stderr.strip().splitlines() == [expected]


def test_an_unusable_database_gives_one_line_and_exit_2(tmp_path):
    not_a_db = tmp_path / "notes.txt"
    not_a_db.write_text("not a database\n" * 200)
    for path in (str(not_a_db), str(tmp_path / "missing" / "x.db")):
        code, stdout, stderr = run_to_exit("--ikp-port", "0", "--pz-port", "0", "--token", TOKEN, "--db", path)
        assert code == 2 and stdout == ""
        assert stderr.strip().splitlines() == [stderr.strip()] and "cannot use the database" in stderr


def test_chaos_at_start_fires_on_logins(spawn):
    process = spawn("--ikp-port", "0", "--pz-port", "0", "--token", TOKEN, "--chaos", "pz_error=1", "--seed", "7")
    with requests.Session() as session:
        response = http_login(session, process.ikp, JAN)
    assert response.status_code == 503 and 'id="pz-error-screen"' in response.text
    requests.post(f"{process.ikp}/__sim__/reset", headers={"X-Sim-Token": TOKEN}, timeout=5)
    faults = requests.get(f"{process.ikp}/__sim__/faults", headers={"X-Sim-Token": TOKEN}, timeout=5).json()
    assert [(f["kind"], f["ratio"], f["seed"], f["background"]) for f in faults] == [("pz_error", 1.0, 7, True)]

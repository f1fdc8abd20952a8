"""Start and stop both origins (iIKP and test PZ), each a threaded waitress server on its own port."""

import logging
import os
import secrets
import shutil
import socket
import tempfile
import threading
import urllib.request

from waitress import create_server, wasyncore

from simulator import baseline, db, faults, variants
from simulator.app import create_ikp_app, create_pz_app
from simulator.markup import MARKUPS
from simulator.spa import DEFAULT_DELAY_MS, UIS
from simulator.web import Settings

log = logging.getLogger("simulator.server")

THREADS = 8
STARTUP_TIMEOUT_S = 10


def _bind(host, port):
    """A listening socket on host:port (port 0: a free one); OSError when it cannot be bound."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as error:
        sock.close()
        raise OSError(error.errno, f"cannot listen on {host}:{port}: {error.strerror}") from None
    return sock


def _base_url(host, sock):
    port = sock.getsockname()[1]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class SimulatorServer:
    """Both origins in this process: start() returns once both answer; stop() shuts them down.

    token None: a random one (see .token); chaos: {kind: ratio} or the --chaos text;
    markup 'random' (markup_seed None: a random seed, see .markup_seed), ui 'spa', spa_delay_ms, admin False:
    see web.Settings. reword: {expected text: shown text}; rename: {baseline name: name here} (kept in the
    database: None keeps what it has); flows: names of variants.VARIANTS.
    """

    def __init__(self, host="127.0.0.1", ikp_port=8081, pz_port=8888, db_path=None, token=None,
                 chaos=None, seed=None, markup="default", markup_seed=None, ui="pages", spa_delay_ms=None,
                 admin=True, reword=None, rename=None, flows=()):
        self.host, self.ikp_port, self.pz_port = host, ikp_port, pz_port
        self._temp_dir = None if db_path else tempfile.mkdtemp(prefix="iikp-sim-")
        self.db_path = db_path or os.path.join(self._temp_dir, "simulator.sqlite3")
        self.token = token or secrets.token_urlsafe(18)
        self.chaos = faults.parse_chaos(chaos) if isinstance(chaos, str) else dict(chaos or {})
        self.seed = seed
        if markup not in MARKUPS or ui not in UIS:
            raise ValueError(f"unknown markup {markup!r} or ui {ui!r}")
        if markup == "random" and markup_seed is None:
            markup_seed = secrets.randbelow(1_000_000)
        self.markup, self.markup_seed, self.ui, self.admin = markup, markup_seed, ui, admin
        self.spa_delay_ms = DEFAULT_DELAY_MS if spa_delay_ms is None else spa_delay_ms
        self.reword = variants.Rewording(reword)
        self.rename = None if rename is None else dict(rename)
        self.flows = variants.parse_variants(flows) if isinstance(flows, str) else frozenset(flows)
        if not self.flows <= set(variants.VARIANTS):
            raise ValueError(f"unknown flow variants {sorted(self.flows - set(variants.VARIANTS))}")
        self.ikp_url = self.pz_url = None
        self._servers, self._threads = [], []
        self._settings = None

    def start(self):
        """Prepare the database, bind both ports, serve, and wait until both health checks answer."""
        db.initialise(self.db_path, baseline.seed)
        conn = db.connect(self.db_path)
        try:
            faults.install_chaos(conn, self.chaos, self.seed)
            if self.rename is not None:
                baseline.rename(conn, self.rename)
        finally:
            conn.close()
        sockets = [_bind(self.host, self.ikp_port)]
        try:
            sockets.append(_bind(self.host, self.pz_port))
        except OSError:
            sockets[0].close()
            raise
        self.ikp_url, self.pz_url = (_base_url(self.host, sock) for sock in sockets)
        self._settings = Settings(self.db_path, self.token, self.ikp_url, self.pz_url, self.markup, self.markup_seed,
                                  self.ui, self.spa_delay_ms, self.admin, self.reword, self.flows)
        apps = (create_ikp_app(self._settings), create_pz_app(self._settings))
        for app, sock in zip(apps, sockets, strict=True):
            server = create_server(app, sockets=[sock], threads=THREADS, ident="iIKP-simulator")
            thread = threading.Thread(target=server.run, name=f"waitress-{sock.getsockname()[1]}", daemon=True)
            thread.start()
            self._servers.append(server)
            self._threads.append(thread)
        try:
            for url in (self.ikp_url, self.pz_url):
                with urllib.request.urlopen(f"{url}/__sim__/health", timeout=STARTUP_TIMEOUT_S) as answer:
                    answer.read()
        except OSError:
            self.stop()
            raise
        return self

    def stop(self):
        """Close both servers from inside their loops, wait for them, drop a temporary database."""
        if self._settings is not None:
            self._settings.stopping.set()  # answers held by a fault end now
        for server in self._servers:
            server.trigger.pull_trigger(lambda server=server: wasyncore.close_all(server._map))
        for thread in self._threads:
            thread.join(timeout=5)
        for server in self._servers:
            server.task_dispatcher.shutdown(timeout=5)
        self._servers, self._threads = [], []
        if self._temp_dir:
            shutil.rmtree(self._temp_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

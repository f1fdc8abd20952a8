"""Start the simulator as its own process and talk to its admin API over HTTP."""

from __future__ import annotations

import logging
import os
import queue
import secrets
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from harness import child_process, metering
from harness.config import PROJECT_ROOT
from harness.errors import ConfigError, SuiteError
from harness.masking import mask_text

log = logging.getLogger("iikp.simulator")

TOKEN_ENV = "IIKP_SIM_TOKEN"


class SimulatorError(SuiteError):
    """The simulator could not be started or refused an admin call."""


@dataclass
class SimulatorProcess:
    """`python -m simulator` on free loopback ports, with its own database in a temporary folder.

    markup "random" (markup_seed None: the simulator picks one), ui "spa" (spa_delay_ms None: its default) and
    admin False (no admin API) serve the same screens differently; db_path: that SQLite file instead, kept on stop.
    reword (an overlay file), rename (an accounts file's [nazwy]) and variants ("confirm-dialog,...") make it
    another iIKP: other words, other names, other flows (docs/simulator-contract.md).
    A random markup's seed is read back from the simulator's output into markup_seed.
    """

    chaos: str = ""
    seed: int | None = None
    start_timeout: float = 20.0
    token: str = field(default_factory=lambda: secrets.token_hex(16))
    ikp_url: str = ""
    pz_url: str = ""
    _process: subprocess.Popen | None = None
    _tmpdir: tempfile.TemporaryDirectory | None = None
    markup: str = "default"
    markup_seed: int | None = None
    ui: str = "pages"
    spa_delay_ms: int | None = None
    admin: bool = True
    db_path: str | None = None
    reword: str = ""
    rename: str = ""
    variants: str = ""

    @classmethod
    def for_settings(cls, settings, **options: Any) -> "SimulatorProcess":
        """The simulator a run's settings ask for (markup, UI, rewording, renaming, flow variants), not started."""
        return cls(markup=settings.markup, ui=settings.ui,
                   markup_seed=settings.markup_seed if settings.markup_seed >= 0 else None,
                   spa_delay_ms=settings.spa_delay_ms if settings.spa_delay_ms >= 0 else None,
                   reword=settings.sim_reword, rename=settings.sim_rename, variants=settings.sim_variants, **options)

    def start(self) -> "SimulatorProcess":
        """Start the process and return once it printed both base URLs (it prints them once it answers)."""
        if self.db_path:
            database = self.db_path
        else:
            self._tmpdir = tempfile.TemporaryDirectory(prefix="iikp-sim-")
            database = str(Path(self._tmpdir.name) / "iikp.sqlite3")
        cmd = [sys.executable, "-m", "simulator", "--ikp-port", "0", "--pz-port", "0", "--db", database]
        if self.chaos:
            cmd += ["--chaos", self.chaos]
        if self.seed is not None:
            cmd += ["--seed", str(self.seed)]
        if self.markup != "default":
            cmd += ["--markup", self.markup]
        if self.markup_seed is not None:
            cmd += ["--markup-seed", str(self.markup_seed)]
        if self.ui != "pages":
            cmd += ["--ui", self.ui]
        if self.spa_delay_ms is not None:
            cmd += ["--spa-delay-ms", str(self.spa_delay_ms)]
        if not self.admin:
            cmd.append("--no-admin")
        for option, value in (("--reword", self.reword), ("--rename", self.rename), ("--variant", self.variants)):
            if value:
                cmd += [option, str(value)]
        env = {**os.environ, TOKEN_ENV: self.token, "PYTHONUNBUFFERED": "1"}
        # Apart from the terminal's signals (harness.child_process): on Ctrl+C the run still logs out
        # on it, then stops it.
        self._process = subprocess.Popen(cmd, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                                         stderr=subprocess.STDOUT, text=True, encoding="utf-8",
                                         **child_process.apart())
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(lines,), daemon=True).start()
        output: list[str] = []
        while not (self.ikp_url and self.pz_url):
            try:
                line = lines.get(timeout=self.start_timeout)
            except queue.Empty:
                self.stop()
                raise SimulatorError(f"Symulator nie wystartował w {self.start_timeout:g} s.") from None
            if line is None:
                self.stop()
                tail = " | ".join(output[-5:])
                raise SimulatorError(f"Symulator zakończył się przy starcie: {tail}")
            output.append(line)
            if line.startswith("iIKP: "):
                self.ikp_url = _origin(line[len("iIKP: "):])
            elif line.startswith("PZ: "):
                self.pz_url = _origin(line[len("PZ: "):])
            elif line.startswith("Markup: ") and self.markup_seed is None:
                self.markup_seed = int(line.rsplit(" ", 1)[1])
        return self

    def _pump(self, lines: "queue.Queue[str | None]") -> None:
        assert self._process and self._process.stdout
        for line in self._process.stdout:
            line = line.rstrip("\n")
            lines.put(line)
            log.debug("simulator: %s", mask_text(line))
        lines.put(None)

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 10 s) and remove its temporary database."""
        if self._process and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._tmpdir:
            self._tmpdir.cleanup()
            self._tmpdir = None


def _origin(url: str) -> str:
    """http://127.0.0.1:8081/ikp/zaloguj -> http://127.0.0.1:8081"""
    scheme, rest = url.strip().split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


class AdminClient:
    """The simulator's admin API (`/__sim__/`), used by `Zakładając` steps to arrange state.

    It remembers which run-wide things a scenario changed (clock, faults, facilities), so that
    `restore()` can put them back after the scenario.
    """

    def __init__(self, base_url: str, token: str, timeout: float = 10.0):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self._http = requests.Session()
        self._http.headers["X-Sim-Token"] = token
        self._dirty: set[str] = set()
        # The scenario's current persona (set by use_persona): faults and the date are limited to it,
        # so that parallel workers sharing this simulator never see each other's arranged state.
        self.patient_scope: str | None = None
        # In a parallel worker, run-wide changes (facility switches, an unscoped date or fault) would
        # hit other workers' scenarios: refuse them and say to tag the scenario @serial.
        self.shared_changes_allowed = True
        self._scoped: set[str] = set()

    @metering.timed_admin_call
    def call(self, method: str, path: str, body: Any = None, **params: Any) -> Any:
        """One admin call; returns the decoded JSON answer, raises SimulatorError on any non-2xx."""
        url = f"{self.base_url}/__sim__/{path.lstrip('/')}"
        try:
            response = self._http.request(method, url, json=body, params=params or None, timeout=self.timeout)
        except requests.RequestException as exc:
            raise SimulatorError(f"Symulator nie odpowiada ({method} {path}): {exc}") from None
        if response.status_code >= 400:
            raise SimulatorError(mask_text(
                f"Symulator odrzucił {method} {path}: HTTP {response.status_code} {response.text[:300]}"))
        return response.json() if response.content else None

    # -- whole simulator ---------------------------------------------------------------------------
    def health(self) -> dict:
        return self.call("GET", "health")

    def reset(self) -> None:
        self.call("POST", "reset")
        self._dirty.clear()

    def events(self, pesel: str | None = None, kind: str | None = None, since: int | None = None) -> list[dict]:
        params = {k: v for k, v in (("pesel", pesel), ("kind", kind), ("since", since)) if v is not None}
        return self.call("GET", "events", **params)

    # -- patients ----------------------------------------------------------------------------------
    def patients(self) -> list[dict]:
        return self.call("GET", "patients")

    def patient(self, pesel: str) -> dict:
        return self.call("GET", f"patients/{pesel}")

    def reset_patient(self, pesel: str) -> None:
        self.call("POST", f"patients/{pesel}/reset")

    def update_patient(self, pesel: str, **changes: Any) -> dict:
        return self.call("PATCH", f"patients/{pesel}", changes)

    def add_consent(self, pesel: str, **consent: Any) -> dict:
        return self.call("POST", f"patients/{pesel}/consents", consent)

    def add_prescription(self, pesel: str, **prescription: Any) -> dict:
        return self.call("POST", f"patients/{pesel}/prescriptions", prescription)

    def add_order(self, pesel: str, **order: Any) -> dict:
        return self.call("POST", f"patients/{pesel}/orders", order)

    def add_declaration(self, pesel: str, **declaration: Any) -> dict:
        return self.call("POST", f"patients/{pesel}/declarations", declaration)

    # -- the doctor and the facility ---------------------------------------------------------------
    def order_action(self, order_id: int, action: str, comment: str | None = None) -> dict:
        """action: start, fulfil or reject."""
        return self.call("POST", f"orders/{order_id}/{action}", {"comment": comment} if comment else {})

    def declaration_action(self, declaration_id: int, action: str, comment: str | None = None) -> dict:
        """action: accept or reject."""
        return self.call("POST", f"declarations/{declaration_id}/{action}", {"comment": comment} if comment else {})

    # -- run-wide state, restored after each scenario ----------------------------------------------
    def facilities(self) -> list[dict]:
        return self.call("GET", "facilities")

    def set_facility(self, facility_id: int, **changes: Any) -> dict:
        self._shared_change("przełącznik placówki")
        self._dirty.add("facilities")
        return self.call("PATCH", f"facilities/{facility_id}", changes)

    def _scope(self, body: dict, what: str) -> dict:
        """Limit a date or fault change to the scenario's persona; without one it is run-wide."""
        if self.patient_scope and "pesel" not in body:
            body = {**body, "pesel": self.patient_scope}
        if "pesel" in body:
            self._scoped.add(body["pesel"])
        else:
            self._shared_change(what)
        return body

    def _shared_change(self, what: str) -> None:
        if not self.shared_changes_allowed:
            raise SimulatorError(f"Scenariusz zmienia stan wspólny dla wszystkich procesów ({what}) w przebiegu "
                                 "równoległym: oznacz go tagiem @serial albo najpierw użyj persony.")

    def today(self) -> str:
        """The date for the scenario's persona (its own, else the run-wide one)."""
        params = {"pesel": self.patient_scope} if self.patient_scope else {}
        return self.call("GET", "clock", **params)["today"]

    def set_today(self, iso_date: str) -> None:
        self._dirty.add("clock")
        self.call("PUT", "clock", self._scope({"today": iso_date}, "data symulatora"))

    def advance_days(self, days: int) -> None:
        self._dirty.add("clock")
        self.call("POST", "clock/advance", self._scope({"days": days}, "data symulatora"))

    def add_fault(self, kind: str, **options: Any) -> dict:
        self._dirty.add("faults")
        return self.call("POST", "faults", self._scope({"kind": kind, **options}, f"awaria {kind}"))

    def clear_faults(self, pesel: str | None = None) -> None:
        self.call("DELETE", "faults", **({"pesel": pesel} if pesel else {}))

    def snapshot(self) -> dict:
        """The run-wide state worth restoring after each scenario: the date and the facility switches."""
        clock = self.call("GET", "clock")
        return {"today": clock["today"] if clock["simulated"] else None, "facilities": self.facilities()}

    def restore(self, snapshot: dict) -> None:
        """Undo the changes the last scenario made (faults, dates, facility switches); forget its persona."""
        scoped, self._scoped = self._scoped, set()
        if "faults" in self._dirty:
            for pesel in scoped:
                self.clear_faults(pesel)
        if "clock" in self._dirty:
            for pesel in scoped:
                self.call("PUT", "clock", {"today": None, "pesel": pesel})
        if self.shared_changes_allowed:
            if "faults" in self._dirty:
                self.clear_faults()
            if "clock" in self._dirty:
                self.call("PUT", "clock", {"today": snapshot["today"]})
            if "facilities" in self._dirty:
                for facility in snapshot["facilities"]:
                    self.call("PATCH", f"facilities/{facility['id']}", {"orders_enabled": facility["orders_enabled"]})
        self._dirty.clear()
        self.patient_scope = None


def reach_simulator(settings) -> tuple[SimulatorProcess | None, str, str, str]:
    """(process or None, ikp_url, pz_url, admin token) of the simulator the settings name: the one at base_url
    (its token from the environment), else a new one started here (the caller stops it)."""
    from harness import preflight

    if settings.base_url:
        token = os.environ.get(TOKEN_ENV, "")
        if not token:
            raise ConfigError(TOKEN_ENV, f"przy base_url symulatora podaj jego token w zmiennej środowiskowej "
                                         f"{TOKEN_ENV}.")
        return None, settings.base_url, settings.pz_url or preflight.pz_origin_of(settings.base_url), token
    process = SimulatorProcess.for_settings(settings).start()
    return process, process.ikp_url, process.pz_url, process.token

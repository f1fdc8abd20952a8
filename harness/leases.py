"""Exclusive leases on test patient accounts that hold across processes (seed: one person per account).

A lease is an OS file lock (the `filelock` package, flock on Linux) on a file named after a hash of
the account, never its PESEL in clear. An account is a PESEL *in one environment* (the iIKP address):
the same PESEL in another run's own simulator is another account, so runs never wait for each other
there, while every process on the real iIKP (or on one shared simulator) shares the leases.
The operating system drops the lock when its process ends, so a crashed, killed or interrupted
worker can never leave an account taken.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from filelock import FileLock, Timeout

from harness.errors import SuiteError

LEASE_DIR_ENV = "IIKP_LEASE_DIR"
DEFAULT_DIR = Path(tempfile.gettempdir()) / "iikp-leases"


class AccountBusy(SuiteError):
    """The account stayed leased by another process for longer than the lease timeout."""

    exit_code = 1


def lease_dir() -> Path:
    """Where the lock files live: $IIKP_LEASE_DIR, else one folder in the system temp dir for the machine."""
    folder = Path(os.environ.get(LEASE_DIR_ENV) or DEFAULT_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def lock_path(pesel: str, folder: Path | None = None, environment: str = "") -> Path:
    digest = hashlib.sha256(f"iikp-account:{environment}:{pesel}".encode()).hexdigest()[:24]
    return (folder or lease_dir()) / f"{digest}.lock"


class Leases:
    """The accounts one scenario holds; `acquire` waits up to `timeout`, `release_all` frees them all."""

    def __init__(self, timeout: float, folder: Path | None = None, environment: str = ""):
        self.timeout = timeout
        self.folder = folder
        self.environment = environment  # the iIKP address: accounts of other environments are other accounts
        self._held: dict[str, FileLock] = {}
        self.waited_s = 0.0

    def acquire(self, pesel: str, name: str) -> None:
        """Take the account (re-entrant within the scenario); raise AccountBusy after the timeout."""
        if pesel in self._held:
            return
        lock = FileLock(lock_path(pesel, self.folder, self.environment), thread_local=False,
                        preserve_lock_file=True)
        started = time.perf_counter()
        try:
            lock.acquire(timeout=self.timeout, poll_interval=0.05)
        except Timeout:
            raise AccountBusy(
                f"Konto „{name}” jest zajęte przez inny proces zestawu dłużej niż {self.timeout:g} s "
                "(zasada CeZ: jedno konto = jedna osoba naraz). Zmniejsz liczbę procesów (WORKERS), "
                "zwiększ lease_timeout albo dodaj konto tej persony.") from None
        finally:
            self.waited_s += time.perf_counter() - started
        self._held[pesel] = lock

    def held(self) -> list[str]:
        return list(self._held)

    def release_all(self) -> None:
        """Free every account this scenario took; never raises."""
        while self._held:
            _, lock = self._held.popitem()
            try:
                lock.release(force=True)
            except OSError:
                pass

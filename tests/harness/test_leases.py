"""Account leases: several processes contend for the same accounts; no two ever hold one at once."""

import json
import multiprocessing
import os
import signal
import time

import pytest

from harness.leases import AccountBusy, Leases, lock_path

ACCOUNTS = ["80011512354", "02270803624"]


def _contend(folder, journal, rounds):
    """Take a random account many times, recording each hold interval (monotonic clock, one line each)."""
    import random

    leases = Leases(timeout=30, folder=folder)
    rng = random.Random(os.getpid())
    for _ in range(rounds):
        pesel = rng.choice(ACCOUNTS)
        leases.acquire(pesel, "Jan Nowak")
        start = time.monotonic()
        time.sleep(rng.uniform(0.001, 0.01))
        end = time.monotonic()
        leases.release_all()
        with open(journal, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"pesel": pesel, "start": start, "end": end, "pid": os.getpid()}) + "\n")


def test_processes_never_hold_one_account_at_once(tmp_path):
    journal = tmp_path / "holds.jsonl"
    processes = [multiprocessing.Process(target=_contend, args=(tmp_path, journal, 25)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    holds = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines()]
    assert len(holds) == 6 * 25
    for pesel in ACCOUNTS:
        spans = sorted((h["start"], h["end"], h["pid"]) for h in holds if h["pesel"] == pesel)
        assert len({pid for _, _, pid in spans}) > 1, "several processes must have contended"
        for (_, first_end, _), (second_start, _, _) in zip(spans, spans[1:], strict=False):
            assert first_end <= second_start, f"overlapping holds of one account: {spans}"


def _hold_forever(folder, ready):
    leases = Leases(timeout=5, folder=folder)
    leases.acquire(ACCOUNTS[0], "Jan Nowak")
    ready.set()
    time.sleep(60)
    leases.release_all()


def test_a_busy_account_times_out_clearly_and_a_killed_holder_frees_it(tmp_path):
    ready = multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold_forever, args=(tmp_path, ready))
    holder.start()
    assert ready.wait(20)
    leases = Leases(timeout=0.3, folder=tmp_path)
    with pytest.raises(AccountBusy, match="Konto „Jan Nowak” jest zajęte"):
        leases.acquire(ACCOUNTS[0], "Jan Nowak")
    leases.acquire(ACCOUNTS[1], "Anna Kowalska")
    os.kill(holder.pid, signal.SIGKILL)
    holder.join(10)
    leases.timeout = 5
    leases.acquire(ACCOUNTS[0], "Jan Nowak")
    assert sorted(leases.held()) == sorted(ACCOUNTS)
    leases.release_all()
    assert leases.held() == []


def test_lock_files_do_not_name_the_pesel(tmp_path):
    assert ACCOUNTS[0] not in str(lock_path(ACCOUNTS[0], tmp_path))


def test_one_pesel_in_two_environments_is_two_accounts(tmp_path):
    """Two runs, each with its own simulator, never wait for each other; one environment is shared."""
    own = Leases(timeout=0.2, folder=tmp_path, environment="http://127.0.0.1:40001")
    other_run = Leases(timeout=0.2, folder=tmp_path, environment="http://127.0.0.1:40002")
    same_environment = Leases(timeout=0.2, folder=tmp_path, environment="http://127.0.0.1:40001")
    own.acquire(ACCOUNTS[0], "Jan Nowak")
    other_run.acquire(ACCOUNTS[0], "Jan Nowak")
    with pytest.raises(AccountBusy):
        same_environment.acquire(ACCOUNTS[0], "Jan Nowak")
    own.release_all()
    other_run.release_all()

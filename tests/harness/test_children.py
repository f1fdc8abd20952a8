"""A tool stopped by SIGTERM lets its running child clean up (tools.children), where subprocess.run kills it."""

import signal
import subprocess
import sys

import pytest

from harness.config import PROJECT_ROOT

# The child: like behave under harness.run_guard, it cleans up on SIGTERM (here: writes a file).
CHILD = """
import pathlib, signal, sys
def clean_up(signum, frame):
    pathlib.Path(sys.argv[1]).write_text("posprzątane")
    sys.exit(143)
signal.signal(signal.SIGTERM, clean_up)
print("gotowe", flush=True)
signal.pause()
"""

# The tool: runs the child the way given, and says when it was interrupted.
TOOL = """
import subprocess, sys
from tools import children
children.stop_like_ctrl_c()
command = [sys.executable, "-c", sys.argv[3], sys.argv[1]]
try:
    if sys.argv[2] == "children":
        children.run(command)
    else:
        subprocess.run(command)
except KeyboardInterrupt:
    print("przerwano", flush=True)
"""


@pytest.mark.parametrize("how, cleaned", [("children", True), ("subprocess.run", False)])
def test_sigterm_to_the_tool_lets_its_child_clean_up(tmp_path, how, cleaned):
    marker = tmp_path / "child-cleaned"
    tool = subprocess.Popen([sys.executable, "-c", TOOL, str(marker), how, CHILD], cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, text=True)
    try:
        assert tool.stdout.readline().strip() == "gotowe"  # the child runs
        tool.send_signal(signal.SIGTERM)  # to the tool only, as a CI timeout or `kill` would
        rest, _ = tool.communicate(timeout=30)
    finally:
        tool.kill()
    assert "przerwano" in rest, rest
    assert marker.exists() is cleaned

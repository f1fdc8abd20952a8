"""The rooms keep to their jobs: a behave run loads nothing from tools/, and pages/ loads nothing from harness/."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# What a behave run of this project imports: its hooks, its formatter and every step module.
_RUN_IMPORTS = """
import importlib.util, json, sys
from behave.runner_util import load_step_modules
spec = importlib.util.spec_from_file_location("environment", "features/environment.py")
spec.loader.exec_module(importlib.util.module_from_spec(spec))
import harness.allure_formatter
load_step_modules(["features/steps"])
print(json.dumps(sorted(sys.modules)))
"""

_PAGES_IMPORTS = """
import importlib, json, pkgutil, sys
import pages
for info in pkgutil.walk_packages(pages.__path__, "pages."):
    importlib.import_module(info.name)
print(json.dumps(sorted(sys.modules)))
"""


def _modules_loaded_by(script: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", script], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return json.loads(done.stdout)


def test_a_behave_run_imports_nothing_from_the_tools_room():
    loaded = _modules_loaded_by(_RUN_IMPORTS)
    assert "harness.lifecycle" in loaded and "pages.base" in loaded  # the run's own modules did load
    assert [name for name in loaded if name == "tools" or name.startswith("tools.")] == []


def test_pages_import_nothing_from_the_harness():
    loaded = _modules_loaded_by(_PAGES_IMPORTS)
    assert "pages.flows" in loaded
    assert [name for name in loaded if name == "harness" or name.startswith("harness.")] == []


def test_a_run_loads_the_measurement_only_when_it_is_measured():
    loaded = _modules_loaded_by(_RUN_IMPORTS)
    assert "harness.metering" in loaded  # the hooks are there, as one `if` each
    assert [name for name in loaded if name.startswith("harness.measure")] == []
    measured = _modules_loaded_by(_RUN_IMPORTS.replace("print(", "from harness import metering\nmetering.enable()\n"
                                                                   "print(", 1))
    assert "harness.measure.timing" in measured

"""The committed step catalogue is generated from the registry and up to date."""

import subprocess
import sys

from harness.config import PROJECT_ROOT
from tools.isolated_run import isolated_ini


def test_committed_catalogue_is_up_to_date():
    run = subprocess.run([sys.executable, "-m", "tools.catalogue", "--check"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr + "\nRun `make kroki` and commit docs/kroki.md."


def test_every_step_used_in_the_features_is_listed(tmp_path):
    catalogue = (PROJECT_ROOT / "docs" / "kroki.md").read_text(encoding="utf-8")
    cwd = isolated_ini(tmp_path, tmp_path / "results")  # the dry run's Allure output stays out of reports/
    run = subprocess.run([sys.executable, "-m", "behave", "--dry-run", "--no-junit", "-f", "steps.usage",
                          "-o", "/dev/null"], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    for definition in sorted({line.split("#")[-1].strip() for line in run.stdout.splitlines()
                              if "features/steps/" in line}):
        assert definition.split(":")[0] in catalogue

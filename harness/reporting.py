"""Everything the suite puts into the Allure results: attachments (masked) and the run's metadata files."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import allure
import allure_commons
from allure_behave.listener import AllureListener
from allure_commons.model2 import Label, Parameter
from allure_commons.types import AttachmentType

from harness.browser import grid_session
from harness.config import Settings
from harness.masking import mask_data, mask_text

# Categories of failures, in Polish; the same file feeds allurerc.mjs (Allure 3 reads them from its config).
CATEGORIES_FILE = Path(__file__).with_name("allure_categories.json")
CATEGORIES = json.loads(CATEGORIES_FILE.read_text(encoding="utf-8"))


def attach_text(name: str, text: str, kind: AttachmentType = AttachmentType.TEXT) -> None:
    allure.attach(mask_text(text), name=name, attachment_type=kind)


def attach_json(name: str, data) -> None:
    allure.attach(json.dumps(mask_data(data), ensure_ascii=False, indent=2), name=name,
                  attachment_type=AttachmentType.JSON)


def attach_png(name: str, png: bytes) -> None:
    allure.attach(png, name=name, attachment_type=AttachmentType.PNG)


def record_grid_session(driver, remote_url: str) -> None:
    """Name on the running scenario's Allure result the Selenium Grid node and session its browser runs on.

    allure-behave ignores allure.dynamic labels, so the result is reached through the run's listener.
    Parameters (left out of the history id) show in the report; labels `grid_node`/`grid_session` are for
    tools. A scenario that takes a second browser (a new private window) lists both, comma-separated.
    """
    found = grid_session(driver, remote_url)
    listeners = [p for p in allure_commons.plugin_manager.get_plugins() if isinstance(p, AllureListener)]
    running = listeners[0].current_scenario_uuid if found and listeners else None
    result = listeners[0].logger.get_test(running) if running else None
    if result is None:
        return
    result.parameters = result.parameters or []  # allure-behave leaves None outside a Scenario Outline
    for key, name, value in (("grid_node", "Selenium Grid: węzeł", found.get("node", "?")),
                             ("grid_session", "Selenium Grid: sesja", found["session"])):
        if not any(label.name == key and label.value == value for label in result.labels):
            result.labels.append(Label(name=key, value=value))
        shown = next((p for p in result.parameters if p.name == name), None)
        if shown is None:
            result.parameters.append(Parameter(name=name, value=value, excluded=True))
        elif value not in shown.value.split(", "):
            shown.value = f"{shown.value}, {value}"


def results_dir(config) -> Path | None:
    """The folder the Allure formatter of this behave run writes to, or None without that formatter."""
    formats = list(config.format or [])
    outfiles = list(config.outfiles or [])
    for index, name in enumerate(formats):
        if "allure" in name.lower() and index < len(outfiles):
            return Path(outfiles[index])
    return None


RUN_VARIABLES_FILE = "iikp-zmienne.json"  # allurerc.mjs shows it as the report's variables (Polish keys)


def run_variables(settings: Settings, ikp_url: str, pz_url: str, browser: str) -> dict[str, str]:
    """The run's settings a reader of the report needs, under Polish names."""
    on_simulator = settings.uses_simulator  # its addresses are local ports of the moment, never worth showing
    grid = settings.remote_url or "nie (przeglądarka na tej maszynie)"  # grid=local: its own Grid's address
    return {
        "Cel": "symulator" if settings.uses_simulator else "prawdziwe iIKP",
        "Adres iIKP": "symulator" if on_simulator else ikp_url,
        "Adres testowego Profilu Zaufanego": "symulator" if on_simulator else pz_url,
        "Przeglądarka": browser or settings.browser,
        "Tryb bez okna": "tak" if settings.headless else "nie",
        "Kod HTML ekranów": settings.markup if settings.uses_simulator else "prawdziwego iIKP",
        "Interfejs": {"pages": "strony", "spa": "jednostronicowy (SPA)"}.get(settings.ui, settings.ui)
        if settings.uses_simulator else "prawdziwego iIKP",
        "Selenium Grid": grid,
        "Python": platform.python_version(),
    }


def executor(environ=os.environ) -> dict:
    """Allure's executor: the CI job and its link, from GitLab CI's, GitHub Actions' or Jenkins' own variables."""
    report = {"reportName": "iIKP: testy akceptacyjne"}
    if environ.get("GITLAB_CI"):
        return {**report, "name": "GitLab CI", "type": "gitlab", "url": environ.get("CI_PROJECT_URL", ""),
                "buildName": f"{environ.get('CI_JOB_NAME', '')} #{environ.get('CI_JOB_ID', '')}",
                "buildOrder": _number(environ.get("CI_PIPELINE_IID")),
                "buildUrl": environ.get("CI_JOB_URL", environ.get("CI_PIPELINE_URL", ""))}
    if environ.get("GITHUB_ACTIONS"):
        server, repository, run = (environ.get("GITHUB_SERVER_URL", "https://github.com"),
                                   environ.get("GITHUB_REPOSITORY", ""), environ.get("GITHUB_RUN_ID", ""))
        return {**report, "name": "GitHub Actions", "type": "github", "url": f"{server}/{repository}",
                "buildName": f"{environ.get('GITHUB_WORKFLOW', '')} #{environ.get('GITHUB_RUN_NUMBER', '')}",
                "buildOrder": _number(environ.get("GITHUB_RUN_NUMBER")),
                "buildUrl": f"{server}/{repository}/actions/runs/{run}" if repository and run else ""}
    if environ.get("JENKINS_URL") or environ.get("BUILD_URL"):
        return {**report, "name": "Jenkins", "type": "jenkins", "url": environ.get("JENKINS_URL", ""),
                "buildName": environ.get("BUILD_DISPLAY_NAME") or f"{environ.get('JOB_NAME', '')} "
                                                                 f"#{environ.get('BUILD_NUMBER', '')}",
                "buildOrder": _number(environ.get("BUILD_NUMBER")), "buildUrl": environ.get("BUILD_URL", "")}
    return {**report, "name": "lokalnie" if not environ.get("CI") else "CI", "type": "local" if not
            environ.get("CI") else "ci", "buildName": "behave", "buildUrl": ""}


def _number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


def write_run_files(folder: Path, settings: Settings, ikp_url: str, pz_url: str, browser: str) -> None:
    """The report's variables (iikp-zmienne.json, for allurerc.mjs), executor.json and categories.json
    (allure-behave writes none of them)."""
    folder.mkdir(parents=True, exist_ok=True)
    variables = run_variables(settings, ikp_url, pz_url, browser)
    (folder / RUN_VARIABLES_FILE).write_text(json.dumps(mask_data(variables), ensure_ascii=False, indent=2),
                                             encoding="utf-8")
    found = {key: value for key, value in executor().items() if value not in (None, "")}
    (folder / "executor.json").write_text(json.dumps(found, ensure_ascii=False, indent=2), encoding="utf-8")
    (folder / "categories.json").write_text(json.dumps(CATEGORIES, ensure_ascii=False, indent=2),
                                            encoding="utf-8")


def junit_dir(config) -> Path | None:
    """The folder behave writes its JUnit XML to in this run, or None when JUnit is off."""
    if not getattr(config, "junit", False):
        return None
    return Path(config.junit_directory or "reports")


def report_cleanup_failure(scenario, failures) -> None:
    """A separate Allure result for a scenario's failed clean-up (category „Sprzątanie konta nie powiodło się”),
    so that the scenario's own result is never changed by it."""
    import time
    import uuid

    import allure_commons
    from allure_commons.model2 import Label, Status, StatusDetails, TestResult

    now = int(time.time() * 1000)
    name = f"Sprzątanie po scenariuszu: {scenario.name}"
    message = "Sprzątanie nie powiodło się: " + "; ".join(f"„{f.label}”: {f.error}" for f in failures)
    result = TestResult(
        uuid=str(uuid.uuid4()), name=name, fullName=f"{scenario.location}: {name}",
        historyId=f"cleanup:{scenario.location}", start=now, stop=now, status=Status.BROKEN,
        statusDetails=StatusDetails(message=mask_text(message),
                                    trace=mask_text("\n".join(f.details for f in failures))),
        labels=[Label(name="suite", value="Sprzątanie kont"), Label(name="story", value=scenario.feature.name),
                Label(name="feature", value=scenario.feature.name)])
    allure_commons.plugin_manager.hook.report_result(result=result)


def attach_environment_failure(failure) -> None:
    """Where and when an error screen of instrukcja CeZ pkt 3 showed, or a page did not load: an attachment, so
    that the failure's message stays one per kind (the report's categories group by it)."""
    seen = failure.seen.format(screen=failure.screen)
    lines = [seen[0].upper() + seen[1:], f"Adres: {failure.url}", f"Czas: {failure.at}"]
    if getattr(failure, "detail", ""):
        lines.append(f"Szczegóły: {failure.detail}")
    attach_text("Awaria środowiska: adres i czas", "\n".join(lines))

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


def write_run_files(folder: Path, settings: Settings, ikp_url: str, pz_url: str, browser: str) -> None:
    """environment.properties, executor.json and categories.json (allure-behave writes none of them)."""
    folder.mkdir(parents=True, exist_ok=True)
    properties = {
        "Cel": settings.target,
        "iIKP": ikp_url,
        "Profil.Zaufany": pz_url,
        "Przegladarka": browser or settings.browser,
        "Tryb.bez.okna": str(settings.headless).lower(),
        "Selenium.Grid": settings.remote_url or "-",
        "Python": platform.python_version(),
    }
    lines = [f"{key}={value}" for key, value in properties.items()]
    (folder / "environment.properties").write_text("\n".join(lines) + "\n", encoding="utf-8")
    executor = {"name": os.environ.get("CI_NAME") or ("CI" if os.environ.get("CI") else "lokalnie"),
                "type": "ci" if os.environ.get("CI") else "local",
                "buildName": os.environ.get("CI_BUILD_NAME", "behave"),
                "buildUrl": os.environ.get("CI_BUILD_URL", ""), "reportName": "iIKP: testy akceptacyjne"}
    (folder / "executor.json").write_text(json.dumps(executor, ensure_ascii=False, indent=2), encoding="utf-8")
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

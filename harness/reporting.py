"""Everything the suite puts into the Allure results: attachments (masked) and the run's metadata files."""

from __future__ import annotations

import json
import os
import platform
from pathlib import Path

import allure
from allure_commons.types import AttachmentType

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

"""allure-behave's formatter: epics from area tags, links to instrukcja CeZ, masked PESELs.

A dry run writes nothing, neither Allure results nor JUnit (it runs no scenario, so it has nothing to
report). A real run starts a fresh results folder, unless `append_results` is true or the process is a
worker of a parallel run (its parent prepared the folder), so that results of an earlier, unrelated run
never mix into the new report.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import socket
import traceback
import uuid
from pathlib import Path

import allure_behave.listener as allure_listener_module
import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_behave.utils import step_status, step_status_details
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Link, StatusDetails
from allure_commons.types import LabelType
from allure_commons.utils import get_testplan
from attr import asdict
from behave.formatter.base import Formatter
from behave.model import Status

from harness.config import ENV_PREFIX, PROJECT_ROOT, _bool
from harness.errors import ConfigError
from harness.masking import mask_data, mask_text
from harness.parallel_worker import PARALLEL_DIR_ENV

# Area tag -> Allure epic (see README, "Tagi").
EPICS = {
    "logowanie": "Logowanie",
    "pierwsze-logowanie": "Logowanie",
    "dane-kontaktowe": "Logowanie",
    "wylogowanie": "Logowanie",
    "zgody": "Zgody",
    "e-recepta": "E-recepta",
    "deklaracja-poz": "Deklaracja POZ",
    "obsluga-bledow": "Obsługa błędów",
}
JOURNEYS_TAG = "sciezki"  # cross-area journeys: one epic of their own
JOURNEYS_EPIC = "Ścieżki pacjenta"
INSTRUCTION_TAG_PREFIX = "instrukcja-"
INSTRUCTION_PAGE = "instrukcja-iikp.html"  # make report writes it next to index.html (tools/instrukcja_html.py)
DOCS_KEY = "docs_url"


def epic_of(feature_tags: list[str], scenario_tags: list[str]) -> str | None:
    """One epic per scenario: its feature's area; a journey's feature („Ścieżki pacjenta”), or a scenario
    whose own tags name several areas, counts once, in „Ścieżki pacjenta”."""
    if JOURNEYS_TAG in feature_tags:
        return JOURNEYS_EPIC
    for tag in feature_tags:
        if tag in EPICS:
            return EPICS[tag]
    own = list(dict.fromkeys(EPICS[tag] for tag in scenario_tags if tag in EPICS))
    if len(own) > 1:
        return JOURNEYS_EPIC
    return own[0] if own else None


def instruction_url(environ=os.environ) -> str:
    """Where „Instrukcja CeZ” opens: the repository's page in GitLab CI / GitHub Actions, else the copy that
    make report writes next to the local report (an absolute file:// address)."""
    if environ.get("CI_PROJECT_URL") and environ.get("CI_COMMIT_SHA"):
        return f"{environ['CI_PROJECT_URL']}/-/blob/{environ['CI_COMMIT_SHA']}/docs/instrukcja-iikp.md"
    if environ.get("GITHUB_SERVER_URL") and environ.get("GITHUB_REPOSITORY") and environ.get("GITHUB_SHA"):
        return (f"{environ['GITHUB_SERVER_URL']}/{environ['GITHUB_REPOSITORY']}/blob/{environ['GITHUB_SHA']}"
                "/docs/instrukcja-iikp.md")
    return (PROJECT_ROOT / "reports" / "allure-report" / INSTRUCTION_PAGE).as_uri()


def extra_labels_and_links(feature_tags: list[str], scenario_tags: list[str], feature_name: str,
                           docs_url: str) -> tuple[list[Label], list[Link]]:
    """The epic, the story (the feature) and absolute links to the points of instrukcja CeZ."""
    epic = epic_of(feature_tags, scenario_tags)
    labels = [Label(name=LabelType.EPIC, value=epic)] if epic else []
    labels.append(Label(name=LabelType.STORY, value=feature_name))
    links = []
    for tag in dict.fromkeys([*feature_tags, *scenario_tags]):
        if tag.startswith(INSTRUCTION_TAG_PREFIX):
            section = tag[len(INSTRUCTION_TAG_PREFIX):]
            anchor = "pkt-" + section.replace(".", "-")
            links.append(Link(type="link", url=f"{docs_url}#{anchor}", name=f"Instrukcja CeZ, pkt {section}"))
    return labels, links


# What a results folder holds: allure-commons' files, the run files of harness.reporting, unfinished writes.
RESULT_PATTERNS = ("*-result.json", "*-container.json", "*-attachment.*", "*-globals.json",
                   "environment.properties", "executor.json", "categories.json", "iikp-zmienne.json", "*.tmp")
APPEND_KEY = "append_results"


def setting(config, key: str, default: str = "") -> str:
    """A configuration key as the run's settings read it (-D > IIKP_<KEY> > behave.ini), before before_all."""
    defines = dict(config.userdata_defines or [])
    return str(defines.get(key, os.environ.get(ENV_PREFIX + key.upper(), (config.userdata or {}).get(key, default))))


def append_requested(config) -> bool:
    """`append_results` as the run's settings read it; bad value: False (before_all then stops the run with a
    message naming the key)."""
    raw = setting(config, APPEND_KEY, "false")
    try:
        return _bool(APPEND_KEY, str(raw))
    except ConfigError:
        return False


def clear_results(folder: Path) -> int:
    """Remove the Allure files of an earlier run from `folder` (and nothing else); returns how many."""
    removed = 0
    for pattern in RESULT_PATTERNS:
        for path in folder.glob(pattern):
            if path.is_file():
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def thread_label(config) -> str:
    """The timeline's lane of this process: the parallel worker's number, else the process id."""
    worker = (config.userdata or {}).get("worker_id")
    return f"proces {worker}" if worker not in (None, "") else f"pid {os.getpid()}"


OWN_CODE = tuple(str(PROJECT_ROOT / folder) for folder in ("features", "pages", "harness", "tools"))
OWN_MODULES = ("pages.", "harness.", "features.", "steps.", "tools.")


def failure_message(exception: BaseException) -> str:
    """The project's exceptions and assertions speak Polish already: their text alone; anything else also
    names its kind (e.g. a Selenium TimeoutException)."""
    text = str(exception).strip()
    if isinstance(exception, AssertionError) or type(exception).__module__.startswith(OWN_MODULES):
        return text or type(exception).__name__
    return f"{type(exception).__name__}: {text}" if text else type(exception).__name__


def project_trace(exc_traceback) -> str | None:
    """The traceback's frames in the project's own code (steps, pages, harness), not behave's, hamcrest's
    or Selenium's."""
    if exc_traceback is None:
        return None
    if isinstance(exc_traceback, list):  # behave may hand over formatted lines
        return "\n".join(exc_traceback)
    frames = []
    for frame in traceback.extract_tb(exc_traceback):
        path = os.path.abspath(frame.filename)  # behave runs step files by a path relative to its cwd
        if path.startswith(OWN_CODE) and "/.venv/" not in path:
            shown = os.path.relpath(path, PROJECT_ROOT)  # e.g. features/steps/logowanie_steps.py
            frames.append(traceback.FrameSummary(shown, frame.lineno, frame.name, line=frame.line))
    return "".join(traceback.format_list(frames)) or None


def project_status_details(result):
    """allure-behave's step_status_details, with the Polish message and the project's frames only."""
    if not result.exception:
        return step_status_details(result)
    return StatusDetails(message=mask_text(failure_message(result.exception)),
                         trace=mask_text(project_trace(result.exc_traceback) or ""))


def project_scenario_status_details(scenario):
    for step in scenario.all_steps:
        if step_status(step) != "passed":
            return project_status_details(step)
    return None


# allure-behave's listener looks both up in its module when a step or scenario ends.
allure_listener_module.step_status_details = project_status_details
allure_listener_module.scenario_status_details = project_scenario_status_details


class IikpAllureListener(AllureListener):
    """Adds epics, stories, links to instrukcja CeZ and the feature's narrative to every test result.

    Scenarios left out by --tags or by file:line are not reported at all (a run of one area shows that area);
    scenarios skipped with a reason (e.g. @symulator against the real iIKP) still are.
    """

    def __init__(self, behave_config):
        super().__init__(behave_config)
        self.hide_excluded = True
        self.unselected: set[int] = set()  # scenarios left out by file:line (behave skips them before the run)
        self.docs_url = setting(behave_config, DOCS_KEY).rstrip("/") or instruction_url()
        self.features: dict[str, list[str]] = {}  # feature name -> its narrative, for the features reported

    def stop_scenario(self, scenario):
        if id(scenario) in self.unselected:  # like --tags: a run of one line reports that line only
            self.logger.drop_test(self.current_scenario_uuid)
            self.current_scenario_uuid = None
            return
        super().stop_scenario(scenario)

    def start_scenario(self, scenario):
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        labels, links = extra_labels_and_links(list(scenario.feature.tags), list(scenario.tags),
                                               scenario.feature.name, self.docs_url)
        result.labels.extend(labels)
        result.labels.append(Label(name=LabelType.HOST, value=socket.gethostname()))
        result.labels.append(Label(name=LabelType.THREAD, value=thread_label(self.behave_config)))
        result.links.extend(links)
        # The feature's narrative is in the report once per feature (write_narratives), not in every scenario.
        result.description = "  \n".join(scenario.description) or None  # Markdown: keep its line breaks
        self.features.setdefault(scenario.feature.name, list(scenario.feature.description))


class MaskingFileLogger(AllureFileLogger):
    """Writes Allure results like allure-commons does, with every valid PESEL masked first."""

    def _report_item(self, item):
        indent = 4 if os.environ.get("ALLURE_INDENT_OUTPUT") else None
        filename = item.file_pattern.format(prefix=uuid.uuid4())
        data = mask_data(asdict(item, filter=lambda _, v: v or v is False))
        tmp_path = self._report_dir / f"{filename}.tmp"
        with open(tmp_path, "w", encoding="utf8") as handle:
            json.dump(data, handle, indent=indent, ensure_ascii=False)
        os.replace(tmp_path, self._report_dir / filename)

    @allure_commons.hookimpl
    def report_attached_data(self, body, file_name):
        if isinstance(body, str):
            body = mask_text(body)
        elif not file_name.endswith((".png", ".jpg", ".webm")):
            try:
                body = mask_text(body.decode("utf-8")).encode("utf-8")
            except UnicodeDecodeError:
                pass
        super().report_attached_data(body, file_name)


class IikpAllureFormatter(AllureFormatter):
    """Use as `harness.allure_formatter:IikpAllureFormatter` in behave.ini."""

    def __init__(self, stream_opener, config):
        Formatter.__init__(self, stream_opener, config)
        self.dry_run = bool(getattr(config, "dry_run", False))
        if self.dry_run:  # nothing runs, so nothing is reported: reports/ stay as the last real run left them
            self.listener = self.file_logger = None
            # behave.ini's JUnit too (CI's merge-request widget reads it): a dry run would write "untested" files
            config.reporters = [r for r in config.reporters if type(r).__name__ != "JUnitReporter"]
            return
        folder = Path(self.stream_opener.name)
        if not append_requested(config) and not os.environ.get(PARALLEL_DIR_ENV):
            clear_results(folder)
        self.listener = IikpAllureListener(config)
        self.file_logger = MaskingFileLogger(self.stream_opener.name)
        allure_commons.plugin_manager.register(self.listener)
        allure_commons.plugin_manager.register(self.file_logger)
        self.testplan = get_testplan()

    # A dry run: every formatter event is ignored.
    def uri(self, uri):
        if not self.dry_run:
            super().uri(uri)

    def feature(self, feature):
        if not self.dry_run:
            self.listener.unselected.update(id(s) for s in feature.walk_scenarios() if s.status == Status.skipped)
            super().feature(feature)

    def step(self, step):
        if not self.dry_run:
            super().step(step)

    def match(self, match):
        if not self.dry_run:
            super().match(match)

    def result(self, result):
        if not self.dry_run:
            super().result(result)

    def eof(self):
        if not self.dry_run:
            super().eof()

    def close(self):
        if self.dry_run:
            Formatter.close(self)
        else:
            super().close()

    def close_stream(self):
        if not self.dry_run:
            write_narratives(Path(self.stream_opener.name), self.listener.features)
            super().close_stream()


def narrative_html(name: str, lines: list[str]) -> str:
    """A feature's narrative („Jako… / Chcę… / Aby…” and what follows) with its line breaks and paragraphs."""
    paragraphs, current = [], []
    for line in [*lines, ""]:
        if line.strip():
            current.append(html.escape(mask_text(line.strip())))
        elif current:
            paragraphs.append("<p>" + "<br>\n".join(current) + "</p>")
            current = []
    return (f"<!DOCTYPE html><html lang=\"pl\"><head><meta charset=\"utf-8\"><title>{html.escape(name)}</title>"
            f"</head><body style=\"font-family:sans-serif\"><h2>Funkcja: {html.escape(name)}</h2>\n"
            + "\n".join(paragraphs) + "</body></html>\n")


def write_narratives(folder: Path, features: dict[str, list[str]]) -> None:
    """Each reported feature's narrative once, as a global attachment of the report (Allure 3 „Globals”).

    File names follow from the feature's name, so parallel workers that ran one feature write one file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    for name, lines in features.items():
        if not any(line.strip() for line in lines):
            continue
        key = hashlib.md5(name.encode("utf-8")).hexdigest()
        source = f"funkcja-{key}-attachment.html"
        (folder / source).write_text(narrative_html(name, lines), encoding="utf-8")
        globals_file = {"attachments": [{"name": f"Funkcja: {name}", "source": source, "type": "text/html"}]}
        (folder / f"funkcja-{key}-globals.json").write_text(json.dumps(globals_file, ensure_ascii=False),
                                                            encoding="utf-8")

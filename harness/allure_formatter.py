"""allure-behave's formatter: epics from area tags, links to instrukcja CeZ, masked PESELs.

A dry run writes nothing, neither Allure results nor JUnit (it runs no scenario, so it has nothing to
report). A real run starts a fresh results folder, unless `append_results` is true or the process is a
worker of a parallel run (its parent prepared the folder), so that results of an earlier, unrelated run
never mix into the new report.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from pathlib import Path

import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Link
from allure_commons.types import LabelType
from allure_commons.utils import get_testplan
from attr import asdict
from behave.formatter.base import Formatter
from behave.model import Status

from harness.config import ENV_PREFIX, _bool
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
INSTRUCTION_TAG_PREFIX = "instrukcja-"
INSTRUCTION_DOC = "../../docs/instrukcja-iikp.md"


def extra_labels_and_links(tags: list[str], feature_name: str) -> tuple[list[Label], list[Link]]:
    """Epic labels from area tags, the story from the feature, links to the sections of instrukcja CeZ."""
    labels = [Label(name=LabelType.EPIC, value=EPICS[tag]) for tag in dict.fromkeys(tags) if tag in EPICS]
    labels.append(Label(name=LabelType.STORY, value=feature_name))
    links = []
    for tag in tags:
        if tag.startswith(INSTRUCTION_TAG_PREFIX):
            section = tag[len(INSTRUCTION_TAG_PREFIX):]
            anchor = "pkt-" + section.replace(".", "-")
            links.append(Link(type="link", url=f"{INSTRUCTION_DOC}#{anchor}", name=f"Instrukcja CeZ, pkt {section}"))
    return labels, links


# What a results folder holds: allure-commons' files, the run files of harness.reporting, unfinished writes.
RESULT_PATTERNS = ("*-result.json", "*-container.json", "*-attachment.*", "environment.properties",
                   "executor.json", "categories.json", "*.tmp")
APPEND_KEY = "append_results"


def append_requested(config) -> bool:
    """`append_results` as the run's settings read it (-D > IIKP_APPEND_RESULTS > behave.ini); bad value: False
    (before_all then stops the run with a message naming the key)."""
    defines = dict(config.userdata_defines or [])
    env_name = ENV_PREFIX + APPEND_KEY.upper()
    raw = defines.get(APPEND_KEY, os.environ.get(env_name, (config.userdata or {}).get(APPEND_KEY, "false")))
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
    return f"proces {worker} (pid {os.getpid()})" if worker not in (None, "") else f"pid {os.getpid()}"


class IikpAllureListener(AllureListener):
    """Adds epics, stories, links to instrukcja CeZ and the feature's narrative to every test result.

    Scenarios left out by --tags or by file:line are not reported at all (a run of one area shows that area);
    scenarios skipped with a reason (e.g. @symulator against the real iIKP) still are.
    """

    def __init__(self, behave_config):
        super().__init__(behave_config)
        self.hide_excluded = True
        self.unselected: set[int] = set()  # scenarios left out by file:line (behave skips them before the run)

    def stop_scenario(self, scenario):
        if id(scenario) in self.unselected:  # like --tags: a run of one line reports that line only
            self.logger.drop_test(self.current_scenario_uuid)
            self.current_scenario_uuid = None
            return
        super().stop_scenario(scenario)

    def start_scenario(self, scenario):
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        tags = list(scenario.feature.tags) + list(scenario.tags)
        labels, links = extra_labels_and_links(tags, scenario.feature.name)
        result.labels.extend(labels)
        result.labels.append(Label(name=LabelType.HOST, value=socket.gethostname()))
        result.labels.append(Label(name=LabelType.THREAD, value=thread_label(self.behave_config)))
        result.links.extend(links)
        narrative = "\n".join(scenario.feature.description)
        own = "\n".join(scenario.description)
        result.description = "\n\n".join(part for part in (narrative, own) if part)


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
            super().close_stream()

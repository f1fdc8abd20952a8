"""allure-behave's formatter: epics from area tags, links to instrukcja CeZ, masked PESELs."""

from __future__ import annotations

import json
import os
import uuid

import allure_commons
from allure_behave.formatter import AllureFormatter
from allure_behave.listener import AllureListener
from allure_commons.logger import AllureFileLogger
from allure_commons.model2 import Label, Link
from allure_commons.types import LabelType
from allure_commons.utils import get_testplan
from attr import asdict
from behave.formatter.base import Formatter

from harness.masking import mask_data, mask_text

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


class IikpAllureListener(AllureListener):
    """Adds epics, stories, links to instrukcja CeZ and the feature's narrative to every test result.

    Scenarios left out by --tags are not reported at all (a run of one area shows that area);
    scenarios skipped with a reason (e.g. @symulator against the real iIKP) still are.
    """

    def __init__(self, behave_config):
        super().__init__(behave_config)
        self.hide_excluded = True

    def start_scenario(self, scenario):
        super().start_scenario(scenario)
        result = self.logger.get_test(self.current_scenario_uuid)
        tags = list(scenario.feature.tags) + list(scenario.tags)
        labels, links = extra_labels_and_links(tags, scenario.feature.name)
        result.labels.extend(labels)
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
        self.listener = IikpAllureListener(config)
        self.file_logger = MaskingFileLogger(self.stream_opener.name)
        allure_commons.plugin_manager.register(self.listener)
        allure_commons.plugin_manager.register(self.file_logger)
        self.testplan = get_testplan()

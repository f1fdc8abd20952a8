"""The README stays short, and its lists match the code: report categories, tags, config keys, linked pages."""

import dataclasses
import json
import re

from harness.config import PROJECT_ROOT, Settings

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
CONFIG_PAGE = (PROJECT_ROOT / "docs" / "konfiguracja.md").read_text(encoding="utf-8")
FEATURES = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "features").glob("*.feature")))
TAG_LINE = re.compile(r"^\s*(@\S+(?:\s+@\S+)*)\s*$", re.M)


def test_readme_is_short_with_a_table_of_contents():
    assert len(README.splitlines()) <= 250
    assert "## Spis treści" in README
    headings = [re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in re.findall(r"^#+ (.+)$", README, re.M)]
    for anchor in re.findall(r"\]\(#([^)]+)\)", README):
        assert anchor in headings, anchor


def test_every_report_category_is_in_the_readme():
    categories = json.loads((PROJECT_ROOT / "harness" / "allure_categories.json").read_text(encoding="utf-8"))
    assert len(categories) >= 7
    for category in categories:
        assert category["name"] in README, category["name"]


def test_every_tag_of_the_features_is_in_the_readme():
    tags = {tag for line in TAG_LINE.findall(FEATURES) for tag in line.split()}
    assert "@symulator" in tags
    for tag in tags:
        listed = "@instrukcja-" in README if tag.startswith("@instrukcja-") else f"`{tag}`" in README
        assert listed, tag


def test_every_config_key_is_documented():
    for key in (f.name for f in dataclasses.fields(Settings)):
        assert f"`{key}`" in CONFIG_PAGE, key


def test_every_linked_page_exists():
    for page in PROJECT_ROOT.glob("docs/*.md"):
        text = page.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
            assert (page.parent / target).exists(), f"{page.name}: {target}"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", README):
        assert (PROJECT_ROOT / target).exists(), target

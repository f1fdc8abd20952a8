"""docs/slownik.md explains every persona and every status the feature files use."""

import re

from harness.config import PROJECT_ROOT

GLOSSARY = (PROJECT_ROOT / "docs" / "slownik.md").read_text(encoding="utf-8")
FEATURES = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "features").glob("*.feature")))
PERSONA = re.compile(r"(?:że|Gdy|Wtedy|Oraz|I|Ale) ([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+) ")


def test_every_status_used_in_the_features_is_defined():
    statuses = set(re.findall(r"ze statusem „([^”<]+)”", FEATURES))
    assert statuses
    for status in statuses:
        assert f"**{status}**" in GLOSSARY, status


def test_every_persona_used_in_the_features_is_described():
    personas = set(PERSONA.findall(FEATURES))
    assert "Jan Nowak" in personas
    for persona in personas:
        assert f"**{persona}**" in GLOSSARY, persona

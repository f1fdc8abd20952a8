"""docs/slownik.md explains every persona and every state word the feature files use."""

import re

from harness.config import PROJECT_ROOT
from harness.gherkin_types import CONSENT_STATES, DECLARATION_STATES, ORDER_STATES

GLOSSARY = (PROJECT_ROOT / "docs" / "slownik.md").read_text(encoding="utf-8")
FEATURES = "\n".join(p.read_text(encoding="utf-8") for p in sorted((PROJECT_ROOT / "features").glob("*.feature")))
PERSONA = re.compile(r"(?:że|Gdy|Wtedy|Oraz|I|Ale) ([A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+) ")
STATES = re.compile(r" jako (" + "|".join(sorted({*CONSENT_STATES, *ORDER_STATES, *DECLARATION_STATES},
                                                  key=len, reverse=True)) + r")\b")


def test_every_state_used_in_the_features_is_defined():
    used = set(STATES.findall(FEATURES))
    assert len(used) >= 8
    for state in used:
        assert f"**{state}**" in GLOSSARY, state


def test_every_persona_used_in_the_features_is_described():
    personas = set(PERSONA.findall(FEATURES))
    assert "Jan Nowak" in personas
    for persona in personas:
        assert f"**{persona}**" in GLOSSARY, persona

"""Parameter types of the Polish step sentences, registered before the step modules load."""

from __future__ import annotations

import re

import parse
from behave import register_type

# A persona is a first and last name, e.g. "Jan Nowak", "Stanisław Wójcik".
_NAME = r"[A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż]+ [A-ZĄĆĘŁŃÓŚŹŻ][a-ząćęłńóśźż-]+"

SUBMIT_WAYS = {"klawiszem ENTER": "enter", "przyciskiem „Dalej”": "button"}


@parse.with_pattern(_NAME)
def parse_persona(text: str) -> str:
    return text


@parse.with_pattern("|".join(re.escape(way) for way in SUBMIT_WAYS))
def parse_submit_way(text: str) -> str:
    return SUBMIT_WAYS[text]


parse_persona.allowed = ("imię i nazwisko persony: Jan Nowak, Anna Kowalska, Stanisław Wójcik, Maria Zielińska "
                         "(symulator) albo osoby z pliku kont (prawdziwe iIKP)")
parse_submit_way.allowed = ", ".join(f"`{way}`" for way in SUBMIT_WAYS)


def register() -> None:
    register_type(Osoba=parse_persona, Zatwierdzenie=parse_submit_way)

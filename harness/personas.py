"""Personas by name: their PESELs come from the simulator's baseline or from the user's local accounts file."""

from __future__ import annotations

import configparser
import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stdnum.pl import pesel as stdnum_pesel

from harness.errors import AccountsError
from harness.masking import mask_pesel


@dataclass(frozen=True)
class Persona:
    """A test patient known by name; the PESEL never leaves the harness unmasked."""

    name: str
    pesel: str

    @property
    def masked_pesel(self) -> str:
        return mask_pesel(self.pesel)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Persona({self.name!r}, {self.masked_pesel})"


def _check_pesel(pesel: str, where: str) -> None:
    try:
        stdnum_pesel.validate(pesel)
    except Exception as exc:  # stdnum raises ValidationError subclasses
        raise AccountsError(f"{where}: PESEL {mask_pesel(pesel) if len(pesel) == 11 else repr(pesel)} "
                            f"jest nieprawidłowy ({exc}). Popraw go w pliku kont.") from None


def _hint(path: Path) -> str:
    return f"Skopiuj accounts.example.ini do {path.name} i wpisz swoje testowe numery PESEL od CeZ."


def _read(path: Path, parser: configparser.ConfigParser) -> str:
    """Read the accounts file into `parser`; return its text. An unreadable or malformed file: AccountsError."""
    try:
        source = path.read_text(encoding="utf-8")
        parser.read_string(source, source=str(path))
    except (OSError, UnicodeDecodeError) as exc:
        raise AccountsError(f"Nie można odczytać pliku kont {path}: {exc}. {_hint(path)}") from None
    except configparser.Error as exc:
        first_line = str(exc).splitlines()[0]
        raise AccountsError(f"Plik kont {path} ma błędny format ({first_line}). {_hint(path)}") from None
    return source


def load_accounts(path: Path) -> dict[str, Persona]:
    """Read the user's accounts file (INI: one [Imię Nazwisko] section with `pesel = ...` per persona)."""
    hint = _hint(path)
    if path.is_dir():
        raise AccountsError(f"Plik kont {path} jest katalogiem, a nie plikiem. Wskaż plik: -D accounts=... {hint}")
    if not path.is_file():
        raise AccountsError(f"Brak pliku kont {path}. {hint}")
    parser = configparser.ConfigParser()
    _read(path, parser)
    personas = {}
    for name in parser.sections():
        if name == NAMES_SECTION:
            continue
        pesel = parser[name].get("pesel", "").strip()
        if not pesel:
            raise AccountsError(f"Plik kont {path}, sekcja [{name}]: brak klucza 'pesel'. {hint}")
        _check_pesel(pesel, f"Plik kont {path}, sekcja [{name}]")
        personas[name] = Persona(name, pesel)
    if not personas:
        raise AccountsError(f"Plik kont {path} nie zawiera żadnego konta. {hint}")
    return personas


# -- names of one environment: [nazwy] in the accounts file ---------------------------------------------------
# `name in the scenarios = name on this environment`: medicines, doctors, nurses, facilities, third persons.
NAMES_SECTION = "nazwy"
FEATURES = Path(__file__).resolve().parent.parent / "features"
_QUOTED = re.compile(r"„([^„”]+)”")


def scenario_names(third_persons: list[str] = ()) -> set[str]:
    """The names the scenarios use (every quoted text of the feature files) and the third persons' names."""
    names = set(third_persons)
    for path in FEATURES.glob("*.feature"):
        names.update(_QUOTED.findall(path.read_text(encoding="utf-8")))
    return names


def load_names(path: Path, known: set[str] | None = None) -> dict[str, str]:
    """The [nazwy] section of the accounts file: {name in the scenarios: name on this environment}; {} when the
    file or the section is missing. Raises AccountsError (Polish) naming the line, the closest known names
    and where they are listed."""
    if not path.is_file():
        return {}
    parser = configparser.ConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str  # names keep their case
    source = _read(path, parser)
    if not parser.has_section(NAMES_SECTION):
        return {}
    if known is None:
        from harness.gherkin_types import THIRD_PERSONS
        from pages.wording import load_vocabulary

        known = scenario_names([dict.__getitem__(THIRD_PERSONS, form).name for form in THIRD_PERSONS])
        known -= set(load_vocabulary())  # screen texts are the overlay's (-D teksty), not names
    where = ("Nazwy, których używają scenariusze, to teksty w cudzysłowach „…” w features/*.feature "
             "(leki, lekarze, pielęgniarki, placówki) i osoby trzecie (docs/kroki.md); opis: docs/prawdziwe-iikp.md.")
    names = {}
    for key, value in parser[NAMES_SECTION].items():
        line = _line_of(source, key)
        at = f"Plik kont {path}, sekcja [{NAMES_SECTION}]" + (f", wiersz {line}" if line else "")
        if key not in known:
            similar = difflib.get_close_matches(key, sorted(known), n=3, cutoff=0.5)
            hint = (" Najbliższe: " + ", ".join(f"„{s}”" for s in similar) + ".") if similar else ""
            raise AccountsError(f"{at}: „{key}” nie występuje w scenariuszach.{hint} {where}")
        if not value.strip():
            raise AccountsError(f"{at}: „{key}” ma pustą wartość; wpisz, jak ta nazwa brzmi na tym środowisku "
                                f"(np. {key} = …), albo usuń wiersz.")
        names[key] = value.strip()
    return names


def _line_of(source: str, key: str) -> int | None:
    found = re.search(r"^[ \t]*" + re.escape(key) + r"[ \t]*=", source, re.M)
    return source.count("\n", 0, found.start()) + 1 if found else None


_names: dict[str, str] = {}


def install_names(names: dict[str, str]) -> dict[str, str]:
    """Make `names` the run's [nazwy] (once, before the first step); return the previous ones."""
    previous = dict(_names)
    _names.clear()
    _names.update(names)
    return previous


def rename(value: Any) -> Any:
    """A value of a step's parameter with the scenarios' names as this environment names them: a text, each
    text of a list, or the `name` of a person."""
    if isinstance(value, str):
        return _names.get(value, value)
    if isinstance(value, list):
        return [rename(item) for item in value]
    if dataclasses.is_dataclass(value) and hasattr(value, "name"):
        return dataclasses.replace(value, name=rename(value.name))
    return value


def renaming(converter: Callable[[str], Any]) -> Callable[[str], Any]:
    """A parameter type's converter whose value is renamed (see `rename`), keeping its pattern and kind."""

    def convert(text: str) -> Any:
        return rename(converter(text))

    for attribute in ("pattern", "regex_group_count", "allowed", "kind", "__doc__"):
        if hasattr(converter, attribute):
            setattr(convert, attribute, getattr(converter, attribute))
    convert.__name__ = converter.__name__
    return convert


class RenamedPeople(dict):
    """Third persons by their Gherkin form, each named as this environment names them ([nazwy])."""

    def __getitem__(self, form: str):
        return rename(super().__getitem__(form))


# „Scenariusz mówi o …”: the built-in personas in the locative case; anyone else is „osobie „Imię Nazwisko””.
LOCATIVE = {"Jan Nowak": "Janie Nowaku", "Anna Kowalska": "Annie Kowalskiej",
            "Stanisław Wójcik": "Stanisławie Wójciku", "Maria Zielińska": "Marii Zielińskiej"}


def about(name: str) -> str:
    """The name as it follows „o” in Polish: „o Annie Kowalskiej”, else „o osobie „Ewa Nowak””."""
    return LOCATIVE.get(name, f"osobie „{name}”")


class PersonaBook:
    """Looks personas up by the name used in Gherkin."""

    def __init__(self, personas: dict[str, Persona], source: str):
        self._personas = personas
        self.source = source

    @classmethod
    def from_simulator(cls, patients: list[dict]) -> "PersonaBook":
        return cls({f"{p['first_name']} {p['last_name']}": Persona(f"{p['first_name']} {p['last_name']}", p["pesel"])
                    for p in patients}, "symulator")

    def get(self, name: str) -> Persona:
        try:
            return self._personas[name]
        except KeyError:
            known = ", ".join(sorted(self._personas)) or "(brak)"
            raise AccountsError(f"Scenariusz potrzebuje konta „{name}”, którego nie ma w źródle kont "
                                f"({self.source}). Dostępne: {known}.") from None

    def knows(self, name: str) -> bool:
        return name in self._personas

    def names(self) -> list[str]:
        return sorted(self._personas)


# -- personas the selected scenarios need -------------------------------------------------------------
_PERSONA_FIELD = re.compile(r"\{(\w+):Osoba\}")


def needed_personas(features, config, registry, skipped: Callable[[set], bool] = lambda tags: False) -> dict[str, str]:
    """Persona name -> location of the first selected scenario whose steps name it (`{...:Osoba}`).

    `registry` is the run's step registry (`context._runner.step_registry`). Scenarios not selected
    (tags, name, file:line) and those `skipped(tags)` says this run skips are left out.
    """
    needed: dict[str, str] = {}
    for feature in features:
        for scenario in feature.walk_scenarios():
            if not scenario.should_run(config) or skipped(set(scenario.effective_tags)):
                continue
            for step in scenario.all_steps:
                definition = registry.find_step_definition(step)
                match = registry.find_match(step) if definition else None
                if not match:
                    continue
                fields = set(_PERSONA_FIELD.findall(getattr(definition, "pattern", "") or ""))
                for argument in match.arguments or []:
                    if argument.name in fields:
                        needed.setdefault(str(argument.value), str(scenario.location))
    return needed


def missing_accounts_message(needed: dict[str, str], book: PersonaBook) -> str | None:
    """The one line that stops a run when a selected scenario names a persona the accounts source lacks, or None."""
    missing = {name: where for name, where in needed.items() if not book.knows(name)}
    if not missing:
        return None
    name, where = next(iter(missing.items()))
    others = f" (i {len(missing) - 1} inne: {', '.join(list(missing)[1:])})" if len(missing) > 1 else ""
    return (f"Brak konta „{name}”{others}, którego potrzebuje scenariusz {where}, w źródle kont: {book.source}. "
            f"Dopisz sekcję [{name}] z kluczem pesel albo nie wybieraj tego scenariusza. "
            f"Dostępne: {', '.join(book.names())}.")

"""Personas by name: their PESELs come from the simulator's baseline or from the user's local accounts file."""

from __future__ import annotations

import configparser
from dataclasses import dataclass
from pathlib import Path

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


def load_accounts(path: Path) -> dict[str, Persona]:
    """Read the user's accounts file (INI: one [Imię Nazwisko] section with `pesel = ...` per persona)."""
    hint = f"Skopiuj accounts.example.ini do {path.name} i wpisz swoje testowe numery PESEL od CeZ."
    if path.is_dir():
        raise AccountsError(f"Plik kont {path} jest katalogiem, a nie plikiem. Wskaż plik: -D accounts=... {hint}")
    if not path.is_file():
        raise AccountsError(f"Brak pliku kont {path}. {hint}")
    parser = configparser.ConfigParser()
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise AccountsError(f"Nie można odczytać pliku kont {path}: {exc}. {hint}") from None
    except configparser.Error as exc:
        first_line = str(exc).splitlines()[0]
        raise AccountsError(f"Plik kont {path} ma błędny format ({first_line}). {hint}") from None
    personas = {}
    for name in parser.sections():
        pesel = parser[name].get("pesel", "").strip()
        if not pesel:
            raise AccountsError(f"Plik kont {path}, sekcja [{name}]: brak klucza 'pesel'. {hint}")
        _check_pesel(pesel, f"Plik kont {path}, sekcja [{name}]")
        personas[name] = Persona(name, pesel)
    if not personas:
        raise AccountsError(f"Plik kont {path} nie zawiera żadnego konta. {hint}")
    return personas


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

"""The tags that decide whether a scenario runs here, and the reasons a skipped one gives."""

from __future__ import annotations

from collections.abc import Iterable

from harness.config import Settings

SIMULATOR_TAG = "symulator"  # needs the simulator: faults on demand, the clock, state arranged by its API
FACILITY_TAG = "placowka"  # needs the facility's side (harness.arrange.Facility)
IRREVERSIBLE_TAG = "nieodwracalne"  # changes a real account for good (a POZ declaration counts in the year)

# Why a scenario is skipped, by the tag that causes it: (for the scenario, for the run's summary).
SKIP_REASONS = {
    SIMULATOR_TAG: ("Scenariusz wymaga symulatora (@symulator: awarie na żądanie, zegar albo stan układany przez "
                    "jego API), więc na prawdziwym iIKP jest pomijany.",
                    "wymagają symulatora (@symulator)"),
    FACILITY_TAG: ("Scenariusz wymaga strony placówki (@placowka), a nie podano adaptera placówki: "
                   "-D facility=pakiet.moduł:Klasa (harness/arrange.py).",
                   "wymagają strony placówki, a brak adaptera placówki: -D facility=pakiet.moduł:Klasa (@placowka)"),
    IRREVERSIBLE_TAG: ("Scenariusz zmienia konto testowe nieodwracalnie (@nieodwracalne, np. deklaracja POZ liczy "
                       "się do bezpłatnych zmian w roku); na prawdziwym iIKP uruchom go tylko świadomie: "
                       "-D irreversible=true.",
                       "zmieniają konto nieodwracalnie; tylko z -D irreversible=true (@nieodwracalne)"),
}


def skip_tag(tags: Iterable[str], settings: Settings, has_facility: bool) -> str | None:
    """The tag for which a scenario with these tags is skipped in this run, or None when it runs."""
    tags = set(tags)
    if SIMULATOR_TAG in tags and not settings.uses_simulator:
        return SIMULATOR_TAG
    if FACILITY_TAG in tags and not has_facility:
        return FACILITY_TAG
    if IRREVERSIBLE_TAG in tags and not settings.uses_simulator and not settings.irreversible:
        return IRREVERSIBLE_TAG
    return None


def runs_irreversibly(tags: Iterable[str], settings: Settings) -> bool:
    """Whether a scenario changes a real account for good in this run (allowed with -D irreversible=true)."""
    return IRREVERSIBLE_TAG in set(tags) and not settings.uses_simulator and settings.irreversible


def skip_reason(tag: str) -> str:
    """The reason a scenario skipped for `tag` gives (in the report)."""
    return SKIP_REASONS[tag][0]


def summary_reason(tag: str) -> str:
    """The reason the run's summary gives for the scenarios skipped for `tag`."""
    return SKIP_REASONS[tag][1]

"""The two objects a behave run keeps on `context`: `context.run` (the run's settings and services) and
`context.scene` (one scenario's browser, people and record); `context.page` is the scenario's screen."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from harness.arrange import Facility
from harness.browser import BrowserKeeper
from harness.cleanup import Cleanup
from harness.config import Settings
from harness.created import Created
from harness.leases import Leases
from harness.personas import Persona, PersonaBook
from harness.recovery import OutcomeBook
from harness.simulator import AdminClient


@dataclass
class Run:
    """What lives for the whole run (set in before_all)."""

    settings: Settings
    outcomes: OutcomeBook
    browsers: BrowserKeeper
    facility: Facility | None = None
    personas: PersonaBook | None = None
    sim: AdminClient | None = None  # the simulator's admin API; None against the real iIKP
    sim_snapshot: Any = None  # the simulator's state after the run's set-up, restored after each scenario
    ikp_url: str = ""
    pz_url: str = ""
    browser_version: str = ""  # of the first browser the run started, for the report


@dataclass
class Scene:
    """What lives for one scenario (set in before_scenario)."""

    created: Created
    cleanup: Cleanup
    leases: Leases
    browser: Any = None  # the scenario's WebDriver, taken on first use
    patient: Persona | None = None  # the persona a step named last
    logged_in: Persona | None = None  # whom the scenario's browser was logged in as last
    used_personas: set[str] = field(default_factory=set)  # PESELs reset to the baseline in this scenario
    events_since: int | None = None  # the simulator's last event before the scenario touched a persona
    before: Any = None  # what a screen showed before an attempt that should change nothing
    confirmation: Any = None  # what the last declaration's confirmation stated
    seen: Any = None  # the row a `Wtedy` step found, for the next sentences about „to …”
    today: datetime.date | None = None  # the scenario's today, once asked

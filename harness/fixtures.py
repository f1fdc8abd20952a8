"""The run's behave fixtures: the simulator process, a local Selenium Grid, the browser keeper."""

from __future__ import annotations

import dataclasses
import sys

from behave import fixture

from harness.browser import BrowserKeeper
from harness.config import Settings
from harness.simulator import SimulatorProcess


@fixture(name="iikp.simulator")
def simulator_fixture(context, settings: Settings, chaos: str = "", seed: int | None = None):
    """The simulator as its own process for the whole run, in the markup and UI the settings ask for."""
    process = SimulatorProcess.for_settings(settings, chaos=chaos, seed=seed).start()
    if settings.markup != "default" or settings.ui != "pages":
        print(f"Symulator: znaczniki {settings.markup}"
              + (f" (ziarno {process.markup_seed})" if process.markup_seed is not None else "")
              + f", interfejs {settings.ui}", file=sys.__stderr__, flush=True)
    yield process
    process.stop()


@fixture(name="iikp.grid")
def grid_fixture(context, settings: Settings):
    """A local Selenium Grid (hub + nodes) for the whole run; yields the settings with its address as remote_url."""
    from harness.grid import LocalGrid  # loaded only by a run with grid=local

    grid = LocalGrid(nodes=settings.grid_nodes or 1).start()
    yield dataclasses.replace(settings, remote_url=grid.url)
    grid.stop()


@fixture(name="iikp.browsers")
def browsers_fixture(context, settings: Settings):
    """The run's browser keeper; whatever browser it still holds is quit at the end of the run."""
    keeper = BrowserKeeper(settings)
    yield keeper
    keeper.close()

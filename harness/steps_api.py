"""What step modules get from the harness: the scenario's browser as a Site, a new private window, the persona."""

from __future__ import annotations

from harness import reporting, run_guard
from harness.browser import browser_version, quit_browser
from harness.errors import BrowserSetupError
from harness.measure import timing
from harness.personas import Persona
from pages.base import Site


def site(context, brand_new: bool = False) -> Site:
    """The scenario's browser and addresses for page objects; takes a browser on first use
    (`brand_new`: never the one a previous scenario handed on)."""
    if context.browser is None:
        try:
            context.browser = context.browsers.take(brand_new)
        except BrowserSetupError as error:  # the same for every scenario: stop the run once, exit 2
            run_guard.abort_run(context, str(error))
            raise
        context.run_stats["browser"] = context.run_stats["browser"] or browser_version(context.browser)
        reporting.record_grid_session(context.browser, context.config_iikp.remote_url)
    return Site(context.browser, context.ikp_url, context.pz_url, context.config_iikp.timeout,
                waiting=timing.waiting)


def close_browser(context) -> None:
    """Close the scenario's browser without logging out (as a person closing the window would)."""
    if context.browser is not None:
        quit_browser(context.browser)
        context.browser = None


def fresh_site(context) -> Site:
    """Instrukcja CeZ pkt 3 recovery: a new private window (a brand-new browser, never a reused one)."""
    close_browser(context)
    return site(context, brand_new=True)


def use_persona(context, name: str) -> Persona:
    """The persona by its Gherkin name; against the simulator, reset to its baseline on first use."""
    persona = context.personas.get(name)
    context.leases.acquire(persona.pesel, name)  # instrukcja CeZ pkt 1: one person per account at a time
    if context.sim:
        context.sim.patient_scope = persona.pesel
    if context.sim and persona.pesel not in context.used_personas:
        if context.events_since is None:
            context.events_since = _last_event_id(context)
        context.sim.reset_patient(persona.pesel)
    context.used_personas.add(persona.pesel)
    context.patient = persona
    return persona


def _last_event_id(context) -> int:
    events = context.sim.events()
    return max((e["id"] for e in events), default=0)

"""What step modules get from the harness: the browser as a Site, a new private window, the persona acting,
what the scenario created, the facility's side, the given state, and the clean-up of real accounts."""

from __future__ import annotations

import contextlib
import datetime

import allure

from harness import reporting, run_guard
from harness.arrange import Facility, GivenState
from harness.browser import browser_version, quit_browser
from harness.created import Created
from harness.errors import BrowserSetupError
from harness.measure import timing
from harness.personas import Persona, about
from pages.base import BasePage, Site
from pages.components.header import LoggedInPage


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
                waiting=timing.waiting, strict=context.config_iikp.strict)


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


class WrongPerson(Exception):
    """A step names another person than the one logged in: the scenario says something it does not do."""


def acting(context, name: str) -> Persona:
    """The persona a step names, checked to be the one logged in: by the header of the screen when the
    scenario's browser shows a logged-in iIKP page, else by whom the scenario logged in last.

    A step that names a person acts as that person; if someone else is logged in it fails with
    „Scenariusz mówi o Annie Kowalskiej, a zalogowany jest Jan Nowak.”
    """
    context.personas.get(name)  # an unknown name fails first, saying which names there are
    who = None
    if isinstance(context.page, LoggedInPage) and context.browser is not None:
        header = context.page.header_text().casefold()
        if name.casefold() not in header:
            who = next((known for known in context.personas.names() if known.casefold() in header),
                       None) or (f"ktoś inny (nagłówek: „{context.page.header_text()}”)" if header else "nikt")
    elif context.logged_in is not None and context.logged_in.name != name:
        who = context.logged_in.name
    if who is not None:
        raise WrongPerson(f"Scenariusz mówi o {about(name)}, a zalogowany jest {who}.")
    return use_persona(context, name)


def logged_in_as(context, persona: Persona, page: BasePage) -> BasePage:
    """Remember that the scenario's browser is now logged in as `persona`; return `page`."""
    context.logged_in = persona
    return page


def created(context) -> Created:
    """What this scenario created so far, for sentences about „ta/to/tę …”."""
    return context.created


def facility(context) -> Facility:
    """The facility's side: the simulator's by default, or the user's adapter (-D facility=…)."""
    return context.facility


def given(context) -> GivenState:
    """The given state of `Zakładając, że …` sentences (the simulator's admin API only)."""
    return GivenState(context.sim)


def today(context) -> datetime.date:
    """Today for the scenario: the simulator's date for its persona, or the real date on the real iIKP."""
    return given(context).today() if context.sim else datetime.date.today()


@contextlib.contextmanager
def preparing(label: str):
    """An Allure step „Przygotowanie: …” around what a step does to bring the account to a clean start."""
    with allure.step(f"Przygotowanie: {label}"):
        yield


def undo_later(context, label: str, patient: Persona, undo) -> None:
    """Register how to put back what a step changed on the account (run after the scenario, on the real iIKP)."""
    context.cleanup.add(label, patient, undo)


def _last_event_id(context) -> int:
    events = context.sim.events()
    return max((e["id"] for e in events), default=0)

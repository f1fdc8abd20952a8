"""What step modules get from the harness: the browser as a Site, a new private window, the persona acting,
what the scenario created (and how to undo it), the facility's side, the arranged state, and today."""

from __future__ import annotations

import datetime

from harness import metering, reporting, run_guard
from harness.arrange import Facility, GivenState
from harness.browser import browser_version, quit_browser
from harness.created import ConsentRef, OrderRef, Thing
from harness.errors import BrowserSetupError
from harness.gherkin_types import ThirdPerson
from harness.personas import Persona, about
from pages.base import BasePage, Site
from pages.components.header import LoggedInPage
from pages.orders import Order


def site(context, brand_new: bool = False) -> Site:
    """The scenario's browser and addresses for page objects; takes a browser on first use
    (`brand_new`: never the one a previous scenario handed on)."""
    run, scene = context.run, context.scene
    if scene.browser is None:
        try:
            scene.browser = run.browsers.take(brand_new)
        except BrowserSetupError as error:  # the same for every scenario: stop the run once, exit 2
            run_guard.abort_run(context, str(error))
            raise
        run.browser_version = run.browser_version or browser_version(scene.browser)
        reporting.record_grid_session(scene.browser, run.settings.remote_url)
    return Site(scene.browser, run.ikp_url, run.pz_url, run.settings.timeout, waiting=metering.waiting,
                strict=run.settings.strict)


def close_browser(context) -> None:
    """Close the scenario's browser without logging out (as a person closing the window would)."""
    if context.scene.browser is not None:
        quit_browser(context.scene.browser)
        context.scene.browser = None


def fresh_site(context) -> Site:
    """Instrukcja CeZ pkt 3 recovery: a new private window (a brand-new browser, never a reused one)."""
    close_browser(context)
    return site(context, brand_new=True)


def use_persona(context, name: str) -> Persona:
    """The persona by its Gherkin name; against the simulator, reset to its baseline on first use."""
    run, scene = context.run, context.scene
    persona = run.personas.get(name)
    scene.leases.acquire(persona.pesel, name)  # instrukcja CeZ pkt 1: one person per account at a time
    if run.sim:
        run.sim.patient_scope = persona.pesel
        if persona.pesel not in scene.used_personas:
            if scene.events_since is None:
                scene.events_since = max((event["id"] for event in run.sim.events()), default=0)
            run.sim.reset_patient(persona.pesel)
    scene.used_personas.add(persona.pesel)
    scene.patient = persona
    return persona


class WrongPerson(Exception):
    """A step names another person than the one logged in: the scenario says something it does not do."""


def acting(context, name: str) -> Persona:
    """The persona a step names, checked to be the one logged in: by the header of the screen when the
    scenario's browser shows a logged-in iIKP page, else by whom the scenario logged in last.

    A step that names a person acts as that person; if someone else is logged in it fails with
    „Scenariusz mówi o Annie Kowalskiej, a zalogowany jest Jan Nowak.”
    """
    personas, scene = context.run.personas, context.scene
    personas.get(name)  # an unknown name fails first, saying which names there are
    who = None
    if isinstance(context.page, LoggedInPage) and scene.browser is not None:
        header = context.page.header_text().casefold()
        if name.casefold() not in header:
            who = next((known for known in personas.names() if known.casefold() in header),
                       None) or (f"ktoś inny (nagłówek: „{context.page.header_text()}”)" if header else "nikt")
    elif scene.logged_in is not None and scene.logged_in.name != name:
        who = scene.logged_in.name
    if who is not None:
        raise WrongPerson(f"Scenariusz mówi o {about(name)}, a zalogowany jest {who}.")
    return use_persona(context, name)


def maybe_acting(context, name: str) -> Persona | None:
    """`acting` when the name is a persona's (not „osoba spoza listy pacjentów testowych”); else None."""
    return acting(context, name) if context.run.personas.knows(name) else None


def logged_in_as(context, persona: Persona | None, page: BasePage) -> BasePage:
    """Remember that the scenario's browser is now logged in as `persona` (None: nobody); return `page`."""
    context.scene.logged_in = persona
    return page


def remember(context, thing: Thing) -> Thing:
    """Record what the scenario created (for „ta/to/tę …”) and, on a real account, how to undo it after the
    scenario (`thing.undo`, through the screens); return it."""
    scene = context.scene
    scene.created.add(thing)
    if getattr(thing, "undo", None) is not None:
        scene.cleanup.add(thing.undo_label, thing.patient, thing.undo)
    return thing


def last(context, kind: type[Thing]) -> Thing:
    """The last thing of this kind the scenario created („to zamówienie”, „tę deklarację”)."""
    return context.scene.created.last(kind)


def named_order(context, patient: str, medicines) -> OrderRef:
    """The order of these medicines the scenario placed or arranged last for the acting patient."""
    persona = acting(context, patient)
    wanted = OrderRef(persona, tuple(medicines))
    return context.scene.created.named(OrderRef, wanted.describe(), lambda ref: (
        ref.patient == persona and sorted(ref.medicines) == sorted(wanted.medicines)))


def named_consent(context, patient: str, kind: str, person: ThirdPerson | None = None, scope: str = "") -> ConsentRef:
    """The consent of this kind for this person (or these services) the scenario granted or arranged last."""
    persona = acting(context, patient)
    name = "" if person is None else persona.name if person.myself else person.name
    wanted = ConsentRef(persona, kind, person_name=name, scope="" if person else scope)
    return context.scene.created.named(ConsentRef, wanted.describe(), lambda ref: (
        ref.patient == persona and ref.kind == kind and ref.identity == wanted.identity))


def facility(context) -> Facility:
    """The facility's side: the simulator's by default, or the user's adapter (-D facility=…)."""
    return context.run.facility


def arranged(context) -> GivenState:
    """The state of `Zakładając, że …` sentences, set through the simulator's admin API (simulator only)."""
    return GivenState(context.run.sim)


def today(context) -> datetime.date:
    """Today for the scenario: the simulator's date for its persona, or the real date on the real iIKP."""
    return arranged(context).today() if context.run.sim else datetime.date.today()


def on_screen(context, page: BasePage) -> BasePage:
    """Make `page` the scenario's current screen (`context.page`); return it."""
    context.page = page
    return page


def shown_order(context, medicines=None) -> Order:
    """The order of these medicines (by default the last one the scenario created) as „Zamówione recepty”
    shows it now (shown anew: the doctor may have acted meanwhile)."""
    page = on_screen(context, context.page.ordered_prescriptions(anew=True))
    return page.shown(medicines or last(context, OrderRef).medicines)

"""How a scenario leaves the accounts it used: the clean-up in a browser logged in as the right persona, and
„Wyloguj się” at the end (instrukcja CeZ pkt 2.3)."""

from __future__ import annotations

import logging

from harness import reporting
from harness.personas import Persona
from harness.steps_api import fresh_site, site
from pages import flows
from pages.components.header import LoggedInPage

log = logging.getLogger("iikp")


def clean_up(context) -> list:
    """Run the scenario's undo actions (harness.cleanup); return the failures."""
    return context.scene.cleanup.run(lambda persona, fresh: _logged_in_page(context, persona, fresh))


def _logged_in_page(context, persona: Persona, fresh: bool = False) -> LoggedInPage:
    """A page of the scenario's browser logged in as `persona`, for the clean-up: the browser as it is
    when its header shows that persona (unless `fresh`), else a new private window logged in as that persona."""
    page, scene = context.page, context.scene
    try:
        if not fresh and isinstance(page, LoggedInPage) and scene.browser is not None \
                and persona.name.casefold() in page.header_text().casefold():
            return page
    except Exception as error:  # a browser in doubt: start over in a new private window
        log.info("clean-up starts in a new window: %s", type(error).__name__)
    if scene.browser is not None:
        log_out_if_logged_in(context)
    context.page = flows.log_in(fresh_site(context), persona.pesel)
    scene.logged_in = persona
    return context.page


def log_out_if_logged_in(context) -> None:
    """Instrukcja CeZ pkt 2.3: leave only with „Wyloguj się”; done for every scenario that is still logged in."""
    menu = LoggedInPage(site(context))
    try:
        if menu.can_log_out():
            menu.logout()
            reporting.attach_text("Wylogowanie po scenariuszu",
                                  "Zestaw wylogował pacjenta przyciskiem „Wyloguj się” (instrukcja CeZ, pkt 2.3).")
    except Exception as error:  # the scenario's own result matters more; say what happened
        reporting.attach_text("Wylogowanie po scenariuszu nie powiodło się", f"{type(error).__name__}: {error}")

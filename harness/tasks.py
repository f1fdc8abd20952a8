"""Tasks that several steps share, below the steps: each acts as the named persona through page services,
keeps the screen it ends on in `context.page`, and records what it created (and how to undo it)."""

from __future__ import annotations

from collections.abc import Callable

import allure

from harness.created import ConsentRef, ContactChange, DeclarationRef
from harness.expect import NotAsExpected, declaration_on
from harness.gherkin_types import Period, ThirdPerson
from harness.steps_api import acting, last, on_screen, remember, today
from pages.account import ContactData
from pages.consent_form import ConsentEntry
from pages.consents import ConsentRow, ConsentState
from pages.contact_form import ContactFields
from pages.declaration_form import NO_REASON, PozRole
from pages.declarations import Declaration
from pages.flows import declare


# -- consents -----------------------------------------------------------------------------------------------
def consent_entry(context, kind: str, period: Period, person: ThirdPerson | None = None,
                  scope: str = "") -> ConsentEntry:
    """What the wizard is given: the kind, the person (the logged-in patient for „samego siebie”) or the
    services, and the dates of the period from the scenario's today."""
    if person is not None and person.myself:
        person = ThirdPerson(context.scene.patient.name, context.scene.patient.pesel)
    date_from, date_to = period.dates(today(context))
    return ConsentEntry(kind, person.name if person else "", person.pesel if person else "", scope, date_from, date_to)


def grant_consent(context, patient: str, kind: str, period: Period, person: ThirdPerson | None = None,
                  scope: str = "") -> None:
    """A clean start (no active consent of this kind for this person or these services), then the wizard;
    the consent is remembered, and withdrawn after the scenario on a real account."""
    persona = acting(context, patient)
    entry = consent_entry(context, kind, period, person, scope)
    consents = on_screen(context, context.page.consents())
    if consents.has_active(entry.kind, entry.identity):
        with allure.step(f"Przygotowanie: wycofanie aktywnego uprawnienia „{entry.kind}” ({entry.identity}) "
                         "sprzed scenariusza"):
            consents = on_screen(context, consents.withdraw_active(entry.kind, entry.identity))
    context.page = consents.add_consent().grant(entry)
    remember(context, ConsentRef(persona, entry.kind, entry.person_name, entry.person_pesel, entry.scope,
                                 entry.date_from, entry.date_to))


def try_to_grant(context, patient: str, kind: str, period: Period, person: ThirdPerson) -> None:
    """The wizard until iIKP refuses; the list as it was before is kept for the check that nothing was saved."""
    acting(context, patient)
    context.scene.before = on_screen(context, context.page.consents()).listed()
    context.page = context.page.add_consent().grant_expecting_refusal(consent_entry(context, kind, period, person))


def consent_shown_as(context, state: ConsentState, ref: ConsentRef | None = None) -> ConsentRow:
    """The row of this consent (by default the one the scenario created last), in this state on „Uprawnienia”;
    fails naming the states shown. A withdrawn consent must have no active row left."""
    ref = ref or last(context, ConsentRef)
    rows = [row for row in on_screen(context, context.page.consents()).listed(
        ref.kind, person=ref.person_name or None, scope=None if ref.person_name else ref.scope)
        if row.date_from == ref.date_from]
    states = [row.state for row in rows]
    holds = state in states and (state is not ConsentState.WITHDRAWN or ConsentState.ACTIVE not in states)
    if not holds:
        raise NotAsExpected(ref.describe(), state, [row.status for row in rows])
    return next(row for row in rows if row.state is state)


# -- POZ declarations -----------------------------------------------------------------------------------------
def submit_declaration(context, patient: str, role: PozRole, person: str, facility: str,
                       reason: str = NO_REASON) -> None:
    """„Moje konto” > POZ > the form, submitted; remembers the declaration and what its confirmation stated."""
    persona = acting(context, patient)
    context.page, context.scene.confirmation = declare(context.page, role, facility, person, reason)
    remember(context, DeclarationRef(persona, role, facility, person, today(context)))


def shown_declaration(context, patient: str) -> Declaration:
    """The declaration the scenario created last, as „Zobacz deklaracje” shows it now; fails when it is absent."""
    acting(context, patient)
    return declaration_on(on_screen(context, context.page.declarations(anew=True)), last(context, DeclarationRef))


# -- contact data ---------------------------------------------------------------------------------------------
def save_contact_data(context, patient: str, contact: ContactData) -> None:
    """„Moje konto” > „Edytuj swoje dane”, saved; on a real account the earlier data come back after the scenario."""
    persona = acting(context, patient)
    account = on_screen(context, context.page.my_account())
    remember(context, ContactChange(persona, account.contact_data()))
    context.page = account.change_contact_data(contact)


def try_contact_data(context, patient: str, fill: Callable[[ContactFields], ContactFields]) -> None:
    """„Edytuj swoje dane”, filled by `fill`, saved expecting a refusal; the data shown before are kept for
    the check that nothing changed."""
    acting(context, patient)
    context.scene.before = on_screen(context, context.page.my_account()).contact_data()
    context.page = fill(context.page.edit_contact_data()).save_expecting_refusal()

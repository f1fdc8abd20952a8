"""Steps of ordering a prescription continuation („Recepty”) and following the order („Zamówione recepty”)."""

import re

import parse
from behave import given, register_type, then, when
from hamcrest import (
    all_of,
    assert_that,
    contains_inanyorder,
    contains_string,
    equal_to,
    has_item,
    is_not,
    not_none,
    starts_with,
)

from harness.steps_api import use_persona
from pages.orders import OrdersPage
from pages.prescriptions import PrescriptionsPage

# Personas in the genitive case, as Gherkin says „zamówienie Jana Nowaka”.
GENITIVE = {"Jana Nowaka": "Jan Nowak", "Marii Zielińskiej": "Maria Zielińska",
            "Stanisława Wójcika": "Stanisław Wójcik", "Anny Kowalskiej": "Anna Kowalska"}

# What the doctor does to an order arranged through the admin API (simulator action names).
DOCTOR_ACTIONS = {"rozpoczął realizację zamówienia": "start", "zrealizował zamówienie": "fulfil",
                  "odrzucił zamówienie": "reject"}

_QUOTED = re.compile(r"„([^”]+)”")


@parse.with_pattern(r"„[^”]+”(?:(?:, | i )„[^”]+”)*")
def parse_medicines(text: str) -> list[str]:
    """„Metformina 500 mg”, „Bisoprolol 5 mg” i „Atorwastatyna 20 mg” -> the three names."""
    return _QUOTED.findall(text)


@parse.with_pattern("|".join(re.escape(name) for name in GENITIVE))
def parse_persona_genitive(text: str) -> str:
    return GENITIVE[text]


@parse.with_pattern("|".join(re.escape(action) for action in DOCTOR_ACTIONS))
def parse_doctor_action(text: str) -> str:
    return DOCTOR_ACTIONS[text]


register_type(Leki=parse_medicines, OsobyDopelniacz=parse_persona_genitive, CzynnoscLekarza=parse_doctor_action)


def arrange_order_acted_on(context, patient: str, medicines: list[str], action: str, comment=None) -> None:
    """Through the admin API: the patient's order of these medicines, then the doctor's action on it."""
    pesel = use_persona(context, patient).pesel
    prescriptions = {p["medicine"]: p["id"] for p in context.sim.patient(pesel)["prescriptions"]}
    order = context.sim.add_order(pesel, prescription_ids=[prescriptions[name] for name in medicines])
    context.sim.order_action(order["id"], action, comment)


# -- Zakładając ------------------------------------------------------------------------------------
@given("lekarz {czynnosc:CzynnoscLekarza} {pacjenta:OsobyDopelniacz} na {leki:Leki}")
def step_doctor_acted_on_order(context, czynnosc, pacjenta, leki):
    arrange_order_acted_on(context, pacjenta, leki, czynnosc)


@given("lekarz odrzucił zamówienie {pacjenta:OsobyDopelniacz} na {leki:Leki} z komentarzem „{komentarz}”")
def step_doctor_rejected_order(context, pacjenta, leki, komentarz):
    arrange_order_acted_on(context, pacjenta, leki, "reject", komentarz)


@given("{pacjent:Osoba} zamówił receptę na {leki:Leki}")
@given("{pacjent:Osoba} zamówiła receptę na {leki:Leki}")
@when("{pacjent:Osoba} zamawia receptę na {leki:Leki}")
def step_orders(context, pacjent, leki):
    context.page = context.page.go_to("Recepty", PrescriptionsPage).order(leki)


# -- Gdy -------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} próbuje zamówić receptę na {leki:Leki}")
def step_tries_to_order(context, pacjent, leki):
    context.page = context.page.go_to("Recepty", PrescriptionsPage).order_expecting_refusal(leki)


@when("{pacjent:Osoba} próbuje zamówić receptę, nie zaznaczając żadnego leku")
def step_tries_to_order_nothing(context, pacjent):
    context.page = context.page.go_to("Recepty", PrescriptionsPage).order_expecting_refusal([])


@when("{pacjent:Osoba} przegląda swoje recepty")
def step_views_prescriptions(context, pacjent):
    context.page = context.page.go_to("Recepty", PrescriptionsPage)


@when("{pacjent:Osoba} przegląda swoje zamówione recepty")
def step_views_orders(context, pacjent):
    context.page = context.page.go_to("Zamówione recepty", OrdersPage)


@when("{pacjent:Osoba} anuluje zamówienie na {leki:Leki}")
def step_cancels(context, pacjent, leki):
    context.page = context.page.cancel(shown_order(context.page, leki))


# -- Wtedy -----------------------------------------------------------------------------------------
def shown_order(page, medicines: list[str]):
    """The order of these medicines on „Zamówione recepty”; fails the step when there is none."""
    order = page.order_of(medicines)
    assert_that(order, not_none(), f"w „Zamówionych receptach” powinno być zamówienie na: {', '.join(medicines)}")
    return order


@then("{pacjent:Osoba} widzi swoje zamówienie na {leki:Leki} ze statusem „{status}”")
def step_sees_order_status(context, pacjent, leki, status):
    assert_that(shown_order(context.page, leki).status, equal_to(status))


@then("zamówienie na {leki:Leki} trafiło do lekarza „{lekarz}” z placówki POZ „{placowka}”")
def step_order_went_to_doctor(context, leki, lekarz, placowka):
    assert_that(shown_order(context.page, leki).doctor, all_of(contains_string(lekarz), contains_string(placowka)))


@then("przy zamówieniu na {leki:Leki} widnieje komentarz lekarza „{komentarz}”")
def step_sees_doctor_comment(context, leki, komentarz):
    assert_that(shown_order(context.page, leki).comment, equal_to(komentarz))


@then("{pacjent:Osoba} nie może anulować zamówienia na {leki:Leki}")
def step_cannot_cancel(context, pacjent, leki):
    assert_that(shown_order(context.page, leki).cancellable, equal_to(False), "nie powinno być „Anuluj zamówienie”")


@then("{pacjent:Osoba} może zamówić receptę tylko na {leki:Leki}")
def step_can_order_only(context, pacjent, leki):
    assert_that(context.page.orderable_medicines(), contains_inanyorder(*leki))


@then("{pacjent:Osoba} nie może zamówić leku {lek:Leki}, którego nie przyjmuje przewlekle")
def step_cannot_order_medicine(context, pacjent, lek):
    assert_that(context.page.listed_medicines(), has_item(starts_with(lek[0])), "lek powinien być na liście recept")
    assert_that(context.page.orderable_medicines(), is_not(has_item(lek[0])))


@then("{pacjent:Osoba} dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ")
def step_told_no_declaration(context, pacjent):
    assert_that(context.page.refusal_message(), equal_to(PrescriptionsPage.NO_DOCTOR_DECLARATION))


@then("{pacjent:Osoba} dowiaduje się, że jej placówka POZ nie realizuje zamówień recept "
      "i trzeba się z nią skontaktować")
@then("{pacjent:Osoba} dowiaduje się, że jego placówka POZ nie realizuje zamówień recept "
      "i trzeba się z nią skontaktować")
def step_told_ordering_disabled(context, pacjent):
    assert_that(context.page.refusal_message(), equal_to(PrescriptionsPage.ORDERING_DISABLED))


@then("{pacjent:Osoba} dowiaduje się, że musi zaznaczyć co najmniej jeden lek")
def step_told_select_something(context, pacjent):
    assert_that(context.page.refusal_message(), equal_to(PrescriptionsPage.NOTHING_SELECTED))

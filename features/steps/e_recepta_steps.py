"""Steps of ordering a prescription continuation („Recepty”) and following the order („Zamówione recepty”)."""

from behave import given, then, when
from hamcrest import assert_that, contains_inanyorder, equal_to, has_item, instance_of, is_not, not_none, starts_with

from harness.created import OrderRef
from harness.steps_api import acting, created, facility, today, undo_later, use_persona
from harness.steps_api import given as given_state
from pages.orders import OrdersPage, ordered_recipes
from pages.prescriptions import PrescriptionsPage, recipes


def orders_page(context) -> OrdersPage:
    """„Zamówione recepty”, shown anew (the doctor may have acted on an order meanwhile)."""
    context.page = ordered_recipes(context.page)
    return context.page


def shown_order(page: OrdersPage, medicines):
    """The newest order of these medicines on „Zamówione recepty”; fails the step when there is none."""
    order = page.order_of(medicines)
    assert_that(order, not_none(), f"w „Zamówionych receptach” powinno być zamówienie na: {', '.join(medicines)}")
    return order


def cancel_if_possible(medicines):
    """How to cancel the newest still cancellable order of these medicines (clean-up; one per order placed)."""

    def undo(page):
        orders = ordered_recipes(page)
        order = next((o for o in orders.orders() if sorted(o.medicines) == sorted(medicines) and o.cancellable),
                     None)
        return orders.cancel(order) if order is not None else orders

    return undo


def placed(context, persona, medicines) -> None:
    """Remember the order this scenario placed on screen, and how to cancel it after the scenario."""
    created(context).add(OrderRef(persona, tuple(medicines), today(context)))
    undo_later(context, f"anulowanie zamówienia na {', '.join(medicines)}", persona, cancel_if_possible(medicines))


# -- Zakładając (simulator) ---------------------------------------------------------------------------
@given("{pacjent:Osoba} zamówił receptę na {leki:Leki}")
@given("{pacjent:Osoba} zamówiła receptę na {leki:Leki}")
def step_ordered_before(context, pacjent, leki):
    created(context).add(given_state(context).order_placed(use_persona(context, pacjent), leki))


@given("{pacjent:Osoba} ma receptę na {leki:Leki} przyjmowaną przewlekle")
def step_has_prescription(context, pacjent, leki):
    persona = use_persona(context, pacjent)
    for medicine in leki:
        given_state(context).prescription(persona, medicine)


# -- the patient ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} zamawia receptę na {leki:Leki}")
def step_orders(context, pacjent, leki):
    """Ticks the medicines in „Recepty”, presses „Zamów receptę” and confirms."""
    persona = acting(context, pacjent)
    context.page = recipes(context.page).order(leki)
    placed(context, persona, leki)


@when("{pacjent:Osoba} zamawia ponownie to samo")
def step_orders_again(context, pacjent):
    """„Zamów ponownie” on the order this scenario created last (it must be no longer open)."""
    persona = acting(context, pacjent)
    ref = created(context).last(OrderRef)
    page = orders_page(context)
    context.page = page.repeat(shown_order(page, ref.medicines))
    placed(context, persona, list(ref.medicines))


@when("{pacjent:Osoba} próbuje zamówić receptę na {leki:Leki}")
def step_tries_to_order(context, pacjent, leki):
    acting(context, pacjent)
    context.orders_before = orders_page(context).orders()
    context.page = recipes(context.page).order_expecting_refusal(leki)


@when("{pacjent:Osoba} próbuje zamówić receptę, nie zaznaczając żadnego leku")
def step_tries_to_order_nothing(context, pacjent):
    acting(context, pacjent)
    context.orders_before = orders_page(context).orders()
    context.page = recipes(context.page).order_expecting_refusal([])


@when("{pacjent:Osoba} przegląda swoje recepty")
def step_views_prescriptions(context, pacjent):
    acting(context, pacjent)
    context.page = recipes(context.page)


@when("{pacjent:Osoba} przegląda swoje zamówione recepty")
def step_views_orders(context, pacjent):
    acting(context, pacjent)
    orders_page(context)


@when("{pacjent:Osoba} anuluje to zamówienie")
def step_cancels(context, pacjent):
    acting(context, pacjent)
    page = orders_page(context)
    context.page = page.cancel(shown_order(page, created(context).last(OrderRef).medicines))


# -- the doctor (the facility's side) -------------------------------------------------------------------------
@when("lekarz rozpoczyna realizację tego zamówienia")
def step_doctor_starts(context):
    facility(context).start_order(created(context).last(OrderRef))


@when("lekarz realizuje to zamówienie")
def step_doctor_completes(context):
    facility(context).complete_order(created(context).last(OrderRef))


@when("lekarz odrzuca to zamówienie z komentarzem „{komentarz:Tekst}”")
def step_doctor_rejects(context, komentarz):
    facility(context).reject_order(created(context).last(OrderRef), komentarz)


# -- Wtedy ------------------------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi swoje zamówienie na {leki:Leki} jako {stan:StanZamowienia}")
def step_sees_order_state(context, pacjent, leki, stan):
    acting(context, pacjent)
    assert_that(shown_order(orders_page(context), leki).state, equal_to(stan))


@then("{pacjent:Osoba} widzi to zamówienie jako {stan:StanZamowienia}")
def step_sees_this_order_state(context, pacjent, stan):
    acting(context, pacjent)
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).state, equal_to(stan))


@then("to zamówienie trafiło do lekarza „{lekarz:Tekst}” z placówki POZ „{placowka:Tekst}”")
def step_order_went_to_doctor(context, lekarz, placowka):
    ref = created(context).last(OrderRef)
    doctor = shown_order(orders_page(context), ref.medicines).doctor
    assert_that((lekarz in doctor, placowka in doctor), equal_to((True, True)), f"lekarz i placówka: „{doctor}”")


@then("przy tym zamówieniu widnieje komentarz lekarza „{komentarz:Tekst}”")
def step_sees_doctor_comment(context, komentarz):
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).comment, equal_to(komentarz))


@then("{pacjent:Osoba} nie może anulować tego zamówienia")
def step_cannot_cancel(context, pacjent):
    acting(context, pacjent)
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).cancellable, equal_to(False),
                "nie powinno być „Anuluj zamówienie”")


@then("{pacjent:Osoba} może zamówić receptę tylko na {leki:Leki}")
def step_can_order_only(context, pacjent, leki):
    acting(context, pacjent)
    assert_that(context.page.orderable_medicines(), contains_inanyorder(*leki))


@then("{pacjent:Osoba} nie może zamówić leku {lek:Leki}, którego nie przyjmuje przewlekle")
def step_cannot_order_medicine(context, pacjent, lek):
    acting(context, pacjent)
    assert_that(context.page.listed_medicines(), has_item(starts_with(lek[0])), "lek powinien być na liście recept")
    assert_that(context.page.orderable_medicines(), is_not(has_item(lek[0])))


@then("{pacjent:Osoba} dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ")
def step_told_no_declaration(context, pacjent):
    acting(context, pacjent)
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_says(PrescriptionsPage.NO_DOCTOR_DECLARATION), equal_to(True),
                f"komunikat powinien mówić o deklaracji wyboru lekarza POZ: „{context.page.refusal_message()}”")


@then("{pacjent:Osoba} dowiaduje się, że zamówienie nie może zostać zrealizowane i trzeba skontaktować się "
      "z placówką")
def step_told_ordering_disabled(context, pacjent):
    acting(context, pacjent)
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_says(PrescriptionsPage.ORDERING_DISABLED), equal_to(True),
                f"komunikat: „{context.page.refusal_message()}”")


@then("iIKP nie przyjmuje zamówienia i mówi dlaczego")
def step_order_refused(context):
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_message(), is_not(equal_to("")), "komunikat, dlaczego zamówienie nie przeszło")


@then("{pacjent:Osoba} nie ma nowego zamówienia")
def step_no_new_order(context, pacjent):
    acting(context, pacjent)
    assert_that(orders_page(context).orders(), equal_to(context.orders_before), "lista zamówień przed próbą i po niej")

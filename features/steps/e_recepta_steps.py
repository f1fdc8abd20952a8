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
    """Układa w symulatorze złożone dziś zamówienie na te leki; „to zamówienie” w dalszych krokach to ono."""
    created(context).add(given_state(context).order_placed(use_persona(context, pacjent), leki))


@given("{pacjent:Osoba} ma receptę na {leki:Leki} przyjmowaną przewlekle")
def step_has_prescription(context, pacjent, leki):
    """Układa w symulatorze receptę na każdy z tych leków jako przyjmowany przewlekle."""
    persona = use_persona(context, pacjent)
    for medicine in leki:
        given_state(context).prescription(persona, medicine)


# -- the patient ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} zamawia receptę na {leki:Leki}")
def step_orders(context, pacjent, leki):
    """Na ekranie: „Recepty” → zaznaczenie leków → „Zamów receptę” → potwierdzenie. Po scenariuszu zamówienie
    jest anulowane, jeśli się da."""
    persona = acting(context, pacjent)
    context.page = recipes(context.page).order(leki)
    placed(context, persona, leki)


@when("{pacjent:Osoba} zamawia ponownie to samo")
def step_orders_again(context, pacjent):
    """„Zamów ponownie” przy zamówieniu złożonym ostatnio w scenariuszu (nie może już być otwarte)."""
    persona = acting(context, pacjent)
    ref = created(context).last(OrderRef)
    page = orders_page(context)
    context.page = page.repeat(shown_order(page, ref.medicines))
    placed(context, persona, list(ref.medicines))


@when("{pacjent:Osoba} próbuje zamówić receptę na {leki:Leki}")
def step_tries_to_order(context, pacjent, leki):
    """Próbuje zamówić te leki, spodziewając się odmowy; zapamiętuje listę zamówień sprzed próby."""
    acting(context, pacjent)
    context.orders_before = orders_page(context).orders()
    context.page = recipes(context.page).order_expecting_refusal(leki)


@when("{pacjent:Osoba} próbuje zamówić receptę, nie zaznaczając żadnego leku")
def step_tries_to_order_nothing(context, pacjent):
    """Naciska „Zamów receptę” bez zaznaczonego leku, spodziewając się odmowy."""
    acting(context, pacjent)
    context.orders_before = orders_page(context).orders()
    context.page = recipes(context.page).order_expecting_refusal([])


@when("{pacjent:Osoba} przegląda swoje recepty")
def step_views_prescriptions(context, pacjent):
    """Otwiera zakładkę „Recepty”."""
    acting(context, pacjent)
    context.page = recipes(context.page)


@when("{pacjent:Osoba} przegląda swoje zamówione recepty")
def step_views_orders(context, pacjent):
    """Otwiera zakładkę „Zamówione recepty”."""
    acting(context, pacjent)
    orders_page(context)


@when("{pacjent:Osoba} anuluje to zamówienie")
def step_cancels(context, pacjent):
    """„Anuluj zamówienie” przy zamówieniu złożonym ostatnio w scenariuszu."""
    acting(context, pacjent)
    page = orders_page(context)
    context.page = page.cancel(shown_order(page, created(context).last(OrderRef).medicines))


# -- the doctor (the facility's side) -------------------------------------------------------------------------
@when("lekarz rozpoczyna realizację tego zamówienia")
def step_doctor_starts(context):
    """Lekarz (strona placówki) zaczyna realizować zamówienie złożone ostatnio w scenariuszu."""
    facility(context).start_order(created(context).last(OrderRef))


@when("lekarz realizuje to zamówienie")
def step_doctor_completes(context):
    """Lekarz (strona placówki) realizuje zamówienie złożone ostatnio w scenariuszu."""
    facility(context).complete_order(created(context).last(OrderRef))


@when("lekarz odrzuca to zamówienie z komentarzem „{komentarz:Tekst}”")
def step_doctor_rejects(context, komentarz):
    """Lekarz (strona placówki) odrzuca zamówienie złożone ostatnio w scenariuszu, z tym komentarzem."""
    facility(context).reject_order(created(context).last(OrderRef), komentarz)


# -- Wtedy ------------------------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi swoje zamówienie na {leki:Leki} jako {stan:StanZamowienia}")
def step_sees_order_state(context, pacjent, leki, stan):
    """Sprawdza w „Zamówionych receptach” stan najnowszego zamówienia na te leki."""
    acting(context, pacjent)
    assert_that(shown_order(orders_page(context), leki).state, equal_to(stan))


@then("{pacjent:Osoba} widzi to zamówienie jako {stan:StanZamowienia}")
def step_sees_this_order_state(context, pacjent, stan):
    """Sprawdza w „Zamówionych receptach” stan zamówienia złożonego ostatnio w scenariuszu."""
    acting(context, pacjent)
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).state, equal_to(stan))


@then("to zamówienie trafiło do lekarza „{lekarz:Tekst}” z placówki POZ „{placowka:Tekst}”")
def step_order_went_to_doctor(context, lekarz, placowka):
    """Sprawdza, że przy zamówieniu złożonym ostatnio w scenariuszu widnieje ten lekarz i ta placówka."""
    ref = created(context).last(OrderRef)
    doctor = shown_order(orders_page(context), ref.medicines).doctor
    assert_that((lekarz in doctor, placowka in doctor), equal_to((True, True)), f"lekarz i placówka: „{doctor}”")


@then("przy tym zamówieniu widnieje komentarz lekarza „{komentarz:Tekst}”")
def step_sees_doctor_comment(context, komentarz):
    """Sprawdza komentarz lekarza przy zamówieniu złożonym ostatnio w scenariuszu."""
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).comment, equal_to(komentarz))


@then("{pacjent:Osoba} nie może anulować tego zamówienia")
def step_cannot_cancel(context, pacjent):
    """Sprawdza, że przy zamówieniu złożonym ostatnio w scenariuszu nie ma „Anuluj zamówienie”."""
    acting(context, pacjent)
    ref = created(context).last(OrderRef)
    assert_that(shown_order(orders_page(context), ref.medicines).cancellable, equal_to(False),
                "nie powinno być „Anuluj zamówienie”")


@then("{pacjent:Osoba} może zamówić receptę tylko na {leki:Leki}")
def step_can_order_only(context, pacjent, leki):
    """Sprawdza w „Recepty”, że do zamówienia dają się zaznaczyć dokładnie te leki."""
    acting(context, pacjent)
    assert_that(context.page.orderable_medicines(), contains_inanyorder(*leki))


@then("{pacjent:Osoba} nie może zamówić leku {lek:Leki}, którego nie przyjmuje przewlekle")
def step_cannot_order_medicine(context, pacjent, lek):
    """Sprawdza, że lek jest na liście recept, ale nie da się go zaznaczyć do zamówienia."""
    acting(context, pacjent)
    assert_that(context.page.listed_medicines(), has_item(starts_with(lek[0])), "lek powinien być na liście recept")
    assert_that(context.page.orderable_medicines(), is_not(has_item(lek[0])))


@then("{pacjent:Osoba} dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ")
def step_told_no_declaration(context, pacjent):
    """Sprawdza komunikat odmowy: najpierw trzeba złożyć deklarację wyboru lekarza POZ."""
    acting(context, pacjent)
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_says(PrescriptionsPage.NO_DOCTOR_DECLARATION), equal_to(True),
                f"komunikat powinien mówić o deklaracji wyboru lekarza POZ: „{context.page.refusal_message()}”")


@then("{pacjent:Osoba} dowiaduje się, że zamówienie nie może zostać zrealizowane i trzeba skontaktować się "
      "z placówką")
def step_told_ordering_disabled(context, pacjent):
    """Sprawdza komunikat odmowy: placówka nie przyjmuje zamówień, trzeba się z nią skontaktować."""
    acting(context, pacjent)
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_says(PrescriptionsPage.ORDERING_DISABLED), equal_to(True),
                f"komunikat: „{context.page.refusal_message()}”")


@then("iIKP nie przyjmuje zamówienia i mówi dlaczego")
def step_order_refused(context):
    """Sprawdza, że zostaje ekran „Recepty” z komunikatem, dlaczego zamówienie nie przeszło."""
    assert_that(context.page, instance_of(PrescriptionsPage))
    assert_that(context.page.refusal_message(), is_not(equal_to("")), "komunikat, dlaczego zamówienie nie przeszło")


@then("{pacjent:Osoba} nie ma nowego zamówienia")
def step_no_new_order(context, pacjent):
    """Sprawdza, że lista „Zamówione recepty” jest taka sama jak przed próbą."""
    acting(context, pacjent)
    assert_that(orders_page(context).orders(), equal_to(context.orders_before), "lista zamówień przed próbą i po niej")


# -- earlier orders, named by their medicines ----------------------------------------------------------------------
def named_order(context, patient: str, medicines: list[str]) -> OrderRef:
    """The order of these medicines the scenario placed or arranged last."""
    persona = acting(context, patient)
    return created(context).named(OrderRef, f"zamówienie na {', '.join(f'„{m}”' for m in medicines)}", lambda ref: (
        ref.patient == persona and sorted(ref.medicines) == sorted(medicines)))


def cancel_order(context, ref: OrderRef) -> None:
    """„Anuluj zamówienie” at this order on „Zamówione recepty”."""
    page = orders_page(context)
    context.page = page.cancel(shown_order(page, ref.medicines))


def repeat_order(context, ref: OrderRef) -> None:
    """„Zamów ponownie” at this order; the new order is remembered (and cancelled after the scenario)."""
    page = orders_page(context)
    context.page = page.repeat(shown_order(page, ref.medicines))
    placed(context, ref.patient, list(ref.medicines))


@given("{pacjent:Osoba} zamówił {kiedy:Dawniej} receptę na {leki:Leki}")
@given("{pacjent:Osoba} zamówiła {kiedy:Dawniej} receptę na {leki:Leki}")
def step_ordered_days_ago(context, pacjent, kiedy, leki):
    """Układa w symulatorze zamówienie na te leki złożone tyle dni przed dzisiejszą datą."""
    created(context).add(given_state(context).order_placed(use_persona(context, pacjent), leki, days_ago=kiedy))


@when("{pacjent:Osoba} anuluje zamówienie na {leki:Leki}")
def step_cancels_named(context, pacjent, leki):
    """„Anuluj zamówienie” przy zamówieniu na te leki, złożonym albo ułożonym wcześniej w scenariuszu."""
    cancel_order(context, named_order(context, pacjent, leki))


@when("{pacjent:Osoba} zamawia ponownie receptę na {leki:Leki}")
def step_orders_named_again(context, pacjent, leki):
    """„Zamów ponownie” przy zamówieniu na te leki ze scenariusza (nie może już być otwarte)."""
    repeat_order(context, named_order(context, pacjent, leki))

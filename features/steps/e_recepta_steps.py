"""Steps of ordering a prescription continuation („Recepty”) and following the order („Zamówione recepty”)."""

from behave import given, then, when

from harness.created import OrderRef
from harness.expect import Words, expect, expect_message, expect_screen, say
from harness.steps_api import (
    acting,
    arranged,
    facility,
    last,
    named_order,
    on_screen,
    remember,
    shown_order,
    today,
    use_persona,
)
from pages.prescriptions import PrescriptionsPage


# -- Zakładając (simulator) ---------------------------------------------------------------------------
@given("{pacjent:Osoba} zamówił receptę na {leki:Leki}")
@given("{pacjent:Osoba} zamówiła receptę na {leki:Leki}")
def step_ordered_before(context, pacjent, leki):
    """Układa w symulatorze złożone dziś zamówienie na te leki; „to zamówienie” w dalszych krokach to ono."""
    remember(context, arranged(context).order_placed(use_persona(context, pacjent), leki))


@given("{pacjent:Osoba} ma receptę na {leki:Leki} przyjmowaną przewlekle")
def step_has_prescription(context, pacjent, leki):
    """Układa w symulatorze receptę na każdy z tych leków jako przyjmowany przewlekle."""
    arranged(context).prescriptions(use_persona(context, pacjent), leki)


# -- the patient ------------------------------------------------------------------------------------------
@when("{pacjent:Osoba} zamawia receptę na {leki:Leki}")
def step_orders(context, pacjent, leki):
    """Na ekranie: „Recepty” → zaznaczenie leków → „Zamów receptę” → potwierdzenie. Po scenariuszu zamówienie
    jest anulowane, jeśli się da."""
    persona = acting(context, pacjent)
    context.page = context.page.prescriptions().order(leki)
    remember(context, OrderRef(persona, tuple(leki), today(context)))


@when("{pacjent:Osoba} zamawia ponownie to samo")
def step_orders_again(context, pacjent):
    """„Zamów ponownie” przy zamówieniu złożonym ostatnio w scenariuszu (nie może już być otwarte)."""
    persona, medicines = acting(context, pacjent), last(context, OrderRef).medicines
    context.page = context.page.ordered_prescriptions(anew=True).repeat_order_of(medicines)
    remember(context, OrderRef(persona, medicines, today(context)))


@when("{pacjent:Osoba} próbuje zamówić receptę na {leki:Leki}")
def step_tries_to_order(context, pacjent, leki):
    """Próbuje zamówić te leki, spodziewając się odmowy; zapamiętuje listę zamówień sprzed próby."""
    acting(context, pacjent)
    context.scene.before = on_screen(context, context.page.ordered_prescriptions()).orders()
    context.page = context.page.prescriptions().order_expecting_refusal(leki)


@when("{pacjent:Osoba} próbuje zamówić receptę, nie zaznaczając żadnego leku")
def step_tries_to_order_nothing(context, pacjent):
    """Naciska „Zamów receptę” bez zaznaczonego leku, spodziewając się odmowy."""
    acting(context, pacjent)
    context.scene.before = on_screen(context, context.page.ordered_prescriptions()).orders()
    context.page = context.page.prescriptions().order_expecting_refusal([])


@when("{pacjent:Osoba} przegląda swoje recepty")
def step_views_prescriptions(context, pacjent):
    """Otwiera zakładkę „Recepty”."""
    acting(context, pacjent)
    context.page = context.page.prescriptions()


@when("{pacjent:Osoba} przegląda swoje zamówione recepty")
def step_views_orders(context, pacjent):
    """Otwiera zakładkę „Zamówione recepty”."""
    acting(context, pacjent)
    context.page = context.page.ordered_prescriptions(anew=True)


@when("{pacjent:Osoba} anuluje to zamówienie")
def step_cancels(context, pacjent):
    """„Anuluj zamówienie” przy zamówieniu złożonym ostatnio w scenariuszu."""
    acting(context, pacjent)
    context.page = context.page.ordered_prescriptions(anew=True).cancel_order_of(last(context, OrderRef).medicines)


# -- the doctor (the facility's side) -------------------------------------------------------------------------
@when("lekarz rozpoczyna realizację tego zamówienia")
def step_doctor_starts(context):
    """Lekarz (strona placówki) zaczyna realizować zamówienie złożone ostatnio w scenariuszu."""
    facility(context).start_order(last(context, OrderRef))


@when("lekarz realizuje to zamówienie")
def step_doctor_completes(context):
    """Lekarz (strona placówki) realizuje zamówienie złożone ostatnio w scenariuszu."""
    facility(context).complete_order(last(context, OrderRef))


@when("lekarz odrzuca to zamówienie z komentarzem „{komentarz:Tekst}”")
def step_doctor_rejects(context, komentarz):
    """Lekarz (strona placówki) odrzuca zamówienie złożone ostatnio w scenariuszu, z tym komentarzem."""
    facility(context).reject_order(last(context, OrderRef), komentarz)


# -- Wtedy ------------------------------------------------------------------------------------------------------
@then("{pacjent:Osoba} widzi swoje zamówienie na {leki:Leki} jako {stan:StanZamowienia}")
def step_sees_order_state(context, pacjent, leki, stan):
    """Sprawdza w „Zamówione recepty” stan najnowszego zamówienia na te leki."""
    acting(context, pacjent)
    order = shown_order(context, leki)
    expect(f"zamówienie na {say(leki)}", stan, order.status, holds=order.state is stan)


@then("{pacjent:Osoba} widzi to zamówienie jako {stan:StanZamowienia}")
def step_sees_this_order_state(context, pacjent, stan):
    """Sprawdza w „Zamówione recepty” stan zamówienia złożonego ostatnio w scenariuszu."""
    acting(context, pacjent)
    order = shown_order(context)
    expect(f"zamówienie na {say(order.medicines)}", stan, order.status, holds=order.state is stan)


@then("to zamówienie trafiło do lekarza „{lekarz:Tekst}” z placówki POZ „{placowka:Tekst}”")
def step_order_went_to_doctor(context, lekarz, placowka):
    """Sprawdza, że przy zamówieniu złożonym ostatnio w scenariuszu widnieje ten lekarz i ta placówka."""
    order = shown_order(context)
    expect("lekarz tego zamówienia", Words(f"„{lekarz}” z placówki „{placowka}”"), order.doctor,
           holds=lekarz in order.doctor and placowka in order.doctor)


@then("przy tym zamówieniu widnieje komentarz lekarza „{komentarz:Tekst}”")
def step_sees_doctor_comment(context, komentarz):
    """Sprawdza komentarz lekarza przy zamówieniu złożonym ostatnio w scenariuszu."""
    order = shown_order(context)
    expect("komentarz lekarza przy tym zamówieniu", komentarz, order.comment)


@then("{pacjent:Osoba} nie może anulować tego zamówienia")
def step_cannot_cancel(context, pacjent):
    """Sprawdza, że przy zamówieniu złożonym ostatnio w scenariuszu nie ma „Anuluj zamówienie”."""
    acting(context, pacjent)
    order = shown_order(context)
    expect("to zamówienie", Words("bez przycisku „Anuluj zamówienie”"),
           Words("przycisk „Anuluj zamówienie”" if order.cancellable else "bez przycisku"), holds=not order.cancellable)


@then("{pacjent:Osoba} może zamówić receptę tylko na {leki:Leki}")
def step_can_order_only(context, pacjent, leki):
    """Sprawdza w „Recepty”, że do zamówienia dają się zaznaczyć dokładnie te leki."""
    acting(context, pacjent)
    shown = context.page.orderable_medicines()
    expect("leki, które można zamówić w „Recepty”", leki, shown, holds=sorted(shown) == sorted(leki))


@then("{pacjent:Osoba} nie może zamówić leku {lek:Leki}, którego nie przyjmuje przewlekle")
def step_cannot_order_medicine(context, pacjent, lek):
    """Sprawdza, że lek jest na liście recept, ale nie da się go zaznaczyć do zamówienia."""
    acting(context, pacjent)
    listed, orderable = context.page.listed_medicines(), context.page.orderable_medicines()
    expect(f"lek „{lek[0]}” w „Recepty”", Words("na liście recept, bez pola do zamówienia"), orderable,
           holds=any(entry.startswith(lek[0]) for entry in listed) and lek[0] not in orderable)


@then("{pacjent:Osoba} dowiaduje się, że najpierw musi złożyć deklarację wyboru lekarza POZ")
def step_told_no_declaration(context, pacjent):
    """Sprawdza komunikat odmowy: najpierw trzeba złożyć deklarację wyboru lekarza POZ."""
    acting(context, pacjent)
    expect_screen(context.page, PrescriptionsPage, subject="ekran po próbie zamówienia")
    expect_message(context.page, "komunikat po próbie zamówienia", PrescriptionsPage.NO_DOCTOR_DECLARATION)


@then("{pacjent:Osoba} dowiaduje się, że zamówienie nie może zostać zrealizowane i trzeba skontaktować się "
      "z placówką")
def step_told_ordering_disabled(context, pacjent):
    """Sprawdza komunikat odmowy: placówka nie przyjmuje zamówień, trzeba się z nią skontaktować."""
    acting(context, pacjent)
    expect_screen(context.page, PrescriptionsPage, subject="ekran po próbie zamówienia")
    expect_message(context.page, "komunikat po próbie zamówienia", PrescriptionsPage.ORDERING_DISABLED)


@then("iIKP nie przyjmuje zamówienia i mówi dlaczego")
def step_order_refused(context):
    """Sprawdza, że zostaje ekran „Recepty” z komunikatem, dlaczego zamówienie nie przeszło."""
    expect_screen(context.page, PrescriptionsPage, subject="ekran po próbie zamówienia")
    expect_message(context.page, "komunikat, dlaczego zamówienie nie przeszło")


@then("{pacjent:Osoba} nie ma nowego zamówienia")
def step_no_new_order(context, pacjent):
    """Sprawdza, że lista „Zamówione recepty” jest taka sama jak przed próbą."""
    acting(context, pacjent)
    shown = on_screen(context, context.page.ordered_prescriptions(anew=True)).orders()
    expect("lista „Zamówione recepty”", context.scene.before, shown)


# -- earlier orders, named by their medicines ----------------------------------------------------------------------
@given("{pacjent:Osoba} zamówił {kiedy:Dawniej} receptę na {leki:Leki}")
@given("{pacjent:Osoba} zamówiła {kiedy:Dawniej} receptę na {leki:Leki}")
def step_ordered_days_ago(context, pacjent, kiedy, leki):
    """Układa w symulatorze zamówienie na te leki złożone tyle dni przed dzisiejszą datą."""
    remember(context, arranged(context).order_placed(use_persona(context, pacjent), leki, days_ago=kiedy))


@when("{pacjent:Osoba} anuluje zamówienie na {leki:Leki}")
def step_cancels_named(context, pacjent, leki):
    """„Anuluj zamówienie” przy zamówieniu na te leki, złożonym albo ułożonym wcześniej w scenariuszu."""
    medicines = named_order(context, pacjent, leki).medicines
    context.page = context.page.ordered_prescriptions(anew=True).cancel_order_of(medicines)


@when("{pacjent:Osoba} zamawia ponownie receptę na {leki:Leki}")
def step_orders_named_again(context, pacjent, leki):
    """„Zamów ponownie” przy zamówieniu na te leki ze scenariusza (nie może już być otwarte)."""
    ref = named_order(context, pacjent, leki)
    context.page = context.page.ordered_prescriptions(anew=True).repeat_order_of(ref.medicines)
    remember(context, OrderRef(ref.patient, ref.medicines, today(context)))

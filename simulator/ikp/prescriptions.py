"""„Recepty” with its sub-tabs „Moje recepty” and „Zamówione recepty”: order, confirm, follow, cancel, repeat.

Public IKP descriptions (infor.pl, mbrk.pl, zdrowie.wprost.pl): the patient ticks medicines, presses
„Zamów receptę” and then confirms ("a następnie potwierdzamy"); the order goes to the doctor of the
patient's last active POZ doctor declaration; a facility that has not switched the service on means
the order "nie może zostać zrealizowane"; the patient can cancel until the doctor starts, and can
repeat an earlier order.
"""

from flask import Blueprint, abort, request

from simulator.ikp.common import current_pesel, finish, parse_id, render_page, today
from simulator.model import Conflict, NotFound, orders
from simulator.web import get_conn, settings

bp = Blueprint("prescriptions", __name__)

ORDERS_PATH = "/ikp/recepty/zamowione"


def _selected():
    """The patient's own continuation prescriptions among the posted ids, sorted."""
    chosen = {parse_id(value) for value in request.form.getlist("prescription")}
    return sorted(chosen & orders.orderable_ids(get_conn(), current_pesel()))


def _list(error=None, selected=()):
    conn = get_conn()
    return render_page("prescriptions.html", prescriptions=orders.prescriptions_for(conn, current_pesel()),
                       selected=set(selected), error=error, status=422 if error else 200)


def _confirmation(selected):
    """The confirmation step, or the list with the reason why the order cannot be placed."""
    conn = get_conn()
    try:
        doctor = orders.check_orderable(conn, current_pesel(), selected)
    except orders.Refused as refused:
        return _list(refused.args[0], selected)
    listed = orders.prescriptions_for(conn, current_pesel())
    chosen = [p for p in listed if p["id"] in selected]
    # --variant confirm-dialog: a modal dialog over „Moje recepty” (the list behind it, ticks kept) instead of a page
    dialog = settings().variant("confirm-dialog")
    return render_page("prescriptions.html" if dialog else "order_confirm.html", chosen=chosen, doctor=doctor,
                       dialog=dialog, prescriptions=listed, selected=set(selected), error=None)


@bp.route("/ikp/recepty", methods=["GET", "POST"])
def prescription_list():
    """„Moje recepty”: earlier prescriptions; ticking continuation medicines and „Zamów receptę” asks to confirm."""
    if request.method == "GET":
        return _list()
    return _confirmation(_selected())


@bp.post("/ikp/recepty/potwierdz")
def confirm_order():
    """„Potwierdź”: place the order of the confirmed medicines."""
    try:
        orders.place(get_conn(), current_pesel(), _selected(), today())
    except orders.Refused as refused:
        return _list(refused.args[0], _selected())
    return finish("order_placed", ORDERS_PATH)


def _repeatable():
    """The statuses of an order that „Zamów ponownie” is offered for (--variant repeat-fulfilled-only: fulfilled)."""
    return ("fulfilled",) if settings().variant("repeat-fulfilled-only") else ("cancelled", "rejected", "fulfilled")


def _order_list(error=None):
    return render_page("orders.html", orders=orders.for_patient(get_conn(), current_pesel()), error=error,
                       repeatable=_repeatable(), status=409 if error else 200)


@bp.get(ORDERS_PATH)
def order_list():
    """„Zamówione recepty”: the patient's orders, newest first, with status and the doctor's comment."""
    return _order_list()


@bp.post(ORDERS_PATH + "/<id:order_id>/anuluj")
def order_cancel(order_id):
    """Cancel an order the doctor has not started yet."""
    try:
        orders.transition(get_conn(), order_id, "cancel", pesel=current_pesel())
    except NotFound:
        abort(404)
    except Conflict:
        return _order_list(error="not_cancellable")
    return finish("order_cancelled", ORDERS_PATH)


@bp.post(ORDERS_PATH + "/<id:order_id>/ponow")
def order_repeat(order_id):
    """„Zamów ponownie”: the confirmation step for the same medicines as an earlier order."""
    conn = get_conn()
    order = next((o for o in orders.for_patient(conn, current_pesel()) if o["id"] == order_id), None)
    if order is None:
        abort(404)
    if settings().variant("repeat-fulfilled-only") and order["status"] not in _repeatable():
        return _order_list(error="not_repeatable")
    selected = sorted({m["id"] for m in order["medicines"]} & orders.orderable_ids(conn, current_pesel()))
    return _confirmation(selected)

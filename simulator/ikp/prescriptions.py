"""„Recepty” (order continuation medicines) and „Zamówione recepty” (follow and cancel orders)."""

from flask import Blueprint, abort, request

from simulator.ikp.common import current_pesel, finish, parse_id, render_page, today
from simulator.model import Conflict, NotFound, orders
from simulator.web import get_conn

bp = Blueprint("prescriptions", __name__)


@bp.route("/ikp/recepty", methods=["GET", "POST"])
def prescription_list():
    """Earlier prescriptions; ticking continuation medicines and „Zamów receptę” places an order."""
    conn = get_conn()
    error, selected = None, set()
    if request.method == "POST":
        selected = {parse_id(value) for value in request.form.getlist("prescription")}
        selected &= orders.orderable_ids(conn, current_pesel())
        try:
            orders.place(conn, current_pesel(), sorted(selected), today())
        except orders.Refused as refused:
            error = refused.args[0]
        else:
            return finish("order_placed", "/ikp/zamowione-recepty")
    return render_page(
        "prescriptions.html",
        prescriptions=orders.prescriptions_for(conn, current_pesel()),
        selected=selected,
        error=error,
    )


def _order_list(error=None):
    return render_page("orders.html", orders=orders.for_patient(get_conn(), current_pesel()), error=error)


@bp.get("/ikp/zamowione-recepty")
def order_list():
    """The patient's orders, newest first, with status and the doctor's comment."""
    return _order_list()


@bp.post("/ikp/zamowione-recepty/<id:order_id>/anuluj")
def order_cancel(order_id):
    """Cancel an order the doctor has not started yet."""
    try:
        orders.transition(get_conn(), order_id, "cancel", pesel=current_pesel())
    except NotFound:
        abort(404)
    except Conflict:
        return _order_list(error="not_cancellable")
    return finish("order_cancelled", "/ikp/zamowione-recepty")

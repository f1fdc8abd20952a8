"""„Uprawnienia”: list, grant and withdraw consents and authorisations."""

from flask import Blueprint, abort, request

from simulator import db
from simulator.ikp.common import current_pesel, finish, render_page, today
from simulator.model import consents
from simulator.web import get_conn

bp = Blueprint("consents", __name__)


@bp.get("/ikp/uprawnienia")
def consent_list():
    """Every consent, withdrawn ones included."""
    return render_page("consents.html", consents=consents.for_patient(get_conn(), current_pesel()))


@bp.route("/ikp/uprawnienia/nowe", methods=["GET", "POST"])
def consent_new():
    """Grant a consent; errors are shown next to the fields."""
    errors = {}
    if request.method == "POST":
        conn = get_conn()
        values, errors = consents.validate(request.form, current_pesel(), today())
        if not errors:
            with db.transaction(conn):
                if consents.duplicate_exists(conn, current_pesel(), values):
                    errors["form"] = "duplicate"
                else:
                    consents.create(conn, current_pesel(), values)
        if not errors:
            return finish("consent_saved", "/ikp/uprawnienia")
    return render_page("consent_new.html", values=request.form, errors=errors, kinds=consents.KINDS)


@bp.post("/ikp/uprawnienia/<id:consent_id>/wycofaj")
def consent_withdraw(consent_id):
    """Withdraw an active consent; it stays in the list as withdrawn."""
    if not consents.withdraw(get_conn(), current_pesel(), consent_id, today()):
        abort(404)
    return finish("consent_withdrawn", "/ikp/uprawnienia")

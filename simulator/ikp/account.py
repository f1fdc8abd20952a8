"""„Moje konto” and „Edytuj swoje dane”."""

from flask import Blueprint, request

from simulator.ikp.common import current_pesel, finish, render_page
from simulator.model import declarations, patients
from simulator.web import get_conn

bp = Blueprint("account", __name__)


@bp.get("/ikp/konto")
def account():
    """The account: personal and contact data, the POZ section."""
    conn = get_conn()
    patient = patients.get(conn, current_pesel())
    return render_page(
        "account.html",
        account=patient,
        contact=patients.contact_of(patient),
        poz=declarations.active_by_role(conn, current_pesel()),
        roles=declarations.ROLE_SLUGS,
    )


@bp.route("/ikp/konto/edycja", methods=["GET", "POST"])
def edit_contact():
    """Edit e-mail, mobile phone and notification channel."""
    conn = get_conn()
    errors = {}
    if request.method == "POST":
        values, errors = patients.validate_contact(request.form)
        if not errors:
            patients.save_contact(conn, current_pesel(), values)
            return finish("contact_saved", "/ikp/konto")
        values.update(email=request.form.get("email", ""), phone=request.form.get("phone", ""))
    else:
        values = patients.contact_of(patients.get(conn, current_pesel())) or {}
    return render_page("contact_edit.html", values=values, errors=errors)

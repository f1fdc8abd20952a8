"""„Moje konto” and „Edytuj swoje dane”."""

from flask import Blueprint, redirect, request

from simulator.ikp.auth import FIRST_CONTACT_PATH
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


def _contact_form(template, done):
    """Show the contact form, or save it and go to `done` (a phone and/or an e-mail, SMS and/or e-mail)."""
    conn = get_conn()
    errors = {}
    if request.method == "POST":
        if request.form.get("skip") == "tak":
            return redirect(done)
        values, errors = patients.validate_contact(request.form)
        if not errors:
            patients.save_contact(conn, current_pesel(), values)
            return finish("contact_saved", done)
        values.update(email=request.form.get("email", ""), phone=request.form.get("phone", ""))
    else:
        values = patients.contact_of(patients.get(conn, current_pesel())) or {}
    return render_page(template, values=values, errors=errors, status=422 if errors else 200)


@bp.route("/ikp/konto/edycja", methods=["GET", "POST"])
def edit_contact():
    """„Edytuj swoje dane”: e-mail, mobile phone and notification channels."""
    return _contact_form("contact_edit.html", "/ikp/konto")


@bp.route(FIRST_CONTACT_PATH, methods=["GET", "POST"])
def first_contact():
    """The first login's contact step: the patient may give a phone and/or an e-mail right away, or skip."""
    return _contact_form("contact_first.html", "/ikp")

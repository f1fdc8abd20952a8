"""„Uprawnienia”: the list (withdrawn ones included), the grant wizard, and withdrawal.

The grant is a wizard, as public IKP instructions describe it (cmbm.pl; gazeta-dla-lekarzy.com): the
kind of access, then the recipient (or, for a consent to services, which services), „Dalej”, then the
scope and the dates (the start today or later, the end optional), then save. The values of earlier
steps travel in hidden fields, so every step is a plain page of its own.
"""

from flask import Blueprint, abort, request

from simulator import db
from simulator.ikp.common import current_pesel, finish, render_page, today
from simulator.model import consents
from simulator.web import get_conn, settings

bp = Blueprint("consents", __name__)

# The fields each step of the wizard asks for; errors are shown on the step that asked. The scope is
# step 2 for a consent to services (which services) and step 3 for a person's authorisation.
STEP_FIELDS = {1: ("kind",), 2: ("person_name", "person_pesel"), 3: ("date_from", "date_to", "form")}


def _step_of(field, kind):
    if field == "scope":
        return 3 if kind in consents.PERSON_KINDS else 2
    return next(step for step, fields in STEP_FIELDS.items() if field in fields)


@bp.get("/ikp/uprawnienia")
def consent_list():
    """Every consent, withdrawn ones included."""
    return render_page("consents.html", consents=consents.for_patient(get_conn(), current_pesel()))


def _step(number, errors=None):
    return render_page("consent_new.html", step=number, values=request.form, errors=errors or {},
                       kinds=consents.KINDS, person_kinds=consents.PERSON_KINDS, scopes=consents.PERSON_SCOPES,
                       status=422 if errors else 200)


@bp.route("/ikp/uprawnienia/nowe", methods=["GET", "POST"])
def consent_new():
    """The wizard: step 1 the kind, step 2 the recipient or the services, step 3 scope and dates; then save."""
    if request.method == "GET":
        return _step(1)
    try:
        step = int(request.form.get("krok", "1"))
    except ValueError:
        abort(400)
    if step not in STEP_FIELDS:
        abort(400)
    values, errors = consents.validate(request.form, current_pesel(), today(), complete=step == 3,
                                       end_required=settings().variant("end-date-required"))
    kind = request.form.get("kind", "")
    for shown in range(1, step + 1):
        mine = {field: code for field, code in errors.items() if _step_of(field, kind) == shown}
        if mine:
            return _step(shown, mine)
    if step < 3:
        return _step(step + 1)
    conn = get_conn()
    with db.transaction(conn):
        if consents.duplicate_exists(conn, current_pesel(), values):
            return _step(3, {"form": "duplicate"})
        consents.create(conn, current_pesel(), values)
    return finish("consent_saved", "/ikp/uprawnienia")


@bp.post("/ikp/uprawnienia/<id:consent_id>/wycofaj")
def consent_withdraw(consent_id):
    """Withdraw an active consent; it stays in the list as withdrawn („Zawsze możesz cofnąć”, pacjent.gov.pl)."""
    if not consents.withdraw(get_conn(), current_pesel(), consent_id, today()):
        abort(404)
    return finish("consent_withdrawn", "/ikp/uprawnienia")

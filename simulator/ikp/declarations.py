"""POZ declarations: facility search, choice of person, confirmation with the fee, list of declarations."""

from flask import Blueprint, abort, request

from simulator.ikp.common import current_pesel, finish, parse_id, render_page, require, today
from simulator.model import NotFound, declarations, facilities, patients
from simulator.pesel import birth_date
from simulator.web import get_conn

bp = Blueprint("declarations", __name__)


@bp.get("/ikp/deklaracje")
def declaration_list():
    """„Zobacz deklaracje”: every declaration with its status."""
    return render_page("declarations.html", declarations=declarations.for_patient(get_conn(), current_pesel()))


def _role():
    slug = request.values.get("rola", "")
    return slug, require(declarations.ROLE_SLUGS.get(slug))


def _facility():
    try:
        return facilities.get(get_conn(), require(parse_id(request.values.get("placowka"))))
    except NotFound:
        abort(404)


@bp.get("/ikp/deklaracje/nowa")
def choose_facility():
    """Step 1: search facilities by city or name."""
    slug, role = _role()
    query = request.args.get("q")
    results = facilities.search(get_conn(), query) if query and query.strip() else None
    return render_page("declaration_facility.html", slug=slug, role=role, query=query or "", results=results)


def _staff_page(slug, role, facility, errors=None, status=200):
    staff = [member for member in facility["staff"] if member["role"] == role]
    return render_page("declaration_staff.html", status=status, slug=slug, role=role, facility=facility,
                       staff=staff, errors=errors or {}, values=request.values,
                       exemptions=declarations.EXEMPTIONS)


@bp.get("/ikp/deklaracje/nowa/osoba")
def choose_person():
    """Step 2: the facility's staff of this role and the reason for the change."""
    slug, role = _role()
    return _staff_page(slug, role, _facility())


def _choice():
    """The role, facility, person and reason posted by step 2 or the confirmation; errors by field."""
    slug, role = _role()
    facility = _facility()
    staff_id = parse_id(request.form.get("staff"))
    member = next((m for m in facility["staff"] if m["id"] == staff_id and m["role"] == role), None)
    exemption = request.form.get("reason", "")
    errors = {}
    if member is None:
        errors["staff"] = "missing"
    if exemption not in declarations.EXEMPTIONS:
        errors["reason"] = "missing"
    return slug, role, facility, member, exemption, errors


@bp.post("/ikp/deklaracje/nowa/podsumowanie")
def confirm():
    """Step 3: which choice in this year it is, and whether it costs 80 zł."""
    slug, role, facility, member, exemption, errors = _choice()
    if errors:
        return _staff_page(slug, role, facility, errors)
    conn = get_conn()
    year = today().year
    number = declarations.choice_number(conn, current_pesel(), role, year)
    patient = patients.get(conn, current_pesel())
    return render_page("declaration_summary.html", slug=slug, role=role, facility=facility, member=member,
                       exemption=exemption, number=number, year=year,
                       fee=declarations.fee(number, exemption), patient_row=patient,
                       birth_date=birth_date(patient["pesel"]), contact=patients.contact_of(patient))


@bp.post("/ikp/deklaracje/nowa/zloz")
def submit():
    """Submit the confirmed declaration."""
    slug, role, facility, member, exemption, errors = _choice()
    if errors:
        return _staff_page(slug, role, facility, errors)
    declarations.submit(get_conn(), current_pesel(), role, member["id"], exemption, today())
    return finish("declaration_submitted", "/ikp/deklaracje")

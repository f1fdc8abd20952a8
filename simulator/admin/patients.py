"""Admin API: patients and arranging their state (terms, contact, consents, prescriptions, orders, declarations)."""

from flask import Blueprint, jsonify

from simulator import baseline, clock, db
from simulator import pesel as pesel_rules
from simulator.admin import body
from simulator.model import consents, declarations, facilities, orders, patients
from simulator.web import get_conn

bp = Blueprint("admin_patients", __name__)

_NAME = body.text(100)
_CONTACT = {
    "email": body.optional(body.text(254)),
    "phone": body.optional(body.text(30)),
    "channels": body.optional(body.choices(*patients.CHANNELS)),
}


def _valid_pesel(name, value):
    value = body.text(20)(name, value)
    compact, error = pesel_rules.classify(value)
    if error:
        body.fail(f"{name} is not a valid PESEL")
    return compact


@bp.get("/patients")
def patient_list():
    """Every patient."""
    return jsonify(patients.list_all(get_conn()))


@bp.post("/patients")
def patient_create():
    """A new test patient with a built-in persona's baseline."""
    data = body.read(
        {"pesel": _valid_pesel, "first_name": _NAME, "last_name": _NAME,
         "baseline": body.choice(*baseline.PERSONAS)},
        required=("pesel", "first_name", "last_name", "baseline"),
    )
    conn = get_conn()
    with db.transaction(conn):
        if patients.get(conn, data["pesel"]) is not None:
            body.fail("a patient with this PESEL already exists", 409)
        baseline.add_patient(conn, data["pesel"], data["first_name"], data["last_name"], data["baseline"])
    return jsonify(patients.snapshot(conn, data["pesel"])), 201


@bp.get("/patients/<pesel>")
def patient_show(pesel):
    """A patient's whole state."""
    return jsonify(patients.snapshot(get_conn(), pesel))


@bp.patch("/patients/<pesel>")
def patient_update(pesel):
    """Set terms acceptance and contact data."""
    data = body.read({"terms_accepted": body.boolean, "contact": body.optional(body.record(_CONTACT))})
    conn = get_conn()
    with db.transaction(conn):
        patients.require(conn, pesel)
        if "terms_accepted" in data:
            conn.execute("UPDATE patients SET terms_accepted = ? WHERE pesel = ?", (int(data["terms_accepted"]), pesel))
        if "contact" in data:
            patients.save_contact(conn, pesel, data["contact"])
    return jsonify(patients.snapshot(conn, pesel))


@bp.post("/patients/<pesel>/reset")
def patient_reset(pesel):
    """One patient back to baseline; its sessions are dropped."""
    conn = get_conn()
    with db.transaction(conn):
        patients.require(conn, pesel)
        baseline.reset_patient(conn, pesel)
    return jsonify(patients.snapshot(conn, pesel))


@bp.post("/patients/<pesel>/consents")
def consent_create(pesel):
    """Arrange a consent (no business rules checked besides the types)."""
    data = body.read(
        {"kind": body.choice(*consents.KINDS), "person_name": body.optional(_NAME),
         "person_pesel": body.optional(_valid_pesel), "scope": body.optional(body.text(200)),
         "date_from": body.optional(body.date_value), "date_to": body.optional(body.date_value),
         "status": body.choice(*consents.STATUSES)},
        required=("kind",),
    )
    conn = get_conn()
    patients.require(conn, pesel)
    date_to = data.get("date_to")
    values = {
        "kind": data["kind"],
        "person_name": data.get("person_name"),
        "person_pesel": data.get("person_pesel"),
        "scope": data.get("scope") or consents.DEFAULT_SCOPE,
        "date_from": (data.get("date_from") or clock.today(conn, pesel)).isoformat(),
        "date_to": date_to.isoformat() if date_to else None,
    }
    consent_id = consents.create(conn, pesel, values, data.get("status", "active"))
    return jsonify(next(c for c in consents.for_patient(conn, pesel) if c["id"] == consent_id)), 201


@bp.post("/patients/<pesel>/prescriptions")
def prescription_create(pesel):
    """Arrange an earlier prescription."""
    data = body.read(
        {"medicine": body.text(200), "dosage": body.text(200), "continuation": body.boolean},
        required=("medicine",),
    )
    conn = get_conn()
    patients.require(conn, pesel)
    prescription_id = orders.add_prescription(
        conn, pesel, data["medicine"], data.get("dosage", ""), data.get("continuation", True), clock.today(conn, pesel)
    )
    return jsonify(next(p for p in orders.prescriptions_for(conn, pesel) if p["id"] == prescription_id)), 201


@bp.post("/patients/<pesel>/orders")
def order_create(pesel):
    """Arrange an order of the patient's prescriptions (to the doctor of the active declaration), placed today or
    on `placed_on` (not after the patient's today)."""
    data = body.read(
        {"prescription_ids": body.id_list, "status": body.choice(*orders.STATUSES),
         "placed_on": body.optional(body.date_value)}, required=("prescription_ids",)
    )
    conn = get_conn()
    patients.require(conn, pesel)
    today = clock.today(conn, pesel)
    if data.get("placed_on") and data["placed_on"] > today:
        body.fail(f"placed_on must not be after the patient's today ({today.isoformat()})")
    own = {p["id"] for p in orders.prescriptions_for(conn, pesel)}
    if not data["prescription_ids"] or not set(data["prescription_ids"]) <= own:
        body.fail("prescription_ids must be a non-empty list of this patient's prescriptions")
    try:
        order_id = orders.place(conn, pesel, data["prescription_ids"], data.get("placed_on") or today,
                                status=data.get("status", "placed"), check_facility=False)
    except orders.Refused:
        body.fail("the patient has no accepted POZ doctor declaration", 409)
    return jsonify(orders.get(conn, order_id)), 201


def _staff_for(conn, data):
    """The staff member named by staff_id and/or facility_id for the role; 400 when they do not fit."""
    if "staff_id" in data:
        member = facilities.staff_member(conn, data["staff_id"])
        if member is None or member["role"] != data["role"]:
            body.fail("staff_id is not a staff member of that role")
        if data.get("facility_id", member["facility_id"]) != member["facility_id"]:
            body.fail("staff_id does not work at facility_id")
        return member["id"]
    if "facility_id" not in data:
        body.fail("give staff_id or facility_id")
    staff = [m for f in facilities.list_all(conn) if f["id"] == data["facility_id"] for m in f["staff"]]
    member = next((m for m in staff if m["role"] == data["role"]), None)
    if member is None:
        body.fail("no staff member of that role at facility_id")
    return member["id"]


@bp.post("/patients/<pesel>/declarations")
def declaration_create(pesel):
    """Arrange a POZ declaration (its choice number and fee are computed for its date)."""
    data = body.read(
        {"role": body.choice(*declarations.ROLES), "facility_id": body.integer(1, 2**53),
         "staff_id": body.integer(1, 2**53), "status": body.choice(*declarations.STATUSES),
         "submitted_on": body.date_value, "exemption": body.choice(*declarations.EXEMPTIONS),
         "comment": body.optional(body.text(500))},
        required=("role",),
    )
    conn = get_conn()
    patients.require(conn, pesel)
    declaration_id = declarations.submit(
        conn, pesel, data["role"], _staff_for(conn, data), data.get("exemption", "none"),
        data.get("submitted_on") or clock.today(conn, pesel), status=data.get("status", "submitted"),
        note=data.get("comment"),
    )
    return jsonify(declarations.get(conn, declaration_id)), 201


_COMMENT = {"comment": body.optional(body.text(500))}


@bp.post("/orders/<id:order_id>/<any(start, fulfil, reject):action>")
def order_action(order_id, action):
    """The doctor starts, fulfils or rejects (with a comment) an order."""
    data = body.read(_COMMENT)
    return jsonify(orders.transition(get_conn(), order_id, action, comment=data.get("comment")))


@bp.post("/declarations/<id:declaration_id>/<any(accept, reject):action>")
def declaration_action(declaration_id, action):
    """The facility accepts or rejects (with a comment) a declaration."""
    data = body.read(_COMMENT)
    return jsonify(declarations.decide(get_conn(), declaration_id, action == "accept", data.get("comment")))

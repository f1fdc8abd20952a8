"""Patients: lookup, terms, contact data and the full snapshot for the admin API."""

import re

from simulator import db, events
from simulator.model import NotFound, consents, declarations, orders

CHANNELS = ("sms", "email")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_PHONE_SEPARATORS = re.compile(r"[\s-]")


def get(conn, pesel):
    """A patient row, or None."""
    return conn.execute("SELECT * FROM patients WHERE pesel = ?", (pesel,)).fetchone()


def require(conn, pesel):
    """A patient row; NotFound when unknown."""
    row = get(conn, pesel)
    if row is None:
        raise NotFound("patient not found")
    return row


def list_all(conn):
    """Every patient's PESEL and name."""
    rows = conn.execute("SELECT pesel, first_name, last_name FROM patients ORDER BY builtin DESC, rowid")
    return [dict(row) for row in rows]


def accept_terms(conn, pesel):
    """Record that the patient accepted the terms."""
    with db.transaction(conn):
        conn.execute("UPDATE patients SET terms_accepted = 1 WHERE pesel = ?", (pesel,))
        events.record(conn, "terms_accepted", pesel)


def normalise_phone(text):
    """Nine digits after removing spaces, dashes and an optional +48; None when not a mobile number."""
    digits = _PHONE_SEPARATORS.sub("", text)
    if digits.startswith("+48"):
        digits = digits[3:]
    return digits if len(digits) == 9 and digits.isascii() and digits.isdigit() else None


def validate_contact(form):
    """Check the contact form; return (values, errors) with errors as {field: code}."""
    email = form.get("email", "").strip()
    phone = normalise_phone(form.get("phone", ""))
    channel = form.get("channel", "")
    errors = {}
    if not _EMAIL.fullmatch(email) or len(email) > 254:
        errors["email"] = "invalid"
    if phone is None:
        errors["phone"] = "invalid"
    if channel not in CHANNELS:
        errors["channel"] = "missing"
    return {"email": email, "phone": phone, "channel": channel}, errors


def save_contact(conn, pesel, contact):
    """Store the contact data (a dict with email, phone, channel, or None to clear it)."""
    contact = contact or {}
    with db.transaction(conn):
        conn.execute(
            "UPDATE patients SET email = ?, phone = ?, channel = ? WHERE pesel = ?",
            (contact.get("email"), contact.get("phone"), contact.get("channel"), pesel),
        )
        events.record(conn, "contact_updated", pesel)


def contact_of(row):
    """The contact dict of a patient row, or None when nothing is set."""
    contact = {"email": row["email"], "phone": row["phone"], "channel": row["channel"]}
    return contact if any(contact.values()) else None


def snapshot(conn, pesel):
    """Everything the admin API shows about a patient."""
    row = require(conn, pesel)
    session = conn.execute("SELECT 1 FROM sessions WHERE pesel = ?", (pesel,)).fetchone()
    return {
        "pesel": row["pesel"],
        "first_name": row["first_name"],
        "last_name": row["last_name"],
        "baseline": row["baseline"],
        "terms_accepted": bool(row["terms_accepted"]),
        "contact": contact_of(row),
        "session_active": session is not None,
        "consents": consents.for_patient(conn, pesel),
        "prescriptions": orders.prescriptions_for(conn, pesel),
        "orders": orders.for_patient(conn, pesel),
        "declarations": declarations.for_patient(conn, pesel),
    }

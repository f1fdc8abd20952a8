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
    """Check the contact form; return (values, errors) with errors as {field: code}.

    A phone number and/or an e-mail address, and notifications by SMS, by e-mail or both (public IKP
    descriptions: "SMS lub e-mail (albo jedno i drugie)"); a channel needs its address.
    """
    raw_email, raw_phone = form.get("email", "").strip(), form.get("phone", "").strip()
    phone = normalise_phone(raw_phone) if raw_phone else None
    channels = [channel for channel in CHANNELS if channel in form.getlist("channels")]
    errors = {}
    if raw_email and (not _EMAIL.fullmatch(raw_email) or len(raw_email) > 254):
        errors["email"] = "invalid"
    if raw_phone and phone is None:
        errors["phone"] = "invalid"
    if not raw_email and not raw_phone:
        errors["form"] = "nothing"
    if "sms" in channels and not raw_phone and "phone" not in errors:
        errors["phone"] = "needed_for_sms"
    if "email" in channels and not raw_email and "email" not in errors:
        errors["email"] = "needed_for_email"
    return {"email": raw_email or None, "phone": phone, "channels": channels}, errors


def save_contact(conn, pesel, contact):
    """Store the contact data (a dict with email, phone, channels, or None to clear it)."""
    contact = contact or {}
    with db.transaction(conn):
        conn.execute(
            "UPDATE patients SET email = ?, phone = ?, channel = ? WHERE pesel = ?",
            (contact.get("email"), contact.get("phone"), ",".join(contact.get("channels") or []) or None, pesel),
        )
        events.record(conn, "contact_updated", pesel)


def contact_of(row):
    """The contact dict of a patient row ({email, phone, channels}), or None when nothing is set."""
    channels = [channel for channel in (row["channel"] or "").split(",") if channel]
    contact = {"email": row["email"], "phone": row["phone"], "channels": channels}
    return contact if any(contact.values()) else None


def has_contact(row):
    """Whether the patient gave a phone number or an e-mail address."""
    return bool(row["email"] or row["phone"])


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

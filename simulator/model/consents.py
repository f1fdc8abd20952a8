"""Consents and authorisations (Uprawnienia): validation, duplicates, grant and withdrawal."""

import datetime
import re

from simulator import db, events
from simulator import pesel as pesel_rules

KINDS = ("records_access", "health_info", "treatment_consent", "treatment_refusal")
PERSON_KINDS = ("records_access", "health_info")
STATUSES = ("active", "withdrawn")
DEFAULT_SCOPE = "Pełny zakres"
# The scopes a person's authorisation may have ([wybór]: the public instructions show a scope step, not its options).
PERSON_SCOPES = (DEFAULT_SCOPE, "Tylko e-recepty")
MAX_TEXT = 200

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(text):
    """A YYYY-MM-DD date; ValueError otherwise."""
    if not _DATE.fullmatch(text):
        raise ValueError(text)
    return datetime.date.fromisoformat(text)


def _validate_dates(form, today, errors, end_required=False):
    date_from, date_to = today, None
    try:
        if form.get("date_from", "").strip():
            date_from = parse_date(form["date_from"].strip())
            if date_from < today:
                errors["date_from"] = "past"
    except ValueError:
        errors["date_from"] = "format"
    try:
        if form.get("date_to", "").strip():
            date_to = parse_date(form["date_to"].strip())
            if "date_from" not in errors and date_to < date_from:
                errors["date_to"] = "before_start"
    except ValueError:
        errors["date_to"] = "format"
    if end_required and date_to is None and "date_to" not in errors:
        errors["date_to"] = "missing"
    return date_from, date_to


def validate(form, own_pesel, today, complete=True, end_required=False):
    """Check a grant form; return (values, errors) with errors as {field: code}.

    `complete=False`: the wizard has not asked for the dates and the scope of a person's authorisation yet;
    `end_required`: no open-ended consent (--variant end-date-required).
    """
    errors = {}
    kind = form.get("kind", "")
    if kind not in KINDS:
        errors["kind"] = "missing"
    name = " ".join(form.get("person_name", "").split())
    person_pesel, pesel_error = pesel_rules.classify(form.get("person_pesel", ""))
    scope = " ".join(form.get("scope", "").split())
    needs_person = kind in PERSON_KINDS
    if (needs_person and not name) or len(name) > MAX_TEXT:
        errors["person_name"] = "missing"
    if needs_person or person_pesel:
        if pesel_error:
            errors["person_pesel"] = "invalid"
        elif person_pesel == own_pesel:
            errors["person_pesel"] = "own"
    if (kind in KINDS and not needs_person and not scope) or len(scope) > MAX_TEXT:
        errors["scope"] = "missing"
    if needs_person and complete and scope not in PERSON_SCOPES:
        errors["scope"] = "not_chosen"
    date_from, date_to = _validate_dates(form, today, errors, end_required) if complete else (today, None)
    values = {
        "kind": kind,
        "person_name": name or None,
        "person_pesel": person_pesel or None,
        "scope": scope or DEFAULT_SCOPE,
        "date_from": date_from.isoformat(),
        "date_to": date_to.isoformat() if date_to else None,
    }
    return values, errors


def duplicate_exists(conn, pesel, values):
    """True when an active consent of this kind already exists for this person (or this scope)."""
    column = "person_pesel" if values["kind"] in PERSON_KINDS else "scope"
    value = values[column]
    row = conn.execute(
        f"SELECT 1 FROM consents WHERE pesel = ? AND kind = ? AND status = 'active' AND {column} IS ?",
        (pesel, values["kind"], value),
    ).fetchone()
    return row is not None


def create(conn, pesel, values, status="active"):
    """Store a consent and return its id."""
    with db.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO consents (pesel, kind, person_name, person_pesel, scope, date_from, date_to, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (pesel, values["kind"], values["person_name"], values["person_pesel"], values["scope"],
             values["date_from"], values["date_to"], status),
        )
        events.record(conn, "consent_granted", pesel, consent_id=cursor.lastrowid, consent_kind=values["kind"])
    return cursor.lastrowid


def withdraw(conn, pesel, consent_id, today):
    """Withdraw an active consent of this patient; False when there is none."""
    with db.transaction(conn):
        cursor = conn.execute(
            "UPDATE consents SET status = 'withdrawn', withdrawn_on = ?"
            " WHERE id = ? AND pesel = ? AND status = 'active'",
            (today.isoformat(), consent_id, pesel),
        )
        if cursor.rowcount:
            events.record(conn, "consent_withdrawn", pesel, consent_id=consent_id)
    return bool(cursor.rowcount)


def for_patient(conn, pesel):
    """The patient's consents, oldest first, withdrawn ones included."""
    rows = conn.execute("SELECT * FROM consents WHERE pesel = ? ORDER BY id", (pesel,))
    return [{key: row[key] for key in row.keys() if key != "pesel"} for row in rows]

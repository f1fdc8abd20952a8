"""POZ declarations: choice numbering, the 80 zł fee rule, facility decisions and 7-day auto-rejection."""

import datetime

from simulator import db, events
from simulator.model import Conflict, NotFound

ROLES = ("doctor", "nurse", "midwife")
ROLE_SLUGS = {"lekarz": "doctor", "pielegniarka": "nurse", "polozna": "midwife"}
STATUSES = ("submitted", "accepted", "rejected", "ended")
EXEMPTIONS = ("none", "moved", "provider_stopped", "provider_fault", "turned_18")
FREE_CHOICES_PER_YEAR = 2
FEE_PLN = 80
AUTO_REJECT_DAYS = 7


def expire_stale(conn, today, patient_dates=None):
    """Reject declarations the facility has not taken within 7 simulated days.

    `today` is the run-wide date; `patient_dates` ({pesel: date}) overrides it for those patients.
    """
    patient_dates = patient_dates or {}
    latest = max([today, *patient_dates.values()])
    limit = (latest - datetime.timedelta(days=AUTO_REJECT_DAYS)).isoformat()
    stale = "status = 'submitted' AND submitted_on <= ?"
    if conn.execute(f"SELECT 1 FROM declarations WHERE {stale}", (limit,)).fetchone() is None:
        return
    with db.transaction(conn):
        for row in conn.execute(f"SELECT id, pesel, submitted_on FROM declarations WHERE {stale}", (limit,)).fetchall():
            own_limit = patient_dates.get(row["pesel"], today) - datetime.timedelta(days=AUTO_REJECT_DAYS)
            if row["submitted_on"] > own_limit.isoformat():
                continue
            conn.execute("UPDATE declarations SET status = 'rejected', auto_rejected = 1 WHERE id = ?", (row["id"],))
            events.record(conn, "declaration_rejected", row["pesel"], declaration_id=row["id"], automatic=True)


def choice_number(conn, pesel, role, year):
    """Which choice of this role in this calendar year a new declaration would be."""
    row = conn.execute(
        "SELECT COUNT(*) AS n FROM declarations WHERE pesel = ? AND role = ? AND substr(submitted_on, 1, 4) = ?",
        (pesel, role, f"{year:04d}"),
    ).fetchone()
    return row["n"] + 1


def fee(number, exemption):
    """The fee in zł for the n-th choice in a year with this reason."""
    return FEE_PLN if number > FREE_CHOICES_PER_YEAR and exemption == "none" else 0


def _end_previous(conn, pesel, role, keep_id):
    conn.execute(
        "UPDATE declarations SET status = 'ended' WHERE pesel = ? AND role = ? AND status = 'accepted' AND id != ?",
        (pesel, role, keep_id),
    )


def submit(conn, pesel, role, staff_id, exemption, submitted_on, status="submitted", note=None):
    """Store a declaration with its choice number and fee; return its id."""
    with db.transaction(conn):
        number = choice_number(conn, pesel, role, submitted_on.year)
        cursor = conn.execute(
            "INSERT INTO declarations (pesel, role, staff_id, submitted_on, status, exemption, choice_number,"
            " fee, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pesel, role, staff_id, submitted_on.isoformat(), status, exemption, number, fee(number, exemption), note),
        )
        if status == "accepted":
            _end_previous(conn, pesel, role, cursor.lastrowid)
        events.record(conn, "declaration_submitted", pesel, declaration_id=cursor.lastrowid, role=role,
                      choice_number=number, exemption=exemption, fee=fee(number, exemption))
    return cursor.lastrowid


def decide(conn, declaration_id, accept, comment=None):
    """The facility accepts or rejects a submitted declaration."""
    with db.transaction(conn):
        row = conn.execute("SELECT * FROM declarations WHERE id = ?", (declaration_id,)).fetchone()
        if row is None:
            raise NotFound(f"declaration {declaration_id} not found")
        if row["status"] != "submitted":
            raise Conflict(f"declaration {declaration_id} is {row['status']}, not submitted")
        status = "accepted" if accept else "rejected"
        conn.execute("UPDATE declarations SET status = ?, note = ? WHERE id = ?", (status, comment, declaration_id))
        if accept:
            _end_previous(conn, row["pesel"], row["role"], declaration_id)
        events.record(conn, f"declaration_{status}", row["pesel"], declaration_id=declaration_id)
    return get(conn, declaration_id)


_SELECT = (
    "SELECT d.*, s.name AS staff_name, f.id AS facility_id, f.name AS facility_name,"
    " f.street || ', ' || f.postcode || ' ' || f.city AS facility_address"
    " FROM declarations d JOIN staff s ON s.id = d.staff_id JOIN facilities f ON f.id = s.facility_id"
)


def _as_dict(row):
    data = {key: row[key] for key in row.keys() if key != "pesel"}
    data["auto_rejected"] = bool(row["auto_rejected"])
    return data


def get(conn, declaration_id):
    """One declaration with its staff and facility."""
    return _as_dict(conn.execute(_SELECT + " WHERE d.id = ?", (declaration_id,)).fetchone())


def for_patient(conn, pesel):
    """The patient's declarations, newest first."""
    rows = conn.execute(_SELECT + " WHERE d.pesel = ? ORDER BY d.submitted_on DESC, d.id DESC", (pesel,))
    return [_as_dict(row) for row in rows]


def active_by_role(conn, pesel):
    """The last accepted declaration of each role, keyed by role."""
    return {d["role"]: d for d in reversed(for_patient(conn, pesel)) if d["status"] == "accepted"}  # newest wins

"""The simulated clock: a run-wide date stored in the database (default: the real today), plus
optional per-patient dates so that parallel test workers never move each other's "today"."""

import datetime

from simulator import db

_KEY = "today"
_PATIENT_PREFIX = "today:"


def _key(pesel):
    return _KEY if pesel is None else f"{_PATIENT_PREFIX}{pesel}"


def today(conn, pesel=None):
    """The simulated today: the patient's own date when one is set, else the run-wide date."""
    value = db.get_meta(conn, _key(pesel)) if pesel is not None else None
    if value is None:
        value = db.get_meta(conn, _KEY)
    return datetime.date.fromisoformat(value) if value else datetime.date.today()


def is_simulated(conn, pesel=None):
    """True when an explicit date applies (the patient's own or the run-wide one)."""
    return (pesel is not None and db.get_meta(conn, _key(pesel)) is not None) or db.get_meta(conn, _KEY) is not None


def set_today(conn, value, pesel=None):
    """Set the simulated date (of one patient when pesel is given); None removes it."""
    db.set_meta(conn, _key(pesel), None if value is None else value.isoformat())


def advance(conn, days, pesel=None):
    """Move the simulated date (of one patient when pesel is given) by a number of days; return it."""
    new = today(conn, pesel) + datetime.timedelta(days=days)
    set_today(conn, new, pesel)
    return new


def patient_dates(conn):
    """{pesel: date} of every patient with an own date."""
    rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE ?", (_PATIENT_PREFIX + "%",)).fetchall()
    return {row["key"][len(_PATIENT_PREFIX):]: datetime.date.fromisoformat(row["value"]) for row in rows}


def clear_patient_dates(conn):
    """Remove every per-patient date (the caller holds the transaction)."""
    conn.execute("DELETE FROM meta WHERE key LIKE ?", (_PATIENT_PREFIX + "%",))

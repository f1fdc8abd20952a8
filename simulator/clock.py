"""The simulated clock: a date stored in the database, defaulting to the real today."""

import datetime

from simulator import db

_KEY = "today"


def today(conn):
    """The simulated today."""
    value = db.get_meta(conn, _KEY)
    return datetime.date.fromisoformat(value) if value else datetime.date.today()


def is_simulated(conn):
    """True when an explicit date has been set."""
    return db.get_meta(conn, _KEY) is not None


def set_today(conn, value):
    """Set the simulated date; None returns to the real date."""
    db.set_meta(conn, _KEY, None if value is None else value.isoformat())


def advance(conn, days):
    """Move the simulated date by a number of days and return the new date."""
    new = today(conn) + datetime.timedelta(days=days)
    set_today(conn, new)
    return new

"""POZ facilities and their staff."""

from simulator import db
from simulator.model import NotFound


def _facility_dict(conn, row):
    staff = conn.execute("SELECT id, role, name FROM staff WHERE facility_id = ? ORDER BY id", (row["id"],))
    return {
        "id": row["id"],
        "name": row["name"],
        "street": row["street"],
        "postcode": row["postcode"],
        "city": row["city"],
        "address": f"{row['street']}, {row['postcode']} {row['city']}",
        "orders_enabled": bool(row["orders_enabled"]),
        "staff": [dict(s) for s in staff],
    }


def list_all(conn):
    """Every facility with its staff."""
    return [_facility_dict(conn, row) for row in conn.execute("SELECT * FROM facilities ORDER BY id")]


def get(conn, facility_id):
    """One facility with its staff; NotFound when unknown."""
    row = conn.execute("SELECT * FROM facilities WHERE id = ?", (facility_id,)).fetchone()
    if row is None:
        raise NotFound(f"facility {facility_id} not found")
    return _facility_dict(conn, row)


def search(conn, query):
    """Facilities whose name or city contains the query, case-insensitive (Polish letters too)."""
    needle = query.strip().casefold()
    return [f for f in list_all(conn) if needle in f["name"].casefold() or needle in f["city"].casefold()]


def staff_member(conn, staff_id):
    """A staff member with its facility, or None."""
    row = conn.execute(
        "SELECT s.id, s.role, s.name, s.facility_id, f.name AS facility_name, f.orders_enabled"
        " FROM staff s JOIN facilities f ON f.id = s.facility_id WHERE s.id = ?",
        (staff_id,),
    ).fetchone()
    return None if row is None else dict(row)


def set_orders_enabled(conn, facility_id, enabled):
    """Switch e-prescription ordering of a facility on or off."""
    with db.transaction(conn):
        get(conn, facility_id)
        conn.execute("UPDATE facilities SET orders_enabled = ? WHERE id = ?", (int(enabled), facility_id))
    return get(conn, facility_id)

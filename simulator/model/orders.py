"""e-Prescription orders: placing (to the POZ doctor of the active declaration), cancelling, doctor actions."""

from simulator import db, events
from simulator.model import Conflict, NotFound, declarations

STATUSES = ("placed", "in_progress", "fulfilled", "rejected", "cancelled")
# action: (statuses it may start from, resulting status)
TRANSITIONS = {
    "start": (("placed",), "in_progress"),
    "fulfil": (("placed", "in_progress"), "fulfilled"),
    "reject": (("placed", "in_progress"), "rejected"),
    "cancel": (("placed",), "cancelled"),
}


class Refused(Exception):
    """The order cannot be placed; args[0] is the reason code."""


def check_orderable(conn, pesel, prescription_ids, check_facility=True):
    """The doctor (an accepted doctor declaration) the order would go to; raise Refused saying why not."""
    if not prescription_ids:
        raise Refused("nothing_selected")
    doctor = declarations.active_by_role(conn, pesel).get("doctor")
    if doctor is None:
        raise Refused("no_declaration")
    enabled = conn.execute("SELECT orders_enabled FROM facilities WHERE id = ?", (doctor["facility_id"],))
    if check_facility and not enabled.fetchone()["orders_enabled"]:
        raise Refused("ordering_disabled")
    return doctor


def place(conn, pesel, prescription_ids, today, status="placed", check_facility=True):
    """Place an order of the patient's continuation medicines; return its id or raise Refused."""
    with db.transaction(conn):
        doctor = check_orderable(conn, pesel, prescription_ids, check_facility)
        cursor = conn.execute(
            "INSERT INTO orders (pesel, placed_on, status, staff_id) VALUES (?, ?, ?, ?)",
            (pesel, today.isoformat(), status, doctor["staff_id"]),
        )
        conn.executemany(
            "INSERT INTO order_items (order_id, prescription_id) VALUES (?, ?)",
            [(cursor.lastrowid, pid) for pid in sorted(set(prescription_ids))],
        )
        names = conn.execute(
            "SELECT p.medicine FROM order_items i JOIN prescriptions p ON p.id = i.prescription_id"
            " WHERE i.order_id = ? ORDER BY p.id",
            (cursor.lastrowid,),
        )
        events.record(conn, "order_placed", pesel, order_id=cursor.lastrowid,
                      medicines=[row["medicine"] for row in names])
    return cursor.lastrowid


def orderable_ids(conn, pesel):
    """Ids of the patient's continuation prescriptions."""
    rows = conn.execute("SELECT id FROM prescriptions WHERE pesel = ? AND continuation = 1", (pesel,))
    return {row["id"] for row in rows}


def transition(conn, order_id, action, comment=None, pesel=None):
    """Apply a doctor's action or the patient's cancel; NotFound / Conflict when not possible."""
    allowed_from, target = TRANSITIONS[action]
    with db.transaction(conn):
        row = conn.execute("SELECT * FROM orders WHERE id = ?", (order_id,)).fetchone()
        if row is None or (pesel is not None and row["pesel"] != pesel):
            raise NotFound(f"order {order_id} not found")
        if row["status"] not in allowed_from:
            raise Conflict(f"order {order_id} is {row['status']}: cannot {action}")
        conn.execute("UPDATE orders SET status = ?, comment = ? WHERE id = ?", (target, comment, order_id))
        events.record(conn, f"order_{target}", row["pesel"], order_id=order_id)
    return get(conn, order_id)


_SELECT = (
    "SELECT o.*, s.name AS doctor_name, f.name AS facility_name FROM orders o"
    " JOIN staff s ON s.id = o.staff_id JOIN facilities f ON f.id = s.facility_id"
)


def _as_dict(conn, row):
    items = conn.execute(
        "SELECT p.id, p.medicine, p.dosage FROM order_items i JOIN prescriptions p ON p.id = i.prescription_id"
        " WHERE i.order_id = ? ORDER BY p.id",
        (row["id"],),
    )
    data = {key: row[key] for key in row.keys() if key != "pesel"}
    data["medicines"] = [dict(item) for item in items]
    return data


def get(conn, order_id):
    """One order with its medicines and doctor."""
    return _as_dict(conn, conn.execute(_SELECT + " WHERE o.id = ?", (order_id,)).fetchone())


def for_patient(conn, pesel):
    """The patient's orders, newest first."""
    rows = conn.execute(_SELECT + " WHERE o.pesel = ? ORDER BY o.id DESC", (pesel,)).fetchall()
    return [_as_dict(conn, row) for row in rows]


def prescriptions_for(conn, pesel):
    """The patient's earlier prescriptions."""
    rows = conn.execute("SELECT * FROM prescriptions WHERE pesel = ? ORDER BY id", (pesel,))
    return [{"id": r["id"], "medicine": r["medicine"], "dosage": r["dosage"],
             "continuation": bool(r["continuation"]), "issued_on": r["issued_on"]} for r in rows]


def add_prescription(conn, pesel, medicine, dosage, continuation, issued_on):
    """Store an earlier prescription and return its id."""
    with db.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO prescriptions (pesel, medicine, dosage, continuation, issued_on) VALUES (?, ?, ?, ?, ?)",
            (pesel, medicine, dosage, int(continuation), issued_on.isoformat()),
        )
    return cursor.lastrowid

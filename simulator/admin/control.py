"""Admin API: reset, facilities, the simulated clock, faults and the events journal."""

import datetime

from flask import Blueprint, jsonify, request

from simulator import baseline, clock, db, events, faults
from simulator.admin import body
from simulator.model import facilities, patients
from simulator.web import get_conn

bp = Blueprint("admin_control", __name__)

MAX_DAYS = 36500


@bp.post("/reset")
def reset():
    """Everything back to baseline (background chaos faults stay)."""
    baseline.reset_all(get_conn())
    return jsonify(status="ok")


@bp.get("/facilities")
def facility_list():
    """Every facility with staff and its ordering switch."""
    return jsonify(facilities.list_all(get_conn()))


@bp.patch("/facilities/<id:facility_id>")
def facility_update(facility_id):
    """Switch e-prescription ordering on or off."""
    data = body.read({"orders_enabled": body.boolean}, required=("orders_enabled",))
    return jsonify(facilities.set_orders_enabled(get_conn(), facility_id, data["orders_enabled"]))


def _clock_answer(conn, pesel=None):
    return jsonify(today=clock.today(conn, pesel).isoformat(), simulated=clock.is_simulated(conn, pesel))


def _clock_patient(conn, pesel):
    """The optional patient of a clock call: None, or an existing patient's PESEL (404 otherwise)."""
    if pesel is not None:
        patients.require(conn, pesel)
    return pesel


@bp.get("/clock")
def clock_show():
    """The simulated date (?pesel=: that patient's date, its own or else the run-wide one)."""
    conn = get_conn()
    return _clock_answer(conn, _clock_patient(conn, request.args.get("pesel") or None))


@bp.put("/clock")
def clock_set():
    """Set the simulated date (null: back to the real date; with pesel: only that patient's date,
    null: back to the run-wide date)."""
    data = body.read({"today": body.optional(body.date_value), "pesel": body.text(20)}, required=("today",))
    conn = get_conn()
    pesel = _clock_patient(conn, data.get("pesel"))
    with db.transaction(conn):
        clock.set_today(conn, data["today"], pesel)
    return _clock_answer(conn, pesel)


@bp.post("/clock/advance")
def clock_advance():
    """Move the simulated date (with pesel: only that patient's date) by N days."""
    data = body.read({"days": body.integer(-MAX_DAYS, MAX_DAYS), "pesel": body.text(20)}, required=("days",))
    conn = get_conn()
    pesel = _clock_patient(conn, data.get("pesel"))
    try:
        with db.transaction(conn):
            clock.advance(conn, data["days"], pesel)
    except OverflowError:
        body.fail("the resulting date is out of range")
    return _clock_answer(conn, pesel)


@bp.post("/faults")
def fault_add():
    """Inject a fault: count-based, ratio-based (with seed) or, without either, until cleared."""
    data = body.read(
        {"kind": body.choice(*faults.KINDS), "count": body.integer(1, 1_000_000), "ratio": body.number(0, 1),
         "seed": body.integer(-(2**62), 2**62), "pesel": body.optional(body.text(20)),
         "delay_ms": body.integer(0, faults.MAX_DELAY_MS), "node": body.choice(*faults.NODES)},
        required=("kind",),
    )
    if "count" in data and "ratio" in data:
        body.fail("give count or ratio, not both")
    if "node" in data and data["kind"] != "node_down":
        body.fail("node applies only to node_down")
    if "delay_ms" in data and data["kind"] not in faults.DEFAULT_DELAY_MS:
        body.fail(f"delay_ms applies only to {' and '.join(faults.DEFAULT_DELAY_MS)}")
    return jsonify(faults.add(get_conn(), **data)), 201


@bp.get("/faults")
def fault_list():
    """Admin-set and background faults, with how often each fired."""
    return jsonify(faults.list_all(get_conn()))


@bp.delete("/faults")
def fault_clear():
    """Remove the admin-set faults (?pesel=: only those limited to that patient); background chaos stays."""
    faults.clear(get_conn(), request.args.get("pesel") or None)
    return jsonify(status="ok")


@bp.get("/events")
def event_list():
    """The events journal, filtered by pesel, kind and since (an event id or an ISO timestamp)."""
    args = request.args
    since = args.get("since", "").strip()
    if since and not (since.isascii() and since.isdigit()):
        try:
            datetime.datetime.fromisoformat(since)
        except ValueError:
            body.fail("since must be an event id or an ISO timestamp")
    return jsonify(events.query(get_conn(), args.get("pesel"), args.get("kind"), since or None))

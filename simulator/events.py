"""The events journal (what happened, for reports and assertions) and its masked log echo."""

import datetime
import json
import logging

from simulator.pesel import mask

log = logging.getLogger("simulator.events")


def record(conn, kind, pesel=None, **detail):
    """Store an event and log it with the PESEL masked."""
    ts = datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")
    conn.execute(
        "INSERT INTO events (ts, kind, pesel, detail) VALUES (?, ?, ?, ?)",
        (ts, kind, pesel, json.dumps(detail, ensure_ascii=False)),
    )
    log.info("event %s patient=%s %s", kind, mask(pesel) if pesel else "-", detail or "")


def query(conn, pesel=None, kind=None, since=None):
    """Events filtered by patient, kind and since (an event id, or an ISO timestamp)."""
    sql, args = "SELECT * FROM events WHERE 1 = 1", []
    if pesel:
        sql += " AND pesel = ?"
        args.append(pesel)
    if kind:
        sql += " AND kind = ?"
        args.append(kind)
    if since:
        if since.isascii() and since.isdigit() and len(since) < 19:
            sql += " AND id > ?"
            args.append(int(since))
        else:
            sql += " AND ts >= ?"
            args.append(since)
    rows = conn.execute(sql + " ORDER BY id", args).fetchall()
    return [
        {"id": r["id"], "ts": r["ts"], "kind": r["kind"], "pesel": r["pesel"], "detail": json.loads(r["detail"])}
        for r in rows
    ]

"""Injected environment faults: count-based, ratio-based or permanent; admin-set or background chaos."""

import random
import threading

from simulator import db, events

KINDS = ("pz_error", "pz_timeout", "ikp_down", "node_down", "slow")
CHAOS_KINDS = ("pz_error", "pz_timeout", "ikp_down")
NODES = ("isus-1", "isus-2")
NODE_COOKIE = "ISUS_NODE"  # node affinity, set by the PZ page and read by iIKP
# How long a fault holds its answer: `slow` delays iIKP a little; `pz_timeout` is a test PZ that does not
# answer within any browser's page-load timeout (the suite's is three times its wait timeout).
DEFAULT_DELAY_MS = {"slow": 1000, "pz_timeout": 60_000}
MAX_DELAY_MS = 60_000

_ACTIVE = "(count IS NULL OR count > 0)"


def add(conn, kind, count=None, ratio=None, seed=None, pesel=None, delay_ms=None, node=None, background=False):
    """Store a fault and return it as a dict."""
    if kind == "node_down":
        node = node or NODES[0]
    if kind in DEFAULT_DELAY_MS and delay_ms is None:
        delay_ms = DEFAULT_DELAY_MS[kind]
    with db.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO faults (kind, count, ratio, seed, pesel, delay_ms, node, background)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (kind, count, ratio, seed, pesel, delay_ms, node, int(background)),
        )
    return as_dict(conn.execute("SELECT * FROM faults WHERE id = ?", (cursor.lastrowid,)).fetchone())


def as_dict(row):
    """The API form of a fault row."""
    return {
        "id": row["id"],
        "kind": row["kind"],
        "count": row["count"],
        "ratio": row["ratio"],
        "seed": row["seed"],
        "pesel": row["pesel"],
        "delay_ms": row["delay_ms"],
        "node": row["node"],
        "fired": row["fired"],
        "background": bool(row["background"]),
        "active": row["count"] is None or row["count"] > 0,
    }


def list_all(conn):
    """Every fault, background ones included."""
    return [as_dict(r) for r in conn.execute("SELECT * FROM faults ORDER BY id")]


def clear(conn, pesel=None):
    """Remove the admin-set faults (only those limited to `pesel` when given); background chaos stays."""
    with db.transaction(conn):
        if pesel is None:
            conn.execute("DELETE FROM faults WHERE background = 0")
        else:
            conn.execute("DELETE FROM faults WHERE background = 0 AND pesel = ?", (pesel,))


def install_chaos(conn, chaos, seed):
    """Replace the background faults by the --chaos ratios."""
    with db.transaction(conn):
        conn.execute("DELETE FROM faults WHERE background = 1")
        for kind, ratio in chaos.items():
            add(conn, kind, ratio=ratio, seed=seed, background=True)


def parse_chaos(text):
    """Parse 'kind=ratio,...' into a dict; raise ValueError with a readable message."""
    chaos = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        kind, sep, ratio_text = item.partition("=")
        kind = kind.strip()
        if not sep:
            raise ValueError(f"expected KIND=RATIO, got {item!r}")
        if kind not in CHAOS_KINDS:
            raise ValueError(f"unknown chaos kind {kind!r} (allowed: {', '.join(CHAOS_KINDS)})")
        try:
            ratio = float(ratio_text)
        except ValueError:
            raise ValueError(f"ratio of {kind} is not a number: {ratio_text!r}") from None
        if not 0 <= ratio <= 1:
            raise ValueError(f"ratio of {kind} must be between 0 and 1, got {ratio_text}")
        chaos[kind] = ratio
    return chaos


def _decide(conn, row):
    """Whether a matching fault fires now; consumes a count or a random draw."""
    if row["count"] is not None:
        conn.execute("UPDATE faults SET count = count - 1 WHERE id = ?", (row["id"],))
        return True
    if row["ratio"] is None:
        return True
    conn.execute("UPDATE faults SET draws = draws + 1 WHERE id = ?", (row["id"],))
    if row["seed"] is None:
        draw = random.random()
    else:
        draw = random.Random(f"{row['seed']}:{row['kind']}:{row['draws']}").random()
    return draw < row["ratio"]


def fire(conn, kind, pesel=None, node=None):
    """The first active fault of this kind matching the request that fires now, else None."""
    sql = f"SELECT * FROM faults WHERE kind = ? AND {_ACTIVE} AND (pesel IS NULL OR pesel = ?)"
    args = [kind, pesel]
    if node is not None:
        sql += " AND node = ?"
        args.append(node)
    if conn.execute(sql, args).fetchone() is None:
        return None
    with db.transaction(conn):
        for row in conn.execute(sql + " ORDER BY id", args).fetchall():
            if _decide(conn, row):
                conn.execute("UPDATE faults SET fired = fired + 1 WHERE id = ?", (row["id"],))
                events.record(conn, "fault", pesel, fault=kind, fault_id=row["id"])
                return row
    return None


def hold(row, stopping: threading.Event) -> None:
    """Hold the answer of a request a delaying fault fired on, for its delay_ms or until the server stops."""
    stopping.wait(row["delay_ms"] / 1000)


def healthy_node(conn):
    """The first ISUS node without an active node_down fault (isus-1 when all are down)."""
    down = {r["node"] for r in conn.execute(f"SELECT node FROM faults WHERE kind = 'node_down' AND {_ACTIVE}")}
    return next((node for node in NODES if node not in down), NODES[0])

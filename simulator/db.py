"""SQLite storage: schema, connections (WAL, busy timeout) and write transactions."""

import sqlite3
from contextlib import contextmanager

BUSY_TIMEOUT_MS = 15000

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS facilities (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, street TEXT NOT NULL, postcode TEXT NOT NULL,
    city TEXT NOT NULL, orders_enabled INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS staff (
    id INTEGER PRIMARY KEY, facility_id INTEGER NOT NULL REFERENCES facilities(id),
    role TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS patients (
    pesel TEXT PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
    baseline TEXT NOT NULL, builtin INTEGER NOT NULL DEFAULT 0,
    terms_accepted INTEGER NOT NULL DEFAULT 0, email TEXT, phone TEXT, channel TEXT);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY, pesel TEXT NOT NULL REFERENCES patients(pesel) ON DELETE CASCADE,
    node TEXT, view_token TEXT, flash TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS artifacts (
    id TEXT PRIMARY KEY, pesel TEXT NOT NULL, state TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS consents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pesel TEXT NOT NULL REFERENCES patients(pesel) ON DELETE CASCADE,
    kind TEXT NOT NULL, person_name TEXT, person_pesel TEXT, scope TEXT NOT NULL,
    date_from TEXT NOT NULL, date_to TEXT, status TEXT NOT NULL, withdrawn_on TEXT);
CREATE TABLE IF NOT EXISTS prescriptions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pesel TEXT NOT NULL REFERENCES patients(pesel) ON DELETE CASCADE,
    medicine TEXT NOT NULL, dosage TEXT NOT NULL, continuation INTEGER NOT NULL, issued_on TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pesel TEXT NOT NULL REFERENCES patients(pesel) ON DELETE CASCADE,
    placed_on TEXT NOT NULL, status TEXT NOT NULL, staff_id INTEGER NOT NULL REFERENCES staff(id),
    comment TEXT);
CREATE TABLE IF NOT EXISTS order_items (
    order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
    prescription_id INTEGER NOT NULL REFERENCES prescriptions(id) ON DELETE CASCADE,
    PRIMARY KEY (order_id, prescription_id));
CREATE TABLE IF NOT EXISTS declarations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    pesel TEXT NOT NULL REFERENCES patients(pesel) ON DELETE CASCADE,
    role TEXT NOT NULL, staff_id INTEGER NOT NULL REFERENCES staff(id), submitted_on TEXT NOT NULL,
    status TEXT NOT NULL, exemption TEXT NOT NULL, choice_number INTEGER NOT NULL,
    fee INTEGER NOT NULL, note TEXT, auto_rejected INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS faults (
    id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, count INTEGER, ratio REAL,
    seed INTEGER, pesel TEXT, delay_ms INTEGER, node TEXT, draws INTEGER NOT NULL DEFAULT 0,
    fired INTEGER NOT NULL DEFAULT 0, background INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, kind TEXT NOT NULL, pesel TEXT,
    detail TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS sessions_pesel ON sessions(pesel);
CREATE INDEX IF NOT EXISTS events_pesel ON events(pesel);
"""


def connect(path, check_same_thread=True):
    """Open a connection in autocommit mode; writes go through transaction()."""
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=check_same_thread
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


@contextmanager
def transaction(conn):
    """A write transaction (BEGIN IMMEDIATE); nested use joins the outer one."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def initialise(path, seed_baseline):
    """Create the schema in WAL mode; call seed_baseline(conn) only for a new, empty database."""
    conn = connect(path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(SCHEMA)
        with transaction(conn):
            if get_meta(conn, "seeded") is None:
                seed_baseline(conn)
                set_meta(conn, "seeded", "1")
    finally:
        conn.close()


def get_meta(conn, key):
    """A value of the meta table, or None."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else row["value"]


def set_meta(conn, key, value):
    """Set (or with None, delete) a value of the meta table."""
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

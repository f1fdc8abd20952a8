"""Small units: PESEL classification and masking, log masking, database initialisation and the clock."""

import datetime
import logging
import sqlite3

import pytest

from simulator import baseline, clock, db, logs, pesel
from tests.simulator.conftest import ANNA, JAN, MARIA, OTHER_VALID, STANISLAW


@pytest.mark.parametrize(
    ("value", "expected"),
    [(JAN, (JAN, None)), (ANNA, (ANNA, None)), (STANISLAW, (STANISLAW, None)), (MARIA, (MARIA, None)),
     (OTHER_VALID, (OTHER_VALID, None)), ("800115 123-54", (JAN, None)), ("", ("", "empty")), (None, ("", "empty")),
     ("123", ("123", "format")), ("abcdefghijk", ("abcdefghijk", "format")),
     ("87061302072", ("87061302072", "checksum")),
     ("80023112348", ("80023112348", "date"))],
)
def test_classify(value, expected):
    assert pesel.classify(value) == expected


def test_mask():
    assert pesel.mask(JAN) == "800115*****"
    assert pesel.mask("123") == "***"
    assert pesel.mask_text(f"login {JAN} and {ANNA}; 123456789012 stays") == (
        "login 800115***** and 022708*****; 123456789012 stays")


def test_log_lines_never_show_a_pesel():
    record = logging.LogRecord("t", logging.INFO, __file__, 1, "patient %s", (JAN,), None)
    try:
        raise ValueError(f"bad {ANNA}")
    except ValueError:
        import sys
        record.exc_info = sys.exc_info()
    logs.MaskingFilter().filter(record)
    line = logging.Formatter().format(record)
    assert JAN not in line and ANNA not in line
    assert "800115*****" in line and "022708*****" in line


def test_initialise_seeds_only_a_new_database(tmp_path):
    path = str(tmp_path / "x.sqlite3")
    db.initialise(path, baseline.seed)
    conn = db.connect(path)
    conn.execute("UPDATE patients SET terms_accepted = 1 WHERE pesel = ?", (ANNA,))
    conn.close()
    db.initialise(path, baseline.seed)
    conn = db.connect(path)
    assert conn.execute("SELECT terms_accepted FROM patients WHERE pesel = ?", (ANNA,)).fetchone()[0] == 1
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == db.BUSY_TIMEOUT_MS
    conn.close()


def test_transaction_rolls_back_on_error(tmp_path):
    path = str(tmp_path / "x.sqlite3")
    db.initialise(path, baseline.seed)
    conn = db.connect(path)
    with pytest.raises(sqlite3.IntegrityError), db.transaction(conn):
        conn.execute("UPDATE patients SET first_name = 'X' WHERE pesel = ?", (JAN,))
        conn.execute("INSERT INTO patients (pesel, first_name, last_name, baseline) VALUES (?, 'a', 'b', 'c')", (JAN,))
    assert conn.execute("SELECT first_name FROM patients WHERE pesel = ?", (JAN,)).fetchone()[0] == "Jan"
    conn.close()


def test_clock_defaults_to_today_and_moves(tmp_path):
    path = str(tmp_path / "x.sqlite3")
    db.initialise(path, baseline.seed)
    conn = db.connect(path)
    assert clock.today(conn) == datetime.date.today() and not clock.is_simulated(conn)
    clock.set_today(conn, datetime.date(2024, 2, 28))
    assert clock.advance(conn, 1) == datetime.date(2024, 2, 29)
    assert clock.today(conn) == datetime.date(2024, 2, 29)
    conn.close()

"""Shared iIKP request handling: session lookup, guards, node affinity, view tokens, rendering, 3.2 screen."""

import hmac
import secrets

from flask import abort, g, make_response, redirect, render_template, request

from simulator import clock, db, events, faults
from simulator.model import declarations
from simulator.web import get_conn, settings

SESSION_COOKIE = "IKP_SESSION"
OPEN_PATHS = ("/ikp/zaloguj", "/ikp/sso", "/ikp/wylogowano")
MAX_ID = 2**53


def _load_session(conn):
    session_id = request.cookies.get(SESSION_COOKIE, "")
    if not session_id:
        return None
    return conn.execute(
        "SELECT s.*, p.first_name, p.last_name, p.terms_accepted"
        " FROM sessions s JOIN patients p ON p.pesel = s.pesel WHERE s.id = ?",
        (session_id,),
    ).fetchone()


def _view_is_current():
    sent = request.form.get("view", "").encode()
    current = (g.ikp_session["view_token"] or "").encode()
    return bool(sent) and hmac.compare_digest(sent, current)


def guard():
    """Before every request: stale declarations, faults, login and terms guards, stale views."""
    conn = get_conn()
    declarations.expire_stale(conn, clock.today(conn), clock.patient_dates(conn))
    if not (request.path == "/ikp" or request.path.startswith("/ikp/")):
        return None
    g.ikp_session = _load_session(conn)
    pesel = g.ikp_session["pesel"] if g.ikp_session else None
    slow = faults.fire(conn, "slow", pesel)
    if slow:
        faults.hold(slow, settings().stopping)
    node = request.cookies.get(faults.NODE_COOKIE)
    if node and request.path != "/ikp/zaloguj" and faults.fire(conn, "node_down", pesel, node=node):
        return error_screen("node_down", pesel, end_session=True)
    if request.path in OPEN_PATHS:
        return None
    if g.ikp_session is None:
        return redirect("/ikp/zaloguj")
    if request.method == "POST" and request.path != "/ikp/wyloguj" and not _view_is_current():
        with db.transaction(conn):
            events.record(conn, "stale_view", pesel, path=request.path)
        return error_screen("stale_view", end_session=True)
    if not g.ikp_session["terms_accepted"] and request.path not in ("/ikp/regulamin", "/ikp/wyloguj"):
        return redirect("/ikp/regulamin")
    return None


def current_pesel():
    """The PESEL of the logged-in patient."""
    return g.ikp_session["pesel"]


def error_screen(reason, pesel=None, end_session=False):
    """The 3.2 'iIKP not working' screen (HTTP 503), optionally ending the current session."""
    conn = get_conn()
    session = g.get("ikp_session") if end_session else None
    with db.transaction(conn):
        if session is not None:
            pesel = session["pesel"]
            conn.execute("DELETE FROM sessions WHERE id = ?", (session["id"],))
        events.record(conn, "error_screen", pesel, screen="ikp", reason=reason)
    response = make_response(render_template("ikp_error.html"), 503)
    if session is not None:
        g.ikp_session = None
        response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def render_page(template, status=200, **context):
    """Render a screen; in a session, with the layout, a fresh view token and the one-shot flash."""
    session = g.get("ikp_session")
    if session is not None:
        token = secrets.token_urlsafe(16)
        conn = get_conn()
        with db.transaction(conn):
            row = conn.execute("SELECT flash FROM sessions WHERE id = ?", (session["id"],)).fetchone()
            conn.execute("UPDATE sessions SET view_token = ?, flash = NULL WHERE id = ?", (token, session["id"]))
        context.update(view=token, flash=row["flash"] if row else None, patient=session)
    return make_response(render_template(template, **context), status)


def finish(flash, location):
    """After a successful action: remember the one-shot message and redirect."""
    conn = get_conn()
    with db.transaction(conn):
        conn.execute("UPDATE sessions SET flash = ? WHERE id = ?", (flash, g.ikp_session["id"]))
    return redirect(location)


def parse_id(text):
    """A positive database id from form text, or None."""
    text = (text or "").strip()
    if text.isascii() and text.isdigit() and 0 < int(text) < MAX_ID:
        return int(text)
    return None


def require(value):
    """The value, or a 404 page when it is None."""
    if value is None:
        abort(404)
    return value


def today():
    """The simulated today of the logged-in patient (its own date, else the run-wide one)."""
    session = g.get("ikp_session")
    return clock.today(get_conn(), session["pesel"] if session is not None else None)

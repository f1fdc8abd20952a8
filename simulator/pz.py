"""The test Profil Zaufany / Węzeł Krajowy mock: the PESEL screen, its 3.1 error screen, ISUS node cookie, and a
PZ that does not answer (fault pz_timeout)."""

import datetime
import secrets
from urllib.parse import urlencode

from flask import Blueprint, make_response, redirect, render_template, request

from simulator import db, events, faults
from simulator import pesel as pesel_rules
from simulator.model import patients
from simulator.web import get_conn, settings

bp = Blueprint("pz", __name__)


def _needs_node():
    """A browser without a node, or a hard refresh (CTRL+F5 sends Cache-Control: no-cache)."""
    hard_refresh = "no-cache" in request.headers.get("Cache-Control", "").lower()
    return hard_refresh or request.cookies.get(faults.NODE_COOKIE) not in faults.NODES


def _error_screen(pesel, reason):
    conn = get_conn()
    with db.transaction(conn):
        events.record(conn, "error_screen", pesel, screen="pz", reason=reason)
    return make_response(render_template("pz_error.html", ikp_url=settings().ikp_url), 503)


def _submit(pesel, state):
    """A valid PESEL: the 3.1 screen (fault or unknown patient), else back to iIKP with an artifact."""
    conn = get_conn()
    if faults.fire(conn, "pz_error", pesel):
        return _error_screen(pesel, "pz_error")
    if patients.get(conn, pesel) is None:
        return _error_screen(pesel, "unknown_patient")
    artifact = secrets.token_urlsafe(24)
    with db.transaction(conn):
        conn.execute(
            "INSERT INTO artifacts (id, pesel, state, created_at) VALUES (?, ?, ?, ?)",
            (artifact, pesel, state, datetime.datetime.now(datetime.UTC).isoformat()),
        )
    return redirect(f"{settings().ikp_url}/ikp/sso?{urlencode({'artifact': artifact, 'state': state})}")


@bp.route("/pz/ekran_pz", methods=["GET", "POST"])
def login_page():
    """The PESEL form; validation messages stay on this page and origin."""
    state = request.values.get("state", "")
    error, entered, pesel = None, "", None
    response = None
    if request.method == "POST":
        entered = request.form.get("pesel", "")
        pesel, error = pesel_rules.classify(entered)
    # A login's request (it carries iIKP's state; a bare health look does not) may meet a PZ that does not answer.
    hanging = state and faults.fire(get_conn(), "pz_timeout", pesel if error is None else None)
    if hanging:
        faults.hold(hanging, settings().stopping)  # the browser gives up first (its page-load timeout)
    if request.method == "POST" and error is None:
        response = _submit(pesel, state)
    if response is None:
        response = make_response(render_template(
            "pz_login.html", error=error, entered=entered, state=state,
            return_url=request.values.get("return", ""),
        ))
    if _needs_node():
        node = faults.healthy_node(get_conn())
        response.set_cookie(faults.NODE_COOKIE, node, httponly=True, samesite="Lax", path="/")
    return response

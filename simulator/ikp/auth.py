"""Login (redirect to PZ, artifact redemption), terms acceptance and logout."""

import datetime
import hmac
import secrets
from urllib.parse import urlencode

from flask import Blueprint, g, redirect, render_template, request

from simulator import db, events, faults
from simulator.ikp.common import SESSION_COOKIE, current_pesel, error_screen, render_page
from simulator.model import patients
from simulator.web import get_conn, settings

bp = Blueprint("auth", __name__)

FIRST_CONTACT_PATH = "/ikp/pierwsze-logowanie/dane-kontaktowe"


@bp.get("/ikp")
@bp.get("/ikp/")
def home():
    """The home screen after login (public IKP descriptions: „Moje konto” is a link at the top right)."""
    return render_page("home.html")


@bp.get("/ikp/zaloguj")
def login():
    """Step 1: send the browser to the test Profil Zaufany on the other origin."""
    query = urlencode({"return": f"{settings().ikp_url}/ikp/sso", "state": secrets.token_urlsafe(12)})
    return redirect(f"{settings().pz_url}/pz/ekran_pz?{query}")


def _redeem(artifact_id, state):
    """Consume a one-time artifact; the PESEL it stands for, or None."""
    conn = get_conn()
    with db.transaction(conn):
        row = conn.execute("SELECT pesel, state FROM artifacts WHERE id = ?", (artifact_id,)).fetchone()
        conn.execute("DELETE FROM artifacts WHERE id = ?", (artifact_id,))
    if row is None or not hmac.compare_digest(row["state"].encode(), state.encode()):
        return None
    return row["pesel"]


@bp.get("/ikp/sso")
def sso():
    """Step 4: redeem the artifact and open the session (one per patient account)."""
    pesel = _redeem(request.args.get("artifact", ""), request.args.get("state", ""))
    if pesel is None:
        return error_screen("bad_artifact")
    conn = get_conn()
    if faults.fire(conn, "ikp_down", pesel):
        return error_screen("ikp_down", pesel)
    session_id = secrets.token_urlsafe(32)
    node = request.cookies.get(faults.NODE_COOKIE)
    with db.transaction(conn):
        dangling = conn.execute("SELECT 1 FROM sessions WHERE pesel = ?", (pesel,)).fetchone()
        if dangling:
            conn.execute("DELETE FROM sessions WHERE pesel = ?", (pesel,))
            events.record(conn, "session_conflict", pesel)
        else:
            conn.execute(
                "INSERT INTO sessions (id, pesel, node, created_at) VALUES (?, ?, ?, ?)",
                (session_id, pesel, node, datetime.datetime.now(datetime.UTC).isoformat()),
            )
            events.record(conn, "login", pesel, node=node)
    if dangling:
        return error_screen("session_conflict", pesel)
    terms_accepted = patients.get(conn, pesel)["terms_accepted"]
    response = redirect("/ikp" if terms_accepted else "/ikp/regulamin")
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, samesite="Lax", path="/")
    return response


@bp.route("/ikp/regulamin", methods=["GET", "POST"])
def terms():
    """The terms screen, shown until accepted: tick the box, then confirm (inferred from IKP's style
    sheet, which names a checkbox in the terms frame). Then, for a patient without contact data, the
    first login's contact step ([wybór]: terms first, contact data second)."""
    if g.ikp_session["terms_accepted"]:
        return redirect("/ikp")
    error = None
    if request.method == "POST":
        if request.form.get("accept") != "tak":
            error = "not_ticked"
        else:
            conn = get_conn()
            patients.accept_terms(conn, current_pesel())
            first_contact = not patients.has_contact(patients.get(conn, current_pesel()))
            return redirect(FIRST_CONTACT_PATH if first_contact else "/ikp")
    return render_page("terms.html", error=error, status=200 if error is None else 422)


@bp.post("/ikp/wyloguj")
def logout():
    """„Wyloguj się”: end the session and forget the cookie."""
    conn = get_conn()
    with db.transaction(conn):
        conn.execute("DELETE FROM sessions WHERE id = ?", (g.ikp_session["id"],))
        events.record(conn, "logout", current_pesel())
    response = redirect("/ikp/wylogowano")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@bp.get("/ikp/wylogowano")
def logged_out():
    """The goodbye screen."""
    return render_template("logged_out.html")

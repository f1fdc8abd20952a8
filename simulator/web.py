"""Flask plumbing shared by both origins: settings, per-request connection, headers and error pages."""

import logging
from dataclasses import dataclass

from flask import current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from simulator import db

log = logging.getLogger("simulator.web")


@dataclass
class Settings:
    """What both apps need to know: the database, the admin token and both base URLs."""

    db_path: str
    token: str
    ikp_url: str
    pz_url: str


def settings():
    """The Settings of the running app."""
    return current_app.config["SIM"]


def get_conn():
    """This request's database connection (opened lazily, closed at teardown)."""
    if "conn" not in g:
        g.conn = db.connect(settings().db_path)
    return g.conn


def close_conn(_exc=None):
    """Close the request's connection, if one was opened."""
    conn = g.pop("conn", None)
    if conn is not None:
        conn.close()


def no_store(response):
    """No response may be cached: Back after logout must not show account data."""
    response.headers["Cache-Control"] = "no-store"
    return response


def _wants_json():
    return request.path.startswith("/__sim__")


def http_error(error):
    """Known HTTP errors: JSON under /__sim__, an HTML page elsewhere."""
    if _wants_json():
        return jsonify(error=error.description), error.code
    return render_template("error.html", code=error.code), error.code


def unexpected_error(error):
    """Any other exception: logged (masked) and answered with a 500, never a traceback."""
    if isinstance(error, HTTPException):
        return http_error(error)
    log.exception("unexpected error on %s %s", request.method, request.path)
    if _wants_json():
        return jsonify(error="internal error"), 500
    return render_template("error.html", code=500), 500


class IdConverter(IntegerConverter):
    """A database id in a URL: at most 15 digits, so it always fits SQLite."""

    regex = r"\d{1,15}"


def install(app, sim_settings):
    """Configure an app with the shared plumbing."""
    from simulator.pesel import mask

    app.config.update(SIM=sim_settings, MAX_CONTENT_LENGTH=1_000_000)
    # An idle connection held for the app's lifetime: a request's connection is then never the last one,
    # so closing it does not checkpoint the WAL (and fsync) on every request.
    app.extensions["sim_db_anchor"] = db.connect(sim_settings.db_path, check_same_thread=False)
    app.url_map.converters["id"] = IdConverter
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    app.jinja_env.filters["mask_pesel"] = mask
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.context_processor(lambda: {"labels": app.jinja_env.get_template("_labels.html").module})
    app.teardown_appcontext(close_conn)
    app.after_request(no_store)
    app.register_error_handler(Exception, unexpected_error)

"""Flask plumbing shared by both origins: settings, per-request connection, headers, error pages, other markups."""

import logging
import threading
from dataclasses import dataclass, field

from flask import current_app, g, jsonify, render_template, request
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter

from simulator import db, markup, spa, variants

log = logging.getLogger("simulator.web")


@dataclass
class Settings:
    """What both apps need to know: the database, the admin token, both base URLs and how screens are served.

    markup 'random': every HTML page in the markup of markup_seed; ui 'spa': iIKP pages as a single-page portal
    whose swaps wait spa_delay_ms; admin False: no /__sim__/ API but health; reword: other words on every
    screen (variants.Rewording); flows: the flow variants on (variants.VARIANTS).
    """

    db_path: str
    token: str
    ikp_url: str
    pz_url: str
    markup: str = "default"
    markup_seed: int | None = None
    ui: str = "pages"
    spa_delay_ms: int = spa.DEFAULT_DELAY_MS
    admin: bool = True
    reword: variants.Rewording = field(default_factory=variants.Rewording)
    flows: frozenset = frozenset()
    # Set when the server stops: ends every answer a fault is holding (faults.hold).
    stopping: threading.Event = field(default_factory=threading.Event)

    def variant(self, name):
        """Whether the flow variant `name` (one of variants.VARIANTS) is on."""
        assert name in variants.VARIANTS, name
        return name in self.flows


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


def other_markup(response):
    """--reword, --markup random and --ui spa: the same screen in other words, in another markup, or with the
    single-page script (iIKP)."""
    sim = settings()
    single_page = sim.ui == "spa" and current_app.config.get("SIM_ORIGIN") == "ikp"
    if sim.markup == "default" and not single_page and not sim.reword:
        return response
    if single_page and request.headers.get(spa.REQUEST_HEADER):
        spa.hand_over_cross_origin_redirect(response, request.host_url)
    if (response.mimetype != "text/html" or response.direct_passthrough or response.is_streamed
            or 300 <= response.status_code < 400):
        return response
    html = response.get_data(as_text=True)
    if sim.reword:
        html = sim.reword.apply(html)
    if sim.markup == "random":
        html = markup.transform(html, sim.markup_seed or 0, request.path)
    if single_page:
        html = spa.inject(html, sim.spa_delay_ms)
    response.set_data(html)
    return response


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
    app.context_processor(lambda: {"labels": app.jinja_env.get_template("_labels.html").module,
                                   "variant": settings().variant})
    app.teardown_appcontext(close_conn)
    app.after_request(no_store)
    app.after_request(other_markup)
    app.register_error_handler(Exception, unexpected_error)

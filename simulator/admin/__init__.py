"""The admin API under /__sim__/ (JSON, X-Sim-Token) and the token-free health check on both origins."""

import hmac

from flask import Blueprint, jsonify, request

from simulator.admin import control, patients
from simulator.admin.body import ApiError
from simulator.model import Conflict, NotFound
from simulator.web import settings

TOKEN_HEADER = "X-Sim-Token"

health = Blueprint("health", __name__)
api = Blueprint("api", __name__, url_prefix="/__sim__")
api.register_blueprint(patients.bp)
api.register_blueprint(control.bp)


@health.get("/__sim__/health")
def health_check():
    """Liveness, without a token."""
    return jsonify(status="ok")


@api.before_request
def check_token():
    """Every admin call needs the right X-Sim-Token."""
    sent = request.headers.get(TOKEN_HEADER, "").encode("utf-8", "replace")
    if not hmac.compare_digest(sent, settings().token.encode("utf-8")):
        return jsonify(error=f"missing or wrong {TOKEN_HEADER} header"), 401
    return None


@api.errorhandler(ApiError)
def api_error(error):
    """400 / 404 / 409 with a message."""
    return jsonify(error=error.message), error.status


@api.errorhandler(NotFound)
def not_found(error):
    """Unknown patient, order, declaration or facility."""
    return jsonify(error=str(error)), 404


@api.errorhandler(Conflict)
def conflict(error):
    """A transition that the current state does not allow."""
    return jsonify(error=str(error)), 409

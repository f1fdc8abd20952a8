"""Strict JSON bodies for the admin API: malformed JSON, unknown fields and wrong types give 400."""

import datetime
import json

from flask import request


class ApiError(Exception):
    """An admin API answer other than success: HTTP status and message."""

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def fail(message, status=400):
    """Stop the request with an error answer."""
    raise ApiError(status, message)


def read(spec, required=()):
    """The request's JSON object checked against spec ({field: validator}); absent fields are left out."""
    raw = request.get_data()
    data = {}
    if raw.strip():
        try:
            data = json.loads(raw)
        except ValueError as error:
            fail(f"malformed JSON: {error}")
    return check_record(data, spec, required, "body")


def check_record(data, spec, required, what):
    """Check a JSON object (the body or a nested one) and convert its fields."""
    if not isinstance(data, dict):
        fail(f"{what} must be a JSON object")
    unknown = sorted(set(data) - set(spec))
    if unknown:
        fail(f"unknown field(s) in {what}: {', '.join(unknown)}")
    missing = [name for name in required if name not in data]
    if missing:
        fail(f"missing field(s) in {what}: {', '.join(missing)}")
    return {name: spec[name](name, value) for name, value in data.items()}


def optional(check):
    """Allow null besides what check accepts."""
    return lambda name, value: None if value is None else check(name, value)


def boolean(name, value):
    """true or false."""
    if isinstance(value, bool):
        return value
    fail(f"{name} must be true or false")


def integer(low, high):
    """An integer in [low, high] (booleans are not integers here)."""
    def check(name, value):
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        fail(f"{name} must be an integer between {low} and {high}")
    return check


def number(low, high):
    """A number in [low, high]."""
    def check(name, value):
        if isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high:
            return float(value)
        fail(f"{name} must be a number between {low} and {high}")
    return check


def text(max_length=500):
    """A string of at most max_length characters, storable as UTF-8."""
    def check(name, value):
        if isinstance(value, str) and len(value) <= max_length:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                fail(f"{name} is not valid text")
            return value
        fail(f"{name} must be a string of at most {max_length} characters")
    return check


def choice(*allowed):
    """One of the allowed strings."""
    def check(name, value):
        if isinstance(value, str) and value in allowed:
            return value
        fail(f"{name} must be one of: {', '.join(allowed)}")
    return check


def choices(*allowed):
    """A list of distinct strings, each one of the allowed ones (maybe empty)."""
    def check(name, value):
        if isinstance(value, list) and all(isinstance(v, str) and v in allowed for v in value) \
                and len(set(value)) == len(value):
            return value
        fail(f"{name} must be a list of distinct values of: {', '.join(allowed)}")
    return check


def date_value(name, value):
    """A YYYY-MM-DD string, converted to a date."""
    if isinstance(value, str) and len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    fail(f"{name} must be a date YYYY-MM-DD")


def id_list(name, value):
    """A list of database ids."""
    if isinstance(value, list):
        return [integer(1, 2**53)(name, item) for item in value]
    fail(f"{name} must be a list of ids")


def record(spec):
    """A nested JSON object with these fields."""
    return lambda name, value: check_record(value, spec, (), name)

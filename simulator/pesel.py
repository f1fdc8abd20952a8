"""Thin wrapper over stdnum.pl.pesel that classifies why a PESEL is invalid, and masks PESELs."""

import re

from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength
from stdnum.pl import pesel as stdnum_pesel

EMPTY = "empty"
FORMAT = "format"
CHECKSUM = "checksum"
DATE = "date"

_ELEVEN_DIGITS = re.compile(r"(?<!\d)(\d{6})\d{5}(?!\d)")


def classify(value):
    """Return (compact PESEL, None) when valid, else (input, error code)."""
    value = (value or "").strip()
    if not value:
        return value, EMPTY
    try:
        return stdnum_pesel.validate(value), None
    except (InvalidFormat, InvalidLength):
        return value, FORMAT
    except InvalidChecksum:
        return value, CHECKSUM
    except InvalidComponent:
        return value, DATE


def is_valid(value):
    """True when value is a valid PESEL (separators allowed)."""
    return classify(value)[1] is None


def birth_date(value):
    """Birth date encoded in a valid PESEL."""
    return stdnum_pesel.get_birth_date(value)


def mask(value):
    """Mask a PESEL as its first six digits and five stars."""
    value = value or ""
    return value[:6] + "*****" if len(value) == 11 else "*" * len(value)


def mask_text(text):
    """Mask every 11-digit run in a free text (for log lines)."""
    return _ELEVEN_DIGITS.sub(r"\1*****", text)

"""Mask valid PESELs in any text that may reach logs, the console or the Allure report."""

from __future__ import annotations

import logging
import re
from typing import Any

from stdnum.pl import pesel as stdnum_pesel

_ELEVEN_DIGITS = re.compile(r"(?<!\d)\d{11}(?!\d)")


def mask_pesel(pesel: str) -> str:
    """Return the PESEL with its last five digits hidden, e.g. 800115*****."""
    return pesel[:6] + "*****"


def mask_text(text: str) -> str:
    """Replace every valid PESEL in the text by its masked form; invalid numbers stay readable."""
    return _ELEVEN_DIGITS.sub(
        lambda m: mask_pesel(m.group()) if stdnum_pesel.is_valid(m.group()) else m.group(), text)


def mask_data(value: Any) -> Any:
    """Mask PESELs in every string of a JSON-like structure (dicts, lists, strings)."""
    if isinstance(value, str):
        return mask_text(value)
    if isinstance(value, dict):
        return {mask_data(k): mask_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_data(v) for v in value]
    return value


def install_log_masking() -> None:
    """Mask PESELs in every log record created from now on, whichever logger or handler it reaches."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "masks_pesel", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        message = record.getMessage()
        masked = mask_text(message)
        if masked != message:
            record.msg, record.args = masked, None
        return record

    factory.masks_pesel = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)

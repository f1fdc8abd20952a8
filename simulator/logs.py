"""Logging setup: stderr lines with every PESEL masked, waitress kept quiet."""

import logging

from simulator.pesel import mask_text


class MaskingFilter(logging.Filter):
    """Rewrite a record's message so that 11-digit runs show only their first six digits."""

    def filter(self, record):
        message = record.getMessage()
        if record.exc_info:
            message += "\n" + logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = mask_text(message), None
        return True


def configure(level=logging.INFO):
    """Send the simulator's logs to stderr through the masking filter."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(MaskingFilter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("waitress").setLevel(logging.ERROR)
    logging.getLogger("werkzeug").setLevel(logging.ERROR)

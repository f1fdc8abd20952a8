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


class MaskingStream:
    """A text stream that masks valid PESELs in everything written to it (console formatters)."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text):
        return self._stream.write(mask_text(text) if isinstance(text, str) else text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def mask_console_output(context) -> None:
    """Mask what behave's formatters and reporters print (step errors, captured output, summaries)."""
    runner = getattr(context, "_runner", None)
    writers = [*(getattr(runner, "formatters", None) or []), *(context.config.reporters or [])]
    for writer in writers:
        stream = getattr(writer, "stream", None)
        if stream is not None and not isinstance(stream, MaskingStream) and hasattr(stream, "write"):
            writer.stream = MaskingStream(stream)
            opener = getattr(writer, "stream_opener", None)
            if opener is not None and getattr(opener, "stream", None) is stream:
                opener.stream = writer.stream  # behave checks both are the same object when closing


def mask_files(folder) -> None:
    """Mask valid PESELs in every XML file of a folder in place (behave's JUnit reports)."""
    from pathlib import Path

    if not folder or not Path(folder).is_dir():
        return
    for path in Path(folder).glob("*.xml"):
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        masked = mask_text(text)
        if masked != text:
            path.write_text(masked, encoding="utf-8", errors="surrogateescape")

"""Logging to a rotating file under the log folder. Logs never carry personal data.

What is logged: record ids, action names, exception types and stack frames. What is not: SQL
parameters (the engine hides them), exception messages (they can quote what was typed), names,
CPR numbers. ``scrub`` removes CPR-shaped numbers from anything that still gets through.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType

CPR_PATTERN = re.compile(r"\b\d{6}-?\d{4}\b")


def scrub(text: str) -> str:
    return CPR_PATTERN.sub("[cpr]", text)


class ScrubbingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # logging caches a record's traceback text in ``exc_text``; if another handler's formatter
        # got there first, that text quotes the exception message. Make our own, then put it back.
        cached = record.exc_text
        record.exc_text = None
        try:
            return scrub(super().format(record))
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:  # type: ignore[no-untyped-def]  # noqa: N802
        return format_exception_safely(*ei)


def format_exception_safely(
    exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
) -> str:
    """A traceback with file, line and function of every frame, and the exception *type* only."""
    lines = ["Traceback (most recent call last):"]
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}')
    name = exc_type.__qualname__ if exc_type else "Exception"
    module = exc_type.__module__ if exc_type else ""
    lines.append(f"{module}.{name}: (message left out: it may contain personal data)")
    cause = exc.__cause__ if exc is not None else None
    if cause is not None:
        lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


def setup_logging(log_file: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger()
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_tovholder", False):
            root.removeHandler(handler)
            handler.close()
    formatter = ScrubbingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    handlers: list[logging.Handler] = []
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(log_file, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))  # the user's only
        handlers.append(logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"))
    else:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._tovholder = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)

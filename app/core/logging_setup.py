"""Logging to a rotating file under the log folder. Logs never carry personal data.

What is logged: record ids, action names, exception types and stack frames. What is not: SQL
parameters (the engine hides them), exception messages (they can quote what was typed), names,
CPR numbers. ``scrub`` removes CPR-shaped numbers from anything that still gets through.

A full disk never prints a traceback to the terminal: the file handler counts the lines it could not
write and says how many were lost once it can write again.
"""

from __future__ import annotations

import errno
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


#: A full disk or quota: the log line is dropped quietly and counted.
NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


class LogFileHandler(logging.handlers.RotatingFileHandler):
    """The rotating log file; a line that cannot be written (full disk) is counted, never printed."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.dropped = 0

    def emit(self, record: logging.LogRecord) -> None:
        if self.dropped:
            lost, self.dropped = self.dropped, 0
            note = logging.LogRecord(record.name, logging.WARNING, __file__, 0,
                                     "%d log line(s) lost while the disk was full", (lost,), None)
            super().emit(note)
            if self.dropped:  # still full: the note was not written either
                self.dropped = lost + 1
                return
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        exc = sys.exc_info()[1]
        if isinstance(exc, OSError) and exc.errno in NO_SPACE:
            self.dropped += 1
            # Drop the line still in the file's buffer (closing would otherwise retry it, and fail again
            # when the file is collected); the file is opened again for the next line.
            stream, self.stream = self.stream, None  # type: ignore[assignment]
            if stream is not None:
                try:
                    stream.close()
                except (OSError, ValueError):
                    pass
            return
        # logging's own report prints the message and its arguments, which may quote personal data.
        if logging.raiseExceptions and sys.stderr is not None:
            try:
                sys.stderr.write(f"tovholder: a log line could not be written ({type(exc).__name__})\n")
            except (OSError, ValueError):
                pass


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
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(log_file, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))  # the user's only
        except OSError:
            pass  # e.g. a full disk: the handler opens the file when it first writes, and counts what it cannot
        handlers.append(LogFileHandler(log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True))
    else:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        handler._tovholder = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)

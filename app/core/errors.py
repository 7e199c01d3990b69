"""The two kinds of failure: a known, explainable one (``KnownError``) and a bug.

A ``KnownError`` carries a message in English source text with ``{placeholders}``; the UI translates it
(``QCoreApplication.translate("Errors", ...)``) and fills the placeholders. The markers below let
``pyside6-lupdate`` find the texts in this Qt-free module.
"""

from __future__ import annotations

from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name known to lupdate
    """Mark ``text`` for translation in ``context`` without translating it here."""
    return text


class KnownError(Exception):
    """A failure the user can understand and act on: wrong password, full disk, bad input."""

    context = "Errors"
    default_message = QT_TRANSLATE_NOOP("Errors", "Something went wrong.")

    def __init__(self, message: str | None = None, **params: Any) -> None:
        self.message = message or self.default_message
        self.params = params
        super().__init__(self.english())

    def english(self) -> str:
        """The message in English with its placeholders filled (logs never get this text)."""
        try:
            return self.message.format(**{k: v.english() if isinstance(v, KnownError) else getattr(v, "en", v)
                                          for k, v in self.params.items()})
        except (KeyError, IndexError, ValueError):
            return self.message


class RecordGoneError(KnownError, LookupError):
    """A record asked for by id is not (or no longer) there, e.g. removed in another window."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "What you were working on is no longer there; it may have been removed in another window. "
        "Nothing else has been changed.",
    )

    def __init__(self, record_id: str = "") -> None:
        self.record_id = record_id  # for the caller; never part of the message or the log
        super().__init__()


class WrongPasswordError(KnownError):
    default_message = QT_TRANSLATE_NOOP("Errors", "The password is not correct.")


class UnlockThrottledError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Too many wrong attempts. Wait {seconds} seconds and try again."
    )


class KeyFileError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The key file is missing or damaged, so the records cannot be opened. Nothing has been "
        "changed. Contact IT: they can restore the key file from a backup or use the municipal "
        "recovery key.",
    )


class DatabaseOpenError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The database could not be opened. Nothing has been changed or overwritten. Contact IT and "
        "keep the laptop as it is.",
    )


class DatabaseTooNewError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The records were saved by a newer version of Tovholder than this one. Install the newest "
        "version; nothing has been changed.",
    )


class DiskFullError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The disk is full, so the change was not saved. What you typed is still on the screen. "
        "Free some space and save again.",
    )


class StorageError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change could not be saved to the disk. What you typed is still on the screen. Try "
        "again; if it keeps failing, contact IT.",
    )


class ProfileLockedError(KnownError):
    """Work that arrives after the records were closed (the app locked while it was on its way)."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Tovholder is locked. Unlock it and try again; nothing has been changed.")


class ValidationError(KnownError):
    """Bad input in one field; ``field`` names the field so the UI can show the message inline."""

    default_message = QT_TRANSLATE_NOOP("Errors", "Check the value.")

    def __init__(self, message: str | None = None, *, field: str = "", **params: Any) -> None:
        super().__init__(message, **params)
        self.field = field


class ConsentRequiredError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The case cannot move on to \"{step}\" before consent is recorded: {missing}.",
    )


class ContentError(KnownError):
    """A content file (template, guide, catalogue) is malformed; names file and line."""

    default_message = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: {reason}")

    def __init__(self, file: str, line: int, reason: str) -> None:
        super().__init__(file=file, line=line, reason=reason)
        self.file = file
        self.line = line
        self.reason = reason

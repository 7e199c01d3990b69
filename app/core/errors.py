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


class DatabaseDamagedError(DatabaseOpenError):
    """The database file is empty or damaged; it is left exactly as it was, for IT to restore."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The records on this laptop are damaged, so they were not opened. Nothing has been changed or "
        "overwritten. IT can restore the latest backup with the command \"tovholder restore\"; the damaged "
        "file is kept.",
    )
    #: The full check after unlock (a large database) found damage; the records are open.
    FOUND_AFTER_UNLOCK = QT_TRANSLATE_NOOP(
        "Errors",
        "A check found damage in the records on this laptop. What you see is still there, but please "
        "contact IT soon: they can restore the latest backup with the command \"tovholder restore\".",
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
    #: The same, with how much to free (``DiskFullError(DiskFullError.FREE_AT_LEAST, megabytes=200)``).
    FREE_AT_LEAST = QT_TRANSLATE_NOOP(
        "Errors",
        "The disk is full, so the change was not saved. What you typed is still on the screen. "
        "Free at least {megabytes} MB and save again.",
    )
    #: At unlock, when even the space kept in reserve was not enough to record the opening.
    UNLOCK_FREE_AT_LEAST = QT_TRANSLATE_NOOP(
        "Errors",
        "The disk is full, so the records cannot be opened. Nothing has been changed. "
        "Free at least {megabytes} MB and try again.",
    )


class StorageError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The change could not be saved to the disk. What you typed is still on the screen. Try "
        "again; if it keeps failing, contact IT.",
    )


class ExportFileError(KnownError):
    """An export file could not be written where she chose; nothing was left there."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "The file could not be saved in the chosen folder, and nothing was left there. Choose another "
                  "folder or try again.")
    disk_full = QT_TRANSLATE_NOOP(
        "Errors", "The disk is full, so the file was not saved, and nothing was left there. Free some space and "
                  "export again.")
    in_git_checkout = QT_TRANSLATE_NOOP(
        "Errors", "That folder is part of a program's source code (git), where files can be shared by mistake. "
                  "Choose another folder.")


class ProfileLockedError(KnownError):
    """Work that arrives after the records were closed (the app locked while it was on its way)."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "Tovholder is locked. Unlock it and try again; nothing has been changed.")


class AuditTrailBrokenError(KnownError):
    """The audit trail's hash chain or its anchor does not match (found at start); never repaired silently."""

    default_message = QT_TRANSLATE_NOOP(
        "Errors", "The log of who has opened and changed the records does not match what was saved before. "
                  "Your work is saved as usual. Please tell IT, so they can look into it.")


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


class ContentReason(KnownError):
    """Why a content file was refused: English source text in the context "Content" with ``{placeholders}``."""

    context = "Content"


class ContentError(KnownError):
    """A content file (template, guide, catalogue) is malformed or refused; names file and line.

    ``reason`` is an English text with ``{placeholders}`` filled from ``params`` (marked with
    ``QT_TRANSLATE_NOOP("Content", ...)`` so the UI and ``check-content`` show it in Danish); ``.reason``
    is the English text, filled in, and ``.problem`` the translatable ``ContentReason``.
    """

    default_message = QT_TRANSLATE_NOOP("Errors", "{file}, line {line}: {reason}")
    whole_file_message = QT_TRANSLATE_NOOP("Errors", "{file}: {reason}")  # no line: the file as a whole

    def __init__(self, file: str, line: int, reason: str | ContentReason, **params: Any) -> None:
        problem = reason if isinstance(reason, ContentReason) else ContentReason(reason, **params)
        super().__init__(self.whole_file_message if line <= 0 else None, file=file, line=line, reason=problem)
        self.file = file
        self.line = line
        self.problem = problem
        self.reason = problem.english()

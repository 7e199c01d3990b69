"""Translations: Qt's own catalogue and ours, error messages from the Qt-free layers, dates.

Source strings are English; ``resources/i18n/tovholder_da.qm`` makes the interface Danish (the default).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from app.core.errors import KnownError
from app.core.resources import i18n_dir

_installed: list[QTranslator] = []
_language = "da"


def install_translators(language: str) -> None:
    """Replace the installed translators with those for ``language`` ("da" or "en")."""
    global _language
    app = QCoreApplication.instance()
    assert app is not None
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _language = language
    locale = QLocale(QLocale.Language.Danish if language == "da" else QLocale.Language.English,
                     QLocale.Country.Denmark)
    QLocale.setDefault(locale)
    if language == "da":
        qt = QTranslator(app)
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
    ours = QTranslator(app)
    if ours.load(str(i18n_dir() / f"tovholder_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)


def language() -> str:
    return _language


def translate(context: str, text: str) -> str:
    """Translate ``text`` in ``context``. (No keyword arguments here: lupdate would miss the call.)"""
    return QCoreApplication.translate(context, text)


def fill(template: str, **params: object) -> str:
    """Fill ``{placeholders}`` in a translated text, leaving it as it is if they do not fit."""
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def error_text(exc: KnownError) -> str:
    """The user-facing text of a known failure, in the interface language."""
    return fill(translate(exc.context, exc.message),
                **{k: error_text(v) if isinstance(v, KnownError) else label(v) for k, v in exc.params.items()})


def label(value: object) -> str:
    """A content ``Label`` (Danish/English) in the interface language."""
    text = getattr(value, "text", None)
    return text(_language) if callable(text) else str(value)


def format_date(value: date | None, long: bool = False) -> str:
    if value is None:
        return ""
    qdate = QDate(value.year, value.month, value.day)
    return QLocale().toString(qdate, "d. MMMM yyyy" if long else "dd-MM-yyyy")

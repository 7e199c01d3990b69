"""Fonts and text for the PDF documents: a Unicode font where the system has one (Helvetica with
Windows-1252 otherwise), and family text cleaned and escaped for reportlab's paragraphs.

reportlab draws characters left to right, one glyph each. So that a right-to-left name (Arabic, Hebrew)
prints in the order it is read, every line is put into visual order with the Unicode bidi algorithm
(python-bidi's ``get_display``), after Arabic letters are given their joined forms (arabic-reshaper).
A character the font has no glyph for prints as a visible replacement (U+FFFD, or "?"), never as an
empty box or nothing."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.core.resources import resources_dir

CREATOR = "Tovholder"  # the PDFs' "creator" property: the app, nothing personal

# Candidate (regular, bold) font files, first match wins. A build may ship DejaVu in resources/fonts.
FONT_CANDIDATES: tuple[tuple[Path, Path], ...] = tuple(
    (Path(folder) / "DejaVuSans.ttf", Path(folder) / "DejaVuSans-Bold.ttf")
    for folder in (
        resources_dir() / "fonts",
        "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
        "/usr/share/fonts/dejavu-sans-fonts",  # Fedora
        "/usr/share/fonts/TTF",  # Arch
        "/usr/share/fonts/dejavu",
    )
)


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str
    unicode: bool  # False: the built-in Helvetica, which only has Windows-1252


@functools.cache
def resolve_fonts(candidates: tuple[tuple[Path, Path], ...]) -> Fonts:
    for regular, bold in candidates:
        if not (regular.is_file() and bold.is_file()):
            continue
        try:
            pdfmetrics.registerFont(TTFont("TovholderSans", str(regular)))
            pdfmetrics.registerFont(TTFont("TovholderSans-Bold", str(bold)))
        except (TTFError, OSError):
            continue
        pdfmetrics.registerFontFamily(
            "TovholderSans", normal="TovholderSans", bold="TovholderSans-Bold",
            italic="TovholderSans", boldItalic="TovholderSans-Bold",
        )
        return Fonts("TovholderSans", "TovholderSans-Bold", unicode=True)
    return Fonts("Helvetica", "Helvetica-Bold", unicode=False)


def pick_fonts() -> Fonts:
    return resolve_fonts(FONT_CANDIDATES)


# ---- text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BREAKABLE = re.compile(r"[ \n]+")
_MONTHS = ("januar februar marts april maj juni juli august september oktober november december "
           "january february march may june july october")
# "15. december" stays on one line (Danish typography); the year may wrap.
_DAY_AND_MONTH = re.compile(rf"\b(\d{{1,2}}\.?) (?=(?:{'|'.join(_MONTHS.split())})\b)", re.IGNORECASE)
NBSP = "\u00a0"
# Letters that do not decompose into a base letter and an accent.
_BASE_LETTER = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"})


def to_windows_1252(text: str) -> str:
    """``text`` with each letter Helvetica lacks replaced by its base letter, where there is one, and by
    "?" where there is none (an Arabic or Chinese letter), so that nothing is silently left out."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char.translate(_BASE_LETTER))
            kept = "".join(c for c in base if not unicodedata.combining(c))
            try:
                kept.encode("cp1252")
            except UnicodeEncodeError:
                kept = ""
            char = kept or MISSING_FALLBACK
        out.append(char)
    return "".join(out)


REPLACEMENT = "\ufffd"  # printed for a character the font has no glyph for
MISSING_FALLBACK = "?"  # when the font has no U+FFFD either
_RTL_CLASSES = {"R", "AL"}


@functools.cache
def _glyphs(fonts: Fonts) -> frozenset[int]:
    """The code points both the regular and the bold font can draw."""
    faces = [getattr(pdfmetrics.getFont(name), "face", None) for name in (fonts.regular, fonts.bold)]
    maps = [set(face.charToGlyph) for face in faces if face is not None and hasattr(face, "charToGlyph")]
    return frozenset(set.intersection(*maps)) if maps else frozenset()


def drawable(text: str, fonts: Fonts) -> str:
    """``text`` with each character the font lacks replaced by U+FFFD (or "?") so that it shows."""
    glyphs = _glyphs(fonts)
    if not glyphs:
        return text
    replacement = REPLACEMENT if ord(REPLACEMENT) in glyphs else MISSING_FALLBACK
    out = []
    for c in text:
        if ord(c) in glyphs or c in " \n":
            out.append(c)
        elif unicodedata.category(c) == "Cf":
            continue  # invisible by nature (a direction mark, a zero-width joiner): nothing to show
        else:
            out.append(replacement)
    return "".join(out)


def _has_rtl(text: str) -> set[str]:
    return {unicodedata.bidirectional(c) for c in text} & _RTL_CLASSES


def joined(text: str) -> str:
    """Arabic letters in their joined (presentation) forms, as the font draws them; the same text again
    is left as it is, so cleaning twice does no harm."""
    if "AL" not in _has_rtl(text):
        return text
    from arabic_reshaper import reshape  # loaded only when an Arabic name is printed

    return reshape(text)


def visual(line: str) -> str:
    """One drawn line (after wrapping) in the order it is drawn: right-to-left runs reversed by the
    Unicode bidi algorithm, the line's direction taken from its first strong letter. Applied once, at
    the drawing (``markup`` for paragraphs, ``canvas.drawString`` for the map)."""
    if not _has_rtl(line):
        return line
    from bidi import get_display  # loaded only when a right-to-left name is printed

    return get_display(line)


def plain(text: str, fonts: Fonts) -> str:
    """Clean text: one form of each letter, no control characters, Arabic letters joined, only what the
    font can show (anything else replaced visibly). Cleaning twice gives the same text."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    if not fonts.unicode:
        return to_windows_1252(text)
    return drawable(joined(text), fonts)


def one_line(text: str, fonts: Fonts) -> str:
    """Clean text on one line, every run of spaces and line breaks made one space."""
    return " ".join(plain(text, fonts).split())


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points; no lines for no text."""
    return (simpleSplit(text, font, size, width) or [""]) if text else []


def glued(text: str, fonts: Fonts) -> str:
    """Clean text as printed: "15. december" with a no-break space, so it stays on one line."""
    return _DAY_AND_MONTH.sub(rf"\1{NBSP}", plain(text, fonts)).strip()


def markup(text: str, fonts: Fonts) -> str:
    """Paragraph markup for the family's own text: nothing in it is read as markup; lines kept, each
    in visual order (a right-to-left name inside a Danish sentence; a paragraph that wraps a long
    right-to-left run across lines is the one case this does not order line by line)."""
    lines = [escape(visual(line.strip())) for line in glued(text, fonts).split("\n")]
    return "<br/>".join(line for line in lines if line)


def paragraphs(text: str) -> list[str]:
    return [part for part in _BLANK_LINE.split(text.replace("\r\n", "\n")) if part.strip()]


def present_items(items: Iterable[str]) -> list[str]:
    return [item for item in items if item.strip()]


def join_names(names: list[str], and_: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {and_} {names[-1]}"

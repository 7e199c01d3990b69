"""Fonts and text for the PDF documents: a Unicode font where the system has one (Helvetica with
Windows-1252 otherwise), and family text cleaned and escaped for reportlab's paragraphs."""

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
    """``text`` with each letter Helvetica lacks replaced by its base letter, where there is one."""
    out = []
    for char in text:
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", char.translate(_BASE_LETTER))
            kept = "".join(c for c in base if not unicodedata.combining(c))
            char = kept or char
        out.append(char)
    return "".join(out)


def plain(text: str, fonts: Fonts) -> str:
    """Clean text: one form of each letter, no control characters, only what the font can show."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " "))
    return text if fonts.unicode else to_windows_1252(text)


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
    """Paragraph markup for the family's own text: nothing in it is read as markup; lines kept."""
    lines = [escape(line.strip()) for line in glued(text, fonts).split("\n")]
    return "<br/>".join(line for line in lines if line)


def paragraphs(text: str) -> list[str]:
    return [part for part in _BLANK_LINE.split(text.replace("\r\n", "\n")) if part.strip()]


def present_items(items: Iterable[str]) -> list[str]:
    return [item for item in items if item.strip()]


def join_names(names: list[str], and_: str) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {and_} {names[-1]}"

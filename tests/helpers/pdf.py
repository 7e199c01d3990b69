"""Reading a PDF back in tests: its text per page, and all of it on one line. (The ``font`` fixture,
DejaVu Sans and the built-in fallback, is in tests/conftest.py.)"""

from __future__ import annotations

import io

from pypdf import PdfReader


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with line breaks and no-break spaces as single spaces, to find wrapped sentences."""
    return " ".join(text.split())


def text_in_pdf(pdf: bytes) -> str:
    """Every page's text, on one line."""
    return flat("\n".join(pages_of(pdf)))

"""What a PDF shows, as plain data: the services fill these in, the renderers draw them.

Kept apart from the renderers so that a service can build a document without loading reportlab
(it is imported only when a PDF is actually drawn, which keeps the app's memory down at unlock).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AgreedStepLine:
    """One agreed step as the family reads it: what happens, who does it, and by when."""

    what: str  # "Vi finder en søskendegruppe til Emil"
    who: str  # "Hanne (sundhedsplejerske)" or "Familien"
    when: str  # already formatted, e.g. "inden 15. december 2026", or ""


@dataclass(frozen=True)
class ContactLine:
    """Someone the family can call or write to."""

    name: str
    role: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class FamilySummary:
    """Everything the family's copy shows; texts are already formatted for the family."""

    language: str  # "da" or "en": the language of the headings
    family_name: str  # "Familien Nørgaard"
    conversation_date: str  # formatted, e.g. "22. november 2026"
    present: tuple[str, ...]  # first names of those present
    what_matters_most: str  # written with the family; paragraphs separated by a blank line
    resources: tuple[str, ...]  # what is going well, in the family's own words
    needs: tuple[str, ...]  # what the family would like help with
    agreed_steps: tuple[AgreedStepLine, ...]
    next_contact: str  # a formatted sentence, or ""
    who_to_contact: tuple[ContactLine, ...]  # the health visitor first (she is the PDF's author)
    family_agrees: bool | None  # None: not asked yet


@dataclass(frozen=True)
class MapPersonMark:
    """One person as printed: a mark at (x, y) and a label beside it."""

    label: str  # the name, or "initials · role" in the sharing version
    x: float  # map units: the outer horizon has radius 100; x to the right
    y: float  # y DOWN, as ``app.services.network.dto.to_xy`` gives it
    sector: str  # "family" | "friends" | "school_work" | "professional"
    quality: str  # "supportive" | "ambivalent" | "strained" | "conflict": the relationship with the family
    invite: bool = False  # flagged "invite to network meetings"


@dataclass(frozen=True)
class MapTieMark:
    """A tie between two people (indexes into ``MapDocument.people``)."""

    a: int
    b: int
    quality: str = ""  # "" | "strained" | "conflict"


@dataclass(frozen=True)
class MapDocument:
    """Everything the printed map shows; texts are already translated and formatted."""

    language: str  # "da" | "en": the few texts this module adds (headings, "Side 1 af 2")
    title: str  # "Netværkskort – Familien Nørgaard"; also the PDF's metadata title
    subtitle: str  # "Version: Ved første samtale, 22. november 2026"
    centre: str  # "Freja og familien", printed in the centre
    people: tuple[MapPersonMark, ...]
    lines: tuple[MapTieMark, ...]
    sector_labels: dict[str, str]  # {"family": "Familie og slægt", ...}, one for each sector
    legend: dict[str, str]  # one text for each key in ``LEGEND_KEYS``
    author: str = ""  # the health visitor (PDF metadata author)
    table: tuple[tuple[str, ...], ...] = ()  # optional second page: the header row, then one row a person
    measures: tuple[tuple[str, ...], ...] = ()  # optional: the header row, then one row a part of the map

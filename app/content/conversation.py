"""The vocabulary and the offers of the clarifying conversation (afklarende samtale, domain README §3).

- ``conversation_vocabulary``: the six core problem areas (kerneproblematikker), the vulnerability
  indicators of seed-001 §A6 and the coping levels (mestringsniveau) that set the intensity of support;
- ``offer_catalogue``: the offers (tilbud) a family can be referred to once its needs are recorded.

Offers point at diagnosis codes (family catalogue) and problem areas (vocabulary); those references
are checked across files by ``check_offer_references``, which the library calls after loading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.content.catalogues import RELATION_GROUPS, ContentHeader, FamilyCatalogue, parse_header
from app.content.fields import (
    NO_LABEL,
    ages,
    code_of,
    codes_from,
    optional_label,
)
from app.content.reader import Label, Mapping, Scalar
from app.core.errors import QT_TRANSLATE_NOOP, ContentError, ContentReason

# ---- the fixed vocabulary the code relies on

PROBLEM_AREAS = (
    "health_literacy", "self_management", "mental_wellbeing", "culture_language", "network_family",
    "health_system",
)
VULNERABILITY_INDICATORS = (
    "social_isolation", "thin_network", "lost_work", "lost_role", "several_diagnoses", "poor_finances",
    "poorly_integrated", "substance_abuse", "mental_health_difficulties", "acute_crisis", "loneliness",
)
SECTION_KINDS = ("general", "member", "problem_area", "network", "offers", "next_steps", "summary")
#: Kinds a guide must have exactly once (the problem areas: each of the six exactly once).
SINGLE_SECTION_KINDS = ("member", "offers", "next_steps", "summary")
#: Kinds a guide may have at most once.
AT_MOST_ONE_SECTION_KINDS = ("network",)
#: Kinds whose sections may have no prompts (the app fills them: matched offers, the summary).
PROMPTLESS_SECTION_KINDS = ("offers", "summary")
CAPTURE_KINDS = ("notes", "resources", "needs")
MEMBER_GROUPS = RELATION_GROUPS
OFFER_TARGETS = ("parent", "child", "sibling", "family")
#: FR-16: an offer runs (active), holds a pause and is meant to start again (paused), or has ended.
OFFER_STATUSES = ("active", "paused", "ended")

VOCABULARY_ID = "vocabulary"
OFFERS_ID = "offers"
DEFAULT_GUIDE = "standard"



# ---- vocabulary


@dataclass(frozen=True)
class Term:
    """One entry of the shared vocabulary: a stable code, its label and what it means."""

    code: str
    label: Label
    description: Label
    source: str


@dataclass(frozen=True)
class ConversationVocabulary:
    header: ContentHeader
    problem_areas: tuple[Term, ...]
    vulnerability_indicators: tuple[Term, ...]
    coping_levels: tuple[Term, ...]

    def problem_area(self, code: str) -> Term | None:
        return next((t for t in self.problem_areas if t.code == code), None)

    def indicator(self, code: str) -> Term | None:
        return next((t for t in self.vulnerability_indicators if t.code == code), None)

    def coping_level(self, code: str) -> Term | None:
        return next((t for t in self.coping_levels if t.code == code), None)


# ---- offers


@dataclass(frozen=True)
class Offer:
    """An offer (tilbud) with who it is for; ages in whole years, inclusive."""

    code: str
    label: Label
    description: Label
    provider: Label
    target: tuple[str, ...]
    problem_areas: tuple[str, ...]
    source: str
    min_age: int | None = None
    max_age: int | None = None
    diagnoses: tuple[str, ...] = ()
    duration: Label = NO_LABEL
    frequency: Label = NO_LABEL
    municipality: str = ""
    status: str = "active"  # one of OFFER_STATUSES
    #: (key, code, line) of every cross-file reference, for error messages; not part of equality.
    references: tuple[tuple[str, str, int], ...] = field(default=(), compare=False, repr=False)

    def is_for(self, group: str) -> bool:
        """Whether a family member of ``group`` (parent/child/sibling/other) can take part."""
        return "family" in self.target or group in self.target

    def fits_age(self, age: int | None) -> bool:
        """Whether ``age`` is inside the offer's range; an unknown age is not ruled out."""
        if age is None:
            return True
        return (self.min_age is None or age >= self.min_age) and (self.max_age is None or age <= self.max_age)

    def fits_diagnoses(self, diagnoses: Iterable[str]) -> bool:
        """Whether the ill child's diagnoses meet the offer's limit (no limit: any diagnosis)."""
        return not self.diagnoses or bool(set(self.diagnoses) & set(diagnoses))

    def ineligibility(self, group: str, age: int | None, diagnoses: Iterable[str]) -> tuple[str, ...]:
        """Why a member may not fit: any of ``target``, ``age``, ``diagnosis``; empty if it fits."""
        reasons = []
        if not self.is_for(group):
            reasons.append("target")
        if not self.fits_age(age):
            reasons.append("age")
        if not self.fits_diagnoses(diagnoses):
            reasons.append("diagnosis")
        return tuple(reasons)


@dataclass(frozen=True)
class OfferCatalogue:
    header: ContentHeader
    offers: tuple[Offer, ...]

    def offer(self, code: str) -> Offer | None:
        return next((o for o in self.offers if o.code == code), None)

    def for_problem_area(self, code: str) -> tuple[Offer, ...]:
        return tuple(o for o in self.offers if code in o.problem_areas)


def _require_id(root: Mapping, header: ContentHeader, expected: str) -> None:
    if header.id != expected:
        raise root.node("id").error(
            QT_TRANSLATE_NOOP("Content",
                              "the id must be '{expected}' (a municipality replaces it with a higher version)"),
            expected=expected)


# ---- vocabulary parsing


def _terms(root: Mapping, key: str, required: tuple[str, ...] = (), exact: bool = False,
           minimum: int = 1) -> tuple[Term, ...]:
    terms: list[Term] = []
    for item in root.get_seq(key).mappings():
        item.check_keys({"code", "label", "description", "source"})
        code = code_of(item)
        if any(t.code == code for t in terms):
            raise item.node("code").error(
                QT_TRANSLATE_NOOP("Content", "code '{code}' appears twice in '{key}'"), code=code, key=key)
        terms.append(Term(code, item.get_label("label"), optional_label(item, "description"), item.get_str("source")))
    codes = [t.code for t in terms]
    missing = [c for c in required if c not in codes]
    if missing:
        raise root.node(key).error(
            QT_TRANSLATE_NOOP("Content", "'{key}' lacks {missing}"), key=key, missing=", ".join(missing))
    unknown = [c for c in codes if c not in required]
    if exact and unknown:
        raise root.node(key).error(
            QT_TRANSLATE_NOOP("Content", "'{key}' must be exactly {required}; unknown: {unknown}"), key=key,
            required=", ".join(required), unknown=", ".join(unknown))
    if len(terms) < minimum:
        raise root.node(key).error(
            QT_TRANSLATE_NOOP("Content", "'{key}' needs at least {minimum} entries"), key=key, minimum=minimum)
    return tuple(terms)


def parse_conversation_vocabulary(root: Mapping) -> ConversationVocabulary:
    root.check_keys({"kind", "id", "version", "sources", "problem_areas", "vulnerability_indicators",
                     "coping_levels"})
    header = parse_header(root, "conversation_vocabulary")
    _require_id(root, header, VOCABULARY_ID)
    return ConversationVocabulary(
        header=header,
        problem_areas=_terms(root, "problem_areas", PROBLEM_AREAS, exact=True),
        vulnerability_indicators=_terms(root, "vulnerability_indicators", VULNERABILITY_INDICATORS),
        coping_levels=_terms(root, "coping_levels", minimum=2),
    )


# ---- offer parsing

_OFFER_KEYS = {
    "code", "label", "description", "provider", "target", "min_age", "max_age", "diagnoses", "duration",
    "frequency", "problem_areas", "municipality", "source", "status",
}


def _reference_lines(item: Mapping, key: str) -> list[tuple[str, str, int]]:
    return [(key, entry.value, entry.line) for entry in item.get_seq(key, required=False)
            if isinstance(entry, Scalar)]


def parse_offer_catalogue(root: Mapping) -> OfferCatalogue:
    root.check_keys({"kind", "id", "version", "sources", "offers"})
    header = parse_header(root, "offer_catalogue")
    _require_id(root, header, OFFERS_ID)
    offers: list[Offer] = []
    for item in root.get_seq("offers").mappings():
        item.check_keys(_OFFER_KEYS)
        code = code_of(item)
        if any(o.code == code for o in offers):
            raise item.node("code").error(QT_TRANSLATE_NOOP("Content", "offer code '{code}' appears twice"), code=code)
        min_age, max_age = ages(item)
        status = item.get_str("status") if item.has("status") else "active"
        if status not in OFFER_STATUSES:
            raise item.node("status").error(
                QT_TRANSLATE_NOOP("Content", "status must be one of {known}, not '{status}'"),
                known=", ".join(OFFER_STATUSES), status=status)
        offers.append(
            Offer(
                code=code,
                label=item.get_label("label"),
                description=item.get_label("description"),
                provider=item.get_label("provider"),
                target=codes_from(item, "target", OFFER_TARGETS, required=True),
                problem_areas=codes_from(item, "problem_areas", required=True),
                source=item.get_str("source"),
                min_age=min_age,
                max_age=max_age,
                diagnoses=codes_from(item, "diagnoses"),
                duration=optional_label(item, "duration"),
                frequency=optional_label(item, "frequency"),
                municipality=item.get_str("municipality") if item.has("municipality") else "",
                status=status,
                references=tuple(_reference_lines(item, "diagnoses") + _reference_lines(item, "problem_areas")),
            )
        )
    if not offers:
        raise root.node("offers").error(QT_TRANSLATE_NOOP("Content", "the catalogue needs at least one offer"))
    return OfferCatalogue(header=header, offers=tuple(offers))


def check_offer_references(catalogue: OfferCatalogue, family: FamilyCatalogue,
                           vocabulary: ConversationVocabulary) -> None:
    """Every diagnosis must be in the family catalogue and every problem area in the vocabulary."""
    known = {
        "diagnoses": ({d.code for d in family.diagnoses}, ContentReason(
            QT_TRANSLATE_NOOP("Content", "the family catalogue ({file})"), file=family.header.file)),
        "problem_areas": ({t.code for t in vocabulary.problem_areas}, ContentReason(
            QT_TRANSLATE_NOOP("Content", "the vocabulary ({file})"), file=vocabulary.header.file)),
    }
    for offer in catalogue.offers:
        for key, code, line in offer.references:
            codes, where = known[key]
            if code not in codes:
                raise ContentError(
                    catalogue.header.file, line,
                    QT_TRANSLATE_NOOP("Content", "offer '{offer}': '{code}' in '{key}' is not in {where}"),
                    offer=offer.code, code=code, key=key, where=where)

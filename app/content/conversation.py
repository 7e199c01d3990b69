"""The content of the clarifying conversation (afklarende samtale, domain README §3).

Three kinds, each a versioned YAML file:

- ``conversation_vocabulary``: the six core problem areas (kerneproblematikker), the vulnerability
  indicators of seed-001 §A6 and the coping levels (mestringsniveau) that set the intensity of support;
- ``offer_catalogue``: the offers (tilbud) a family can be referred to once its needs are recorded;
- ``conversation_guide``: the sections and open prompts the health visitor follows at the kitchen table.

Offers point at diagnosis codes (family catalogue) and problem areas (vocabulary); those references
are checked across files by ``check_offer_references``, which the library calls after loading.
A conversation stores ``guide_to_snapshot(guide)`` so it renders its own questions for ever.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.content.catalogues import RELATION_GROUPS, ContentHeader, FamilyCatalogue, parse_header
from app.content.reader import Label, Mapping, Node, Scalar
from app.errors import ContentError

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
NAME_PLACEHOLDER = "{name}"

VOCABULARY_ID = "vocabulary"
OFFERS_ID = "offers"
DEFAULT_GUIDE = "standard"
MAX_AGE = 120

_CODE = re.compile(r"^[a-z0-9_]+$")
_GUIDE_ID = re.compile(r"^[a-z0-9_-]+$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_NO_LABEL = Label("", "")


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
    duration: Label = _NO_LABEL
    frequency: Label = _NO_LABEL
    municipality: str = ""
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


# ---- the guide


@dataclass(frozen=True)
class GuidePrompt:
    """One open question, with optional follow-ups; groups and ages only in member sections."""

    id: str
    text: Label
    follow_ups: tuple[Label, ...] = ()
    groups: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None

    @property
    def has_age_limits(self) -> bool:
        return self.min_age is not None or self.max_age is not None

    def applies_to(self, group: str | None, age: int | None) -> bool:
        """Prompts without groups apply to every group; an unknown age gets only unlimited prompts."""
        if self.groups and group not in self.groups:
            return False
        if age is None:
            return not self.has_age_limits
        return (self.min_age is None or age >= self.min_age) and (self.max_age is None or age <= self.max_age)


@dataclass(frozen=True)
class GuideSection:
    id: str
    kind: str
    title: Label
    source: str
    prompts: tuple[GuidePrompt, ...] = ()
    intro: Label = _NO_LABEL
    problem_area: str | None = None
    capture: tuple[str, ...] = CAPTURE_KINDS

    def title_for(self, language: str, name: str = "") -> str:
        """The title in ``language`` with ``{name}`` filled (member sections)."""
        return fill_name(self.title.text(language), name)


@dataclass(frozen=True)
class ConversationGuide:
    header: ContentHeader
    title: Label
    description: Label
    sections: tuple[GuideSection, ...]

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def version(self) -> int:
        return self.header.version

    def section(self, section_id: str) -> GuideSection | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def sections_of_kind(self, kind: str) -> tuple[GuideSection, ...]:
        return tuple(s for s in self.sections if s.kind == kind)

    @property
    def member_section(self) -> GuideSection:
        return self.sections_of_kind("member")[0]

    def problem_area_section(self, code: str) -> GuideSection | None:
        return next((s for s in self.sections if s.problem_area == code), None)


def prompts_for(section: GuideSection, group: str | None, age: int | None) -> tuple[GuidePrompt, ...]:
    """The prompts of ``section`` for a family member of ``group`` and ``age`` (years; None = unknown).

    Prompts without ``groups`` apply to every group; age limits are inclusive; with an unknown age only
    the prompts without age limits apply (still filtered by group).
    """
    return tuple(p for p in section.prompts if p.applies_to(group, age))


def fill_name(text: str, name: str) -> str:
    """Put the member's first name where the text says ``{name}``."""
    return text.replace(NAME_PLACEHOLDER, name)


# ---- parsing helpers


def _code(item: Mapping, key: str = "code") -> str:
    value = item.get_str(key)
    if not _CODE.match(value):
        raise item.node(key).error(f"'{key}' must use only a-z, 0-9 and _ (found '{value}')")
    return value


def _label_of(node: Node, what: str) -> Label:
    """A label from a bare node (a list entry), with the same rules as ``Mapping.get_label``."""
    return Mapping(node.file, node.line, {what: node}).get_label(what)


def _text_leaves(node: Node) -> Iterator[Scalar]:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        yield node
    elif isinstance(node, Mapping):
        for child in node.entries.values():
            yield from _text_leaves(child)


def _check_placeholders(node: Node, allow_name: bool) -> None:
    for leaf in _text_leaves(node):
        for match in _PLACEHOLDER.finditer(leaf.value):
            if match.group() != NAME_PLACEHOLDER:
                raise leaf.error(f"unknown placeholder '{match.group()}' (only {NAME_PLACEHOLDER} is known)")
            if not allow_name:
                raise leaf.error(f"{NAME_PLACEHOLDER} can only be used in the member section")


def _label(item: Mapping, key: str, required: bool = True, allow_name: bool = False) -> Label:
    label = item.get_label(key, required=required)
    if item.has(key):
        _check_placeholders(item.node(key), allow_name)
    return label


def _optional_label(item: Mapping, key: str) -> Label:
    return item.get_label(key, required=False) if item.has(key) else _NO_LABEL


def _ages(item: Mapping) -> tuple[int | None, int | None]:
    min_age = item.get_int("min_age", minimum=0, maximum=MAX_AGE) if item.has("min_age") else None
    max_age = item.get_int("max_age", minimum=0, maximum=MAX_AGE) if item.has("max_age") else None
    if min_age is not None and max_age is not None and min_age > max_age:
        raise item.node("min_age").error(f"min_age ({min_age}) is greater than max_age ({max_age})")
    return min_age, max_age


def _codes_from(item: Mapping, key: str, allowed: tuple[str, ...] | None = None,
                required: bool = False) -> tuple[str, ...]:
    """A list of texts without repeats; each one of ``allowed`` if given."""
    codes: list[str] = []
    sequence = item.get_seq(key, required=required)
    for entry in sequence:
        if not isinstance(entry, Scalar) or not isinstance(entry.value, str) or not entry.value.strip():
            raise entry.error(f"every entry of '{key}' must be a text")
        if allowed is not None and entry.value not in allowed:
            raise entry.error(f"'{entry.value}' is not a known entry of '{key}' (known: {', '.join(allowed)})")
        if entry.value in codes:
            raise entry.error(f"'{entry.value}' appears twice in '{key}'")
        codes.append(entry.value)
    if required and not codes:
        raise sequence.error(f"'{key}' must not be empty")
    return tuple(codes)


def _require_id(root: Mapping, header: ContentHeader, expected: str) -> None:
    if header.id != expected:
        raise root.node("id").error(
            f"the id must be '{expected}' (a municipality replaces it with a higher version)"
        )


# ---- vocabulary parsing


def _terms(root: Mapping, key: str, required: tuple[str, ...] = (), exact: bool = False,
           minimum: int = 1) -> tuple[Term, ...]:
    terms: list[Term] = []
    for item in root.get_seq(key).mappings():
        item.check_keys({"code", "label", "description", "source"})
        code = _code(item)
        if any(t.code == code for t in terms):
            raise item.node("code").error(f"code '{code}' appears twice in '{key}'")
        terms.append(Term(code, item.get_label("label"), _optional_label(item, "description"), item.get_str("source")))
    codes = [t.code for t in terms]
    missing = [c for c in required if c not in codes]
    if missing:
        raise root.node(key).error(f"'{key}' lacks {', '.join(missing)}")
    unknown = [c for c in codes if c not in required]
    if exact and unknown:
        raise root.node(key).error(f"'{key}' must be exactly {', '.join(required)}; unknown: {', '.join(unknown)}")
    if len(terms) < minimum:
        raise root.node(key).error(f"'{key}' needs at least {minimum} entries")
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
    "frequency", "problem_areas", "municipality", "source",
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
        code = _code(item)
        if any(o.code == code for o in offers):
            raise item.node("code").error(f"offer code '{code}' appears twice")
        min_age, max_age = _ages(item)
        offers.append(
            Offer(
                code=code,
                label=item.get_label("label"),
                description=item.get_label("description"),
                provider=item.get_label("provider"),
                target=_codes_from(item, "target", OFFER_TARGETS, required=True),
                problem_areas=_codes_from(item, "problem_areas", required=True),
                source=item.get_str("source"),
                min_age=min_age,
                max_age=max_age,
                diagnoses=_codes_from(item, "diagnoses"),
                duration=_optional_label(item, "duration"),
                frequency=_optional_label(item, "frequency"),
                municipality=item.get_str("municipality") if item.has("municipality") else "",
                references=tuple(_reference_lines(item, "diagnoses") + _reference_lines(item, "problem_areas")),
            )
        )
    if not offers:
        raise root.node("offers").error("the catalogue needs at least one offer")
    return OfferCatalogue(header=header, offers=tuple(offers))


def check_offer_references(catalogue: OfferCatalogue, family: FamilyCatalogue,
                           vocabulary: ConversationVocabulary) -> None:
    """Every diagnosis must be in the family catalogue and every problem area in the vocabulary."""
    known = {
        "diagnoses": ({d.code for d in family.diagnoses}, f"the family catalogue ({family.header.file})"),
        "problem_areas": ({t.code for t in vocabulary.problem_areas}, f"the vocabulary ({vocabulary.header.file})"),
    }
    for offer in catalogue.offers:
        for key, code, line in offer.references:
            codes, where = known[key]
            if code not in codes:
                raise ContentError(catalogue.header.file, line,
                                   f"offer '{offer.code}': '{code}' in '{key}' is not in {where}")


# ---- guide parsing

_GUIDE_KEYS = {"kind", "id", "version", "title", "description", "sources", "sections"}
_SECTION_KEYS = {"id", "kind", "title", "intro", "problem_area", "capture", "source", "prompts"}
_PROMPT_KEYS = {"id", "text", "follow_ups", "groups", "min_age", "max_age"}
_MEMBER_ONLY_PROMPT_KEYS = ("groups", "min_age", "max_age")


def _parse_prompt(item: Mapping, is_member: bool) -> GuidePrompt:
    item.check_keys(_PROMPT_KEYS)
    if not is_member:
        for key in _MEMBER_ONLY_PROMPT_KEYS:
            if item.has(key):
                raise item.node(key).error(f"'{key}' is only allowed in the member section")
    follow_ups = []
    for node in item.get_seq("follow_ups", required=False):
        follow_ups.append(_label_of(node, "follow_ups"))
        _check_placeholders(node, is_member)
    min_age, max_age = _ages(item)
    return GuidePrompt(
        id=_code(item, "id"),
        text=_label(item, "text", allow_name=is_member),
        follow_ups=tuple(follow_ups),
        groups=_codes_from(item, "groups", MEMBER_GROUPS) if item.has("groups") else (),
        min_age=min_age,
        max_age=max_age,
    )


def _parse_section(item: Mapping) -> GuideSection:
    item.check_keys(_SECTION_KEYS)
    section_id = _code(item, "id")
    kind = item.get_str("kind")
    if kind not in SECTION_KINDS:
        raise item.node("kind").error(f"unknown section kind '{kind}' (known: {', '.join(SECTION_KINDS)})")
    is_member = kind == "member"
    problem_area = None
    if kind == "problem_area":
        problem_area = item.get_str("problem_area")
        if problem_area not in PROBLEM_AREAS:
            raise item.node("problem_area").error(
                f"unknown problem area '{problem_area}' (known: {', '.join(PROBLEM_AREAS)})"
            )
    elif item.has("problem_area"):
        raise item.node("problem_area").error("'problem_area' is only allowed in sections of kind problem_area")
    capture = _codes_from(item, "capture", CAPTURE_KINDS) if item.has("capture") else CAPTURE_KINDS
    if not capture:
        raise item.node("capture").error(f"'capture' must name at least one of {', '.join(CAPTURE_KINDS)}")
    title = _label(item, "title", allow_name=is_member)
    intro = _label(item, "intro", required=False, allow_name=is_member) if item.has("intro") else _NO_LABEL
    source = item.get_str("source")
    prompts: list[GuidePrompt] = []
    for prompt_item in item.get_seq("prompts", required=kind not in PROMPTLESS_SECTION_KINDS).mappings():
        prompt = _parse_prompt(prompt_item, is_member)
        if any(p.id == prompt.id for p in prompts):
            raise prompt_item.node("id").error(f"prompt id '{prompt.id}' appears twice in section '{section_id}'")
        prompts.append(prompt)
    if not prompts and kind not in PROMPTLESS_SECTION_KINDS:
        raise item.node("prompts").error(f"a section of kind {kind} needs at least one prompt")
    return GuideSection(
        id=section_id,
        kind=kind,
        title=title,
        source=source,
        prompts=tuple(prompts),
        intro=intro,
        problem_area=problem_area,
        capture=capture,
    )


def parse_conversation_guide(root: Mapping) -> ConversationGuide:
    root.check_keys(_GUIDE_KEYS)
    header = parse_header(root, "conversation_guide")
    if not _GUIDE_ID.match(header.id):
        raise root.node("id").error("a guide id must use only a-z, 0-9, - and _")
    title = _label(root, "title")
    description = _label(root, "description", required=False) if root.has("description") else _NO_LABEL
    sections: list[GuideSection] = []
    seen_kinds: dict[str, int] = {}
    seen_areas: set[str] = set()
    for item in root.get_seq("sections").mappings():
        section = _parse_section(item)
        if any(s.id == section.id for s in sections):
            raise item.node("id").error(f"section id '{section.id}' appears twice")
        seen_kinds[section.kind] = seen_kinds.get(section.kind, 0) + 1
        if section.kind in SINGLE_SECTION_KINDS + AT_MOST_ONE_SECTION_KINDS and seen_kinds[section.kind] > 1:
            raise item.node("kind").error(f"a guide can have only one section of kind {section.kind}")
        if section.problem_area is not None:
            if section.problem_area in seen_areas:
                raise item.node("problem_area").error(
                    f"problem area '{section.problem_area}' already has a section"
                )
            seen_areas.add(section.problem_area)
        sections.append(section)
    sections_node = root.node("sections")
    missing_kinds = [k for k in SINGLE_SECTION_KINDS if k not in seen_kinds]
    if missing_kinds:
        raise sections_node.error(f"the guide needs one section of kind {', '.join(missing_kinds)}")
    missing_areas = [a for a in PROBLEM_AREAS if a not in seen_areas]
    if missing_areas:
        raise sections_node.error(f"the guide has no section for problem area {', '.join(missing_areas)}")
    return ConversationGuide(header=header, title=title, description=description, sections=tuple(sections))


# ---- snapshots: a plain JSON-able copy stored with each conversation

SNAPSHOT_FORMAT = 1
_SNAPSHOT_FILE = "guide snapshot"


def _label_dict(label: Label) -> dict[str, str]:
    return {"da": label.da, "en": label.en}


def guide_to_snapshot(guide: ConversationGuide) -> dict[str, Any]:
    """The guide as plain dicts, lists, texts and numbers (``json.dumps`` takes it as it is)."""
    return {
        "snapshot_format": SNAPSHOT_FORMAT,
        "kind": guide.header.kind,
        "id": guide.header.id,
        "version": guide.header.version,
        "file": guide.header.file,
        "sources": list(guide.header.sources),
        "title": _label_dict(guide.title),
        "description": _label_dict(guide.description),
        "sections": [
            {
                "id": s.id,
                "kind": s.kind,
                "title": _label_dict(s.title),
                "intro": _label_dict(s.intro),
                "problem_area": s.problem_area,
                "capture": list(s.capture),
                "source": s.source,
                "prompts": [
                    {
                        "id": p.id,
                        "text": _label_dict(p.text),
                        "follow_ups": [_label_dict(f) for f in p.follow_ups],
                        "groups": list(p.groups),
                        "min_age": p.min_age,
                        "max_age": p.max_age,
                    }
                    for p in s.prompts
                ],
            }
            for s in guide.sections
        ],
    }


def _snap_label(value: Any) -> Label:
    if not isinstance(value, dict) or not isinstance(value.get("da"), str) or not isinstance(value.get("en"), str):
        raise TypeError(f"not a label: {value!r}")
    return Label(value["da"], value["en"])


def _snap_age(value: Any) -> int | None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise TypeError(f"not an age: {value!r}")
    return value


def guide_from_snapshot(snapshot: dict[str, Any]) -> ConversationGuide:
    """The guide a conversation was made with, from its stored snapshot; raises ``ContentError``."""
    try:
        if snapshot.get("snapshot_format") != SNAPSHOT_FORMAT:
            raise ValueError(f"unknown snapshot format {snapshot.get('snapshot_format')!r}")
        header = ContentHeader(
            kind=str(snapshot["kind"]),
            id=str(snapshot["id"]),
            version=int(snapshot["version"]),
            file=str(snapshot["file"]),
            sources=tuple(str(s) for s in snapshot["sources"]),
        )
        sections = tuple(
            GuideSection(
                id=str(s["id"]),
                kind=str(s["kind"]),
                title=_snap_label(s["title"]),
                source=str(s["source"]),
                prompts=tuple(
                    GuidePrompt(
                        id=str(p["id"]),
                        text=_snap_label(p["text"]),
                        follow_ups=tuple(_snap_label(f) for f in p["follow_ups"]),
                        groups=tuple(str(g) for g in p["groups"]),
                        min_age=_snap_age(p["min_age"]),
                        max_age=_snap_age(p["max_age"]),
                    )
                    for p in s["prompts"]
                ),
                intro=_snap_label(s["intro"]),
                problem_area=None if s["problem_area"] is None else str(s["problem_area"]),
                capture=tuple(str(c) for c in s["capture"]),
            )
            for s in snapshot["sections"]
        )
        return ConversationGuide(
            header=header,
            title=_snap_label(snapshot["title"]),
            description=_snap_label(snapshot["description"]),
            sections=sections,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ContentError(_SNAPSHOT_FILE, 0, f"the stored guide cannot be read ({exc})") from exc


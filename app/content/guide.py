"""The conversation guide (samtaleguide): sections, open prompts, follow-ups, capture fields.

A guide is content: a municipality can load its own. Each conversation keeps a snapshot of the guide
version it was made with (``guide_to_snapshot`` / ``guide_from_snapshot``), so old conversations
always show the questions they were answered against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from app.content.catalogues import ContentHeader, parse_header
from app.content.conversation import (
    AT_MOST_ONE_SECTION_KINDS,
    CAPTURE_KINDS,
    MEMBER_GROUPS,
    PROBLEM_AREAS,
    PROMPTLESS_SECTION_KINDS,
    SECTION_KINDS,
    SINGLE_SECTION_KINDS,
)
from app.content.fields import (
    NAME_PLACEHOLDER,
    NO_LABEL,
    ages,
    check_placeholders,
    code_of,
    codes_from,
    label_in,
    label_of,
)
from app.content.reader import Label, Mapping
from app.core.errors import QT_TRANSLATE_NOOP, ContentError

#: A guide's id: letters, digits, "_" and "-" (it names a file a municipality may load).
GUIDE_ID = re.compile(r"^[a-z0-9_-]+$")

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
    intro: Label = NO_LABEL
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
                raise item.node(key).error(
                    QT_TRANSLATE_NOOP("Content", "'{key}' is only allowed in the member section"), key=key)
    follow_ups = []
    for node in item.get_seq("follow_ups", required=False):
        follow_ups.append(label_of(node, "follow_ups"))
        check_placeholders(node, is_member)
    min_age, max_age = ages(item)
    return GuidePrompt(
        id=code_of(item, "id"),
        text=label_in(item, "text", allow_name=is_member),
        follow_ups=tuple(follow_ups),
        groups=codes_from(item, "groups", MEMBER_GROUPS) if item.has("groups") else (),
        min_age=min_age,
        max_age=max_age,
    )


def _parse_section(item: Mapping) -> GuideSection:
    item.check_keys(_SECTION_KEYS)
    section_id = code_of(item, "id")
    kind = item.get_str("kind")
    if kind not in SECTION_KINDS:
        raise item.node("kind").error(
            QT_TRANSLATE_NOOP("Content", "unknown section kind '{kind}' (known: {known})"), kind=kind,
            known=", ".join(SECTION_KINDS))
    is_member = kind == "member"
    problem_area = None
    if kind == "problem_area":
        problem_area = item.get_str("problem_area")
        if problem_area not in PROBLEM_AREAS:
            raise item.node("problem_area").error(
                QT_TRANSLATE_NOOP("Content", "unknown problem area '{area}' (known: {known})"),
                area=problem_area, known=", ".join(PROBLEM_AREAS))
    elif item.has("problem_area"):
        raise item.node("problem_area").error(
            QT_TRANSLATE_NOOP("Content", "'problem_area' is only allowed in sections of kind problem_area"))
    capture = codes_from(item, "capture", CAPTURE_KINDS) if item.has("capture") else CAPTURE_KINDS
    if not capture:
        raise item.node("capture").error(
            QT_TRANSLATE_NOOP("Content", "'capture' must name at least one of {known}"), known=", ".join(CAPTURE_KINDS))
    title = label_in(item, "title", allow_name=is_member)
    intro = label_in(item, "intro", required=False, allow_name=is_member) if item.has("intro") else NO_LABEL
    source = item.get_str("source")
    prompts: list[GuidePrompt] = []
    for prompt_item in item.get_seq("prompts", required=kind not in PROMPTLESS_SECTION_KINDS).mappings():
        prompt = _parse_prompt(prompt_item, is_member)
        if any(p.id == prompt.id for p in prompts):
            raise prompt_item.node("id").error(
                QT_TRANSLATE_NOOP("Content", "prompt id '{prompt}' appears twice in section '{section}'"),
                prompt=prompt.id, section=section_id)
        prompts.append(prompt)
    if not prompts and kind not in PROMPTLESS_SECTION_KINDS:
        raise item.node("prompts").error(
            QT_TRANSLATE_NOOP("Content", "a section of kind {kind} needs at least one prompt"), kind=kind)
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
    if not GUIDE_ID.match(header.id):
        raise root.node("id").error(QT_TRANSLATE_NOOP("Content", "a guide id must use only a-z, 0-9, - and _"))
    title = label_in(root, "title")
    description = label_in(root, "description", required=False) if root.has("description") else NO_LABEL
    sections: list[GuideSection] = []
    seen_kinds: dict[str, int] = {}
    seen_areas: set[str] = set()
    for item in root.get_seq("sections").mappings():
        section = _parse_section(item)
        if any(s.id == section.id for s in sections):
            raise item.node("id").error(
                QT_TRANSLATE_NOOP("Content", "section id '{section}' appears twice"), section=section.id)
        seen_kinds[section.kind] = seen_kinds.get(section.kind, 0) + 1
        if section.kind in SINGLE_SECTION_KINDS + AT_MOST_ONE_SECTION_KINDS and seen_kinds[section.kind] > 1:
            raise item.node("kind").error(
                QT_TRANSLATE_NOOP("Content", "a guide can have only one section of kind {kind}"), kind=section.kind)
        if section.problem_area is not None:
            if section.problem_area in seen_areas:
                raise item.node("problem_area").error(
                    QT_TRANSLATE_NOOP("Content", "problem area '{area}' already has a section"),
                    area=section.problem_area)
            seen_areas.add(section.problem_area)
        sections.append(section)
    sections_node = root.node("sections")
    missing_kinds = [k for k in SINGLE_SECTION_KINDS if k not in seen_kinds]
    if missing_kinds:
        raise sections_node.error(
            QT_TRANSLATE_NOOP("Content", "the guide needs one section of kind {kinds}"), kinds=", ".join(missing_kinds))
    missing_areas = [a for a in PROBLEM_AREAS if a not in seen_areas]
    if missing_areas:
        raise sections_node.error(
            QT_TRANSLATE_NOOP("Content", "the guide has no section for problem area {areas}"),
            areas=", ".join(missing_areas))
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
        raise ContentError(_SNAPSHOT_FILE, 0,
                           QT_TRANSLATE_NOOP("Content", "the stored guide cannot be read ({problem})"),
                           problem=str(exc)) from exc

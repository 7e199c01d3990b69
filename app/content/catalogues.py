"""The content types of the case record: case templates and the catalogues the forms choose from."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.content.reader import Label, Mapping
from app.core.errors import QT_TRANSLATE_NOOP

PHASES = ("I", "II", "III")
STEP_KINDS = (
    "referral", "consent", "clarifying_conversation", "home_visit", "network_meeting",
    "offers", "action_plan", "follow_up", "closure", "other",
)
RELATION_GROUPS = ("parent", "child", "sibling", "other")
AGE_ORDERS = ("older", "younger", "same", "")


@dataclass(frozen=True)
class Choice:
    """One entry of a catalogue: a stable code and its label."""

    code: str
    label: Label


@dataclass(frozen=True)
class ContentHeader:
    kind: str
    id: str
    version: int
    file: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class StepTemplate:
    code: str
    phase: str
    kind: str
    label: Label
    responsible: Label
    why: Label
    source: str
    requires_consent: tuple[str, ...] = ()
    done_at_referral: bool = False
    optional: bool = False
    due_days: int | None = None


@dataclass(frozen=True)
class CaseTemplate:
    """A municipality's course model: its phases and ordered steps (domain README §2)."""

    header: ContentHeader
    title: Label
    description: Label
    phases: tuple[Choice, ...]
    steps: tuple[StepTemplate, ...]

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def version(self) -> int:
        return self.header.version


@dataclass(frozen=True)
class ReferralCatalogue:
    header: ContentHeader
    source_kinds: tuple[Choice, ...]
    channels: tuple[Choice, ...]
    organisation_hints: dict[str, Label] = field(default_factory=dict)


@dataclass(frozen=True)
class ConsentScope:
    code: str
    label: Label
    description: Label
    needs_recipients: bool = False
    valid_months: int | None = None


@dataclass(frozen=True)
class ConsentCatalogue:
    header: ContentHeader
    scopes: tuple[ConsentScope, ...]
    forms: tuple[Choice, ...]

    def scope(self, code: str) -> ConsentScope | None:
        return next((s for s in self.scopes if s.code == code), None)


@dataclass(frozen=True)
class ServiceLevel:
    level: int
    label: Label
    description: Label
    source: str


@dataclass(frozen=True)
class ServiceLevelCatalogue:
    header: ContentHeader
    levels: tuple[ServiceLevel, ...]


@dataclass(frozen=True)
class Relation:
    code: str
    group: str
    label: Label
    age_order: str = ""
    custody: bool = False  # usually has parental responsibility: the form starts ticked


@dataclass(frozen=True)
class FamilyCatalogue:
    header: ContentHeader
    relations: tuple[Relation, ...]
    languages: tuple[Choice, ...]
    diagnoses: tuple[Choice, ...]

    def relation(self, code: str) -> Relation | None:
        return next((r for r in self.relations if r.code == code), None)


# ---- parsing


def parse_header(root: Mapping, expected_kind: str) -> ContentHeader:
    kind = root.get_str("kind")
    if kind != expected_kind:
        raise root.node("kind").error(
            QT_TRANSLATE_NOOP("Content", "expected kind '{expected}', found '{kind}'"),
            expected=expected_kind, kind=kind)
    return ContentHeader(
        kind=kind,
        id=root.get_str("id"),
        version=root.get_int("version", minimum=1),
        file=root.file,
        sources=tuple(root.get_str_list("sources")),
    )


def _choices(root: Mapping, key: str, extra_keys: set[str] = frozenset()) -> tuple[Choice, ...]:
    choices: list[Choice] = []
    seen: set[str] = set()
    for item in root.get_seq(key).mappings():
        item.check_keys({"code", "label"} | set(extra_keys))
        code = item.get_str("code")
        if code in seen:
            raise item.node("code").error(
                QT_TRANSLATE_NOOP("Content", "code '{code}' appears twice in '{key}'"), code=code, key=key)
        seen.add(code)
        choices.append(Choice(code, item.get_label("label")))
    if not choices:
        raise root.node(key).error(QT_TRANSLATE_NOOP("Content", "'{key}' must not be empty"), key=key)
    return tuple(choices)


def parse_case_template(root: Mapping) -> CaseTemplate:
    root.check_keys({"kind", "id", "version", "title", "description", "sources", "phases", "steps"})
    header = parse_header(root, "case_template")
    phases = _choices(root, "phases")
    phase_codes = [p.code for p in phases]
    for phase, node in zip(phases, root.get_seq("phases"), strict=True):
        if phase.code not in PHASES:
            raise node.error(QT_TRANSLATE_NOOP("Content", "phase code must be one of {known}"), known=", ".join(PHASES))
    steps: list[StepTemplate] = []
    seen: set[str] = set()
    last_phase_index = 0
    step_keys = {
        "code", "phase", "kind", "label", "responsible", "why", "source", "requires_consent",
        "done_at_referral", "optional", "due_days",
    }
    for item in root.get_seq("steps").mappings():
        item.check_keys(step_keys)
        code = item.get_str("code")
        if code in seen:
            raise item.node("code").error(QT_TRANSLATE_NOOP("Content", "step code '{code}' appears twice"), code=code)
        seen.add(code)
        phase = item.get_str("phase")
        if phase not in phase_codes:
            raise item.node("phase").error(
                QT_TRANSLATE_NOOP("Content", "phase '{phase}' is not one of the template's phases"), phase=phase)
        if phase_codes.index(phase) < last_phase_index:
            raise item.node("phase").error(QT_TRANSLATE_NOOP("Content", "steps must be listed in phase order"))
        last_phase_index = phase_codes.index(phase)
        kind = item.get_str("kind")
        if kind not in STEP_KINDS:
            raise item.node("kind").error(
                QT_TRANSLATE_NOOP("Content", "unknown step kind '{kind}' (known: {known})"), kind=kind,
                known=", ".join(STEP_KINDS))
        steps.append(
            StepTemplate(
                code=code,
                phase=phase,
                kind=kind,
                label=item.get_label("label"),
                responsible=item.get_label("responsible", required=False),
                why=item.get_label("why", required=False),
                source=item.get_str("source"),
                requires_consent=tuple(item.get_str_list("requires_consent")),
                done_at_referral=item.get_bool("done_at_referral"),
                optional=item.get_bool("optional"),
                due_days=item.get_optional_int("due_days", minimum=0),
            )
        )
    if not steps:
        raise root.node("steps").error(QT_TRANSLATE_NOOP("Content", "a template needs at least one step"))
    if steps[-1].done_at_referral:
        raise root.node("steps").error(QT_TRANSLATE_NOOP("Content", "at least one step must remain after the referral"))
    return CaseTemplate(
        header=header,
        title=root.get_label("title"),
        description=root.get_label("description", required=False),
        phases=phases,
        steps=tuple(steps),
    )


def parse_referral_catalogue(root: Mapping) -> ReferralCatalogue:
    root.check_keys({"kind", "id", "version", "sources", "source_kinds", "channels"})
    hints = {}
    for item in root.get_seq("source_kinds").mappings():
        if item.has("organisation_hint"):
            hints[item.get_str("code")] = item.get_label("organisation_hint", required=False)
    return ReferralCatalogue(
        header=parse_header(root, "referral_catalogue"),
        source_kinds=_choices(root, "source_kinds", {"organisation_hint"}),
        channels=_choices(root, "channels"),
        organisation_hints=hints,
    )


def parse_consent_catalogue(root: Mapping) -> ConsentCatalogue:
    root.check_keys({"kind", "id", "version", "sources", "scopes", "forms"})
    scopes = []
    for item in root.get_seq("scopes").mappings():
        item.check_keys({"code", "label", "description", "needs_recipients", "valid_months"})
        scopes.append(
            ConsentScope(
                code=item.get_str("code"),
                label=item.get_label("label"),
                description=item.get_label("description", required=False),
                needs_recipients=item.get_bool("needs_recipients"),
                valid_months=item.get_optional_int("valid_months", minimum=1),
            )
        )
    if "participation" not in {s.code for s in scopes}:
        raise root.node("scopes").error(
            QT_TRANSLATE_NOOP("Content", "the scope 'participation' is required (it gates the conversation)"))
    return ConsentCatalogue(
        header=parse_header(root, "consent_catalogue"), scopes=tuple(scopes), forms=_choices(root, "forms")
    )


def parse_service_levels(root: Mapping) -> ServiceLevelCatalogue:
    root.check_keys({"kind", "id", "version", "sources", "levels"})
    levels = []
    for item in root.get_seq("levels").mappings():
        item.check_keys({"level", "label", "description", "source"})
        levels.append(
            ServiceLevel(
                level=item.get_int("level", minimum=1, maximum=4),
                label=item.get_label("label"),
                description=item.get_label("description", required=False),
                source=item.get_str("source"),
            )
        )
    if sorted(level.level for level in levels) != [1, 2, 3, 4]:
        raise root.node("levels").error(QT_TRANSLATE_NOOP("Content", "levels 1, 2, 3 and 4 must each appear once"))
    return ServiceLevelCatalogue(header=parse_header(root, "service_levels"), levels=tuple(levels))


def parse_family_catalogue(root: Mapping) -> FamilyCatalogue:
    root.check_keys({"kind", "id", "version", "sources", "relations", "languages", "diagnoses"})
    relations = []
    for item in root.get_seq("relations").mappings():
        item.check_keys({"code", "group", "label", "age_order", "custody"})
        group = item.get_str("group")
        if group not in RELATION_GROUPS:
            raise item.node("group").error(
                QT_TRANSLATE_NOOP("Content", "group must be one of {known}"), known=", ".join(RELATION_GROUPS))
        age_order = item.get_str("age_order", default="") if item.has("age_order") else ""
        if age_order not in AGE_ORDERS:
            raise item.node("age_order").error(QT_TRANSLATE_NOOP("Content", "age_order must be older, younger or same"))
        relations.append(Relation(item.get_str("code"), group, item.get_label("label"), age_order,
                                  item.get_bool("custody", default=False)))
    if not any(r.group == "child" for r in relations):
        raise root.node("relations").error(QT_TRANSLATE_NOOP("Content", "one relation must have group 'child'"))
    return FamilyCatalogue(
        header=parse_header(root, "family_catalogue"),
        relations=tuple(relations),
        languages=_choices(root, "languages"),
        diagnoses=_choices(root, "diagnoses"),
    )

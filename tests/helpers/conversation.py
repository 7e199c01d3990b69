"""Helpers for the clarifying conversation's service tests: a family with consent and its conversation
started, section keys by first name, the workspace seen on another day or unlocked anew, and a version 2
of the standard guide. Synthetic people only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from app.core.resources import content_dir, resources_dir
from app.core.settings import Policy, Settings
from app.models import ConversationSection
from app.services.cases import dto
from app.services.workspace import Workspace, unlock
from tests.conftest import PASSWORD, TODAY
from tests.helpers.families import family, participation

RECENT = date(2026, 11, 20)  # referred two days before TODAY: no step is overdue yet
MEMBER = "familiemedlem"  # the standard guide's member section
STANDARD = content_dir() / "guides" / "standard.yaml"
GREVE_EXAMPLE = resources_dir() / "examples" / "greve-spoergeguide.yaml"
V1_PROMPT_DA = "Hvad håber I at få ud af, at vi taler sammen i dag?"
V2_PROMPT_DA = "Hvad er det vigtigste, vi skal nå at tale om i dag?"
AGREES_DA = "Vi har læst opsummeringen igennem sammen, og I er enige i den."


def _member(relation: str, first_name: str, birth: date, *diagnoses: tuple[str, str],
            surname: str = "Skovbjerg") -> dto.MemberInput:
    return dto.MemberInput(relation, first_name, surname, birth_date=birth,
                           diagnoses=tuple(dto.DiagnosisInput(label, code) for label, code in diagnoses))


def _new_case(ws: Workspace, surname: str = "Skovbjerg", consent: bool = True, template: str = "herning",
              **kwargs) -> dto.CaseOverview:
    overview = ws.cases.create_case(family(surname, template=template, referred_on=RECENT, **kwargs))
    if consent:
        overview = ws.course.record_consent(overview.id, participation(RECENT))
    return overview


def _started(ws: Workspace, **kwargs):  # type: ignore[no-untyped-def]
    """A case with participation consent and its conversation, started."""
    case = _new_case(ws, **kwargs)
    return case, ws.conversations.start(case.id)


def _ids(view) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Member id by first name."""
    return {m.first_name: m.id for m in view.members}


def _key(view, first_name: str) -> str:  # type: ignore[no-untyped-def]
    return f"{MEMBER}:{_ids(view)[first_name]}"


def _section_row_id(ws: Workspace, conversation_id: str, key: str) -> str:
    with ws.store.unit_of_work() as session:
        return session.execute(
            select(ConversationSection.id).where(ConversationSection.conversation_id == conversation_id,
                                                 ConversationSection.section_key == key)
        ).scalar_one()


def _on(ws: Workspace, day: date) -> Workspace:
    """The same unlocked profile as seen on ``day`` (another ``today`` for every service)."""
    return Workspace(ws.paths, ws.settings, ws.policy, ws.content, ws.store, ws.profile, lambda: day)


def _unlock_fresh(paths) -> Workspace:  # type: ignore[no-untyped-def]
    """Unlock as the next start would, loading the content files (shipped and municipal) anew."""
    return unlock(paths, PASSWORD, Settings.load(paths.settings_file), Policy(), today=lambda: TODAY)


def _list_item(ws: Workspace, case_id: str) -> dto.CaseListItem:
    return next(i for i in ws.cases.search(dto.CaseFilter()).items if i.id == case_id)


def _prompt_texts(section) -> list[str]:  # type: ignore[no-untyped-def]
    return [p.text.da for p in section.prompts]


def _guide_v2(tmp_path: Path, name: str = "standard-v2.yaml") -> Path:
    """The standard guide as a municipality's version 2, with its first prompt reworded."""
    text = STANDARD.read_text("utf-8")
    assert text.count("\nversion: 1\n") == 1 and text.count(V1_PROMPT_DA) == 1
    path = tmp_path / name
    path.write_text(text.replace("\nversion: 1\n", "\nversion: 2\n").replace(V1_PROMPT_DA, V2_PROMPT_DA), "utf-8")
    return path

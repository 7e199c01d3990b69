"""Helpers for the network map's service tests: positions in the middle of each sector and horizon,
a family with or without consent, row counts of the map's tables, and the saved map by id.

Geometry (app.services.network.dto): family 0 ≤ a < 90, friends 90 ≤ a ≤ 180 (and −180), school/work
−180 < a < −90, professional −90 ≤ a < 0; horizon 1 below 100/3, 2 below 200/3, 3 from 200/3 on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, update

from app.models import AuditEntry, ChangeLogEntry, MapPerson, MapTie, MapVersion, Partner
from app.services.network import dto as n
from app.services.workspace import Workspace
from tests.helpers.db import row_counts
from tests.helpers.families import family, participation
from tests.helpers.pdf import text_in_pdf

# Angles in the middle of each sector, and distances in the middle of each horizon.
FAM, FRI, SCH, PRO = 45.0, 135.0, -135.0, -45.0
NEAR, MID, FAR = 15.0, 50.0, 85.0


def person(name: str = "Birthe Holm", angle: float = FAM, distance: float = NEAR, **kw) -> n.PersonInput:
    return n.PersonInput(name=name, angle=angle, distance=distance, **kw)


def _case(ws: Workspace, surname: str = "Skovbjerg", consent: bool = True) -> str:
    case_id = ws.cases.create_case(family(surname, referred_on=date(2026, 11, 1))).id
    if consent:
        ws.course.record_consent(case_id, participation(date(2026, 11, 2)))
    return case_id


TABLES = {"map_entries": MapPerson, "map_links": MapTie, "map_versions": MapVersion, "partners": Partner,
          "change_log": ChangeLogEntry, "audit_log": AuditEntry}


def _counts(ws: Workspace) -> dict[str, int]:
    return dict(zip(TABLES, row_counts(ws, *TABLES.values()), strict=True))


def _mark_synced(ws: Workspace) -> None:
    """As if sync had sent everything so far (later updates then get rows of their own)."""
    with ws.store.unit_of_work() as session:
        session.execute(update(ChangeLogEntry).values(synced_at=func.current_timestamp()))


def _stored(ws: Workspace, case_id: str) -> tuple[dict, dict]:
    """The saved map, compared by id: people (name, role, angle, distance) and ties."""
    data = ws.network.map_data(case_id)
    return ({p.id: (p.name, p.role, round(p.angle, 6), round(p.distance, 6)) for p in data.people},
            {t.id: (t.a_id, t.b_id, t.quality) for t in data.ties})


def _text_in_pdf(path) -> str:  # type: ignore[no-untyped-def]
    return text_in_pdf(path.read_bytes())


def _clinic() -> n.PartnerView:
    return n.PartnerView(
        "", "gp_clinic", "Lægehuset Torvet", unit="Læge Mads Ravn", phone="97 12 34 56",
        email="post@laegehuset-torvet.example.dk", address="Torvet 4, 7400 Herning",
        contact_points=(n.ContactPoint("Telefontid kl. 8-9", "97 12 34 50"),
                        n.ContactPoint("Sekretær", email="sekretaer@laegehuset-torvet.example.dk")),
        note="Lukket fredag eftermiddag",
    )

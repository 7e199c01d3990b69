"""The partner directory (samarbejdspartnere), shared across families: schools, GP clinics, hospital
departments, PPR, patient associations, each an organisation with functional contact points (never a
private person), entered once and chosen on any family's network map. Each partner also keeps when it
was told about the effort, so the coordinator sees who is due a visit (FR-18).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.models import Partner
from app.models.audit import append_audit
from app.models.network import PARTNER_KINDS
from app.services import validation
from app.services.cases.service import CaseNotFoundError
from app.services.context import ServiceContext
from app.services.network import dto as n


def _visit(entry: dict) -> n.InformationVisit | None:
    try:
        return n.InformationVisit(date.fromisoformat(entry["on"]), entry.get("how", ""), entry.get("note", ""))
    except (KeyError, TypeError, ValueError):  # not written by this app: left out, never a crash
        return None


def _partner(row: Partner) -> n.PartnerView:
    visits = sorted((v for v in map(_visit, row.information or ()) if v is not None),
                    key=lambda v: v.informed_on, reverse=True)
    return n.PartnerView(
        row.id, row.kind, row.name, row.unit, row.phone, row.email, row.address,
        tuple(n.ContactPoint(c.get("name", ""), c.get("phone", ""), c.get("email", "")) for c in row.contact_points or ()),
        row.note, tuple(visits),
    )


class PartnerService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def find(self, query: str = "", not_informed_since: date | None = None) -> tuple[n.PartnerView, ...]:
        """The partners, found by name, unit or kind; with ``not_informed_since``, only those not told
        about the effort on that day or later (FR-18: who is due a visit)."""
        with self.ctx.store.unit_of_work() as session:
            stmt = select(Partner).where(Partner.active.is_(True)).order_by(Partner.name)
            rows = session.execute(stmt).scalars().all()
            words = query.casefold().split()
            found = (_partner(r) for r in rows if all(w in f"{r.name} {r.unit} {r.kind}".casefold() for w in words))
            return tuple(p for p in found if not_informed_since is None or not p.informed_since(not_informed_since))

    def save(self, partner: n.PartnerView) -> n.PartnerView:
        """Add a partner (``partner.id`` empty) or change one."""
        name = validation.required_text(partner.name, "name")
        if partner.kind not in PARTNER_KINDS:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the kind of partner."), field="kind")
        validation.check_phone(partner.phone, "phone")
        validation.check_email(partner.email, "email")
        for index, point in enumerate(partner.contact_points):
            validation.required_text(point.name, f"contact_points.{index}.name")
            validation.check_phone(point.phone, f"contact_points.{index}.phone")
            validation.check_email(point.email, f"contact_points.{index}.email")
        for index, visit in enumerate(partner.information):
            validation.not_in_future(visit.informed_on, self.ctx.today(), f"information.{index}.informed_on")
        with self.ctx.store.unit_of_work() as session:
            row = session.get(Partner, partner.id) if partner.id else None
            if row is None:
                row = Partner(kind=partner.kind, name=name)
                session.add(row)
            row.kind, row.name, row.unit = partner.kind, name, partner.unit.strip()
            row.phone, row.email, row.address = partner.phone.strip(), partner.email.strip(), partner.address.strip()
            row.contact_points = [p.__dict__ for p in partner.contact_points]
            row.information = [{"on": v.informed_on.isoformat(), "how": v.how.strip(), "note": v.note.strip()}
                               for v in sorted(partner.information, key=lambda v: v.informed_on, reverse=True)]
            row.note = partner.note
            session.flush()
            append_audit(session, "partner.save", entity="partners", record_id=row.id)
            return _partner(row)

    def person_from(self, partner_id: str, angle: float, distance: float) -> n.PersonInput:
        """A new person on the map for a partner organisation (professionals are entered once)."""
        with self.ctx.store.unit_of_work() as session:
            row = session.get(Partner, partner_id)
            if row is None:
                raise CaseNotFoundError(partner_id)
            return n.PersonInput(name=row.unit or row.name, angle=angle, distance=distance, organisation=row.name,
                                 partner_id=row.id, phone=row.phone, email=row.email, address=row.address,
                                 support=("informational",))

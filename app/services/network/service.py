"""The family's network map (netværkskort): people, ties, versions, invitees, the partner directory.

The map is data; the picture is drawn from it. Every change is its own committed transaction with a
change-log row and an audit entry. Removing a person returns what is needed to restore it exactly
(same id, same ties), which is how the map's undo works.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.core.errors import QT_TRANSLATE_NOOP, KnownError, ValidationError
from app.models import Case, MapPerson, MapTie, MapVersion, Partner
from app.models.audit import append_audit
from app.reports.documents import MapDocument, MapPersonMark, MapTieMark
from app.reports.texts import NETWORK_MAP, NetworkMapTexts, in_language
from app.services import validation
from app.services.cases.overview import allowed_scopes
from app.services.cases.service import CaseNotFoundError, load_case
from app.services.context import ServiceContext
from app.services.exports import ExportFile
from app.services.network import dto as n


class NetworkExportNotAllowedError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors", "The family's consent is not in force, so the network map cannot be exported.")


@dataclass(frozen=True)
class RemovedPerson:
    """A removed person and their ties, kept by the undo stack to put them back."""

    person: n.MapPersonView
    ties: tuple[n.MapTieView, ...]


_Row = TypeVar("_Row", MapPerson, MapTie, MapVersion)


def _owned(session: Session, model: type[_Row], record_id: str, case_id: str) -> _Row:
    """A row of this family's map (a person, a tie, a version), or ``CaseNotFoundError``: an id from
    another family's map is treated as unknown."""
    row = session.get(model, record_id)
    if row is None or row.case_id != case_id:
        raise CaseNotFoundError(record_id)
    return row


def _check_position(angle: float, distance: float) -> None:
    """On the map, or a little beyond the outer horizon; never NaN or infinite (the database refuses
    a NaN, which would surface as a storage error rather than as her input)."""
    if not (math.isfinite(angle) and 0.0 <= distance <= n.MAX_DISTANCE):
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Place the person on the map."), field="position")


def _person(row: MapPerson) -> n.MapPersonView:
    return n.MapPersonView(
        id=row.id, name=row.name, angle=row.angle, distance=row.distance, relation=row.relation, role=row.role,
        organisation=row.organisation, partner_id=row.partner_id, phone=row.phone, email=row.email,
        address=row.address, support=tuple(row.support or ()), quality=row.quality,
        wants_involved=row.wants_involved, invite=row.invite, consent_to_share=row.consent_to_share, note=row.note,
    )


def _tie(row: MapTie) -> n.MapTieView:
    return n.MapTieView(row.id, row.a_id, row.b_id, row.quality)




def snapshot_of(data: n.MapData) -> dict:
    """A saved version: the whole map as plain JSON."""
    return {
        "format": 1,
        "people": [{**p.__dict__, "support": list(p.support)} for p in data.people],
        "ties": [t.__dict__ for t in data.ties],
    }


def data_from_snapshot(snapshot: dict) -> n.MapData:
    return n.MapData(
        people=tuple(n.MapPersonView(**{**p, "support": tuple(p.get("support", ()))}) for p in snapshot.get("people", [])),
        ties=tuple(n.MapTieView(**t) for t in snapshot.get("ties", [])),
    )


class NetworkService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # ---- reading

    def _data(self, session: Session, case_id: str) -> n.MapData:
        people = session.execute(select(MapPerson).where(MapPerson.case_id == case_id)
                                 .order_by(MapPerson.created_at)).scalars().all()
        ties = session.execute(select(MapTie).where(MapTie.case_id == case_id)
                               .order_by(MapTie.created_at)).scalars().all()
        return n.MapData(tuple(_person(p) for p in people), tuple(_tie(t) for t in ties))

    def open_map(self, case_id: str) -> n.NetworkMapView:
        """The family's map (audited as opened)."""
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, case_id)
            append_audit(session, "network.open", case_id=case_id, entity="cases", record_id=case_id)
            return n.NetworkMapView(case_id, case.family_name, self._centre_names(case), self._data(session, case_id),
                                    self._versions(session, case_id), self._family(case))

    def map_data(self, case_id: str) -> n.MapData:
        with self.ctx.store.unit_of_work() as session:
            return self._data(session, case_id)

    # ---- people

    def check_person(self, person: n.PersonInput) -> n.PersonInput:
        """The person as saved (name and contact details trimmed), or ``ValidationError``."""
        name = validation.required_text(person.name, "name")
        validation.check_phone(person.phone, "phone")
        validation.check_email(person.email, "email")
        if person.quality not in n.QUALITIES:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="quality")
        if any(s not in n.SUPPORT_TYPES for s in person.support):
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="support")
        _check_position(person.angle, person.distance)
        return dataclasses.replace(person, name=name, phone=person.phone.strip(), email=person.email.strip())

    def add_person(self, case_id: str, person: n.PersonInput) -> n.MapPersonView:
        person = self.check_person(person)
        with self.ctx.store.unit_of_work() as session:
            self._case(session, case_id)
            row = MapPerson(case_id=case_id, **self._fields(person))
            session.add(row)
            session.flush()
            append_audit(session, "network.person.add", case_id=case_id, entity="map_entries", record_id=row.id)
            return _person(row)

    def update_person(self, case_id: str, person_id: str, person: n.PersonInput) -> n.MapPersonView:
        person = self.check_person(person)
        with self.ctx.store.unit_of_work() as session:
            row = self._entry(session, case_id, person_id)
            for key, value in self._fields(person).items():
                if getattr(row, key) != value:
                    setattr(row, key, value)
            session.flush()
            append_audit(session, "network.person.update", case_id=case_id, entity="map_entries", record_id=row.id)
            return _person(row)

    def add_checked_map(self, case_id: str, people: tuple[n.PersonInput, ...],
                        ties: tuple[tuple[int, int, str], ...]) -> n.MapData:
        """Put people already through ``check_person`` and their ties (by position in ``people``) on an
        empty map, all in one transaction (a map read from a file)."""
        with self.ctx.store.unit_of_work() as session:
            self._case(session, case_id)
            if session.execute(select(MapPerson.id).where(MapPerson.case_id == case_id).limit(1)).first():
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "Errors", "The map already has people on it. A map from a file can only be read into an empty "
                              "map."), field="import")
            rows = [MapPerson(case_id=case_id, **self._fields(p)) for p in people]
            session.add_all(rows)
            session.flush()
            for a, b, quality in ties:
                a_id, b_id = sorted((rows[a].id, rows[b].id))
                session.add(MapTie(case_id=case_id, a_id=a_id, b_id=b_id, quality=quality))
            session.flush()
            append_audit(session, "network.import", case_id=case_id, entity="cases", record_id=case_id,
                         detail={"people": len(rows), "ties": len(ties)})
            return self._data(session, case_id)

    def move_person(self, case_id: str, person_id: str, angle: float, distance: float) -> n.MapPersonView:
        """Move a person (drag on the map, or a new sector/horizon in the list)."""
        _check_position(angle, distance)
        angle = n.normal_angle(angle)
        with self.ctx.store.unit_of_work() as session:
            row = self._entry(session, case_id, person_id)
            row.angle, row.distance = angle, distance
            session.flush()
            append_audit(session, "network.person.move", case_id=case_id, entity="map_entries", record_id=row.id,
                         detail={"sector": n.sector_of(angle), "horizon": n.horizon_of(distance)})
            return _person(row)

    def move_people(self, case_id: str, moves: dict[str, tuple[float, float]]) -> None:
        """Save several moves in one transaction (the map saves drags in small batches)."""
        if not moves:
            return
        with self.ctx.store.unit_of_work() as session:
            rows = session.execute(select(MapPerson).where(MapPerson.case_id == case_id,
                                                          MapPerson.id.in_(list(moves)))).scalars().all()
            if len(rows) != len(moves):
                raise CaseNotFoundError(case_id)
            for row in rows:
                angle, distance = moves[row.id]
                _check_position(angle, distance)
                row.angle, row.distance = n.normal_angle(angle), distance
            session.flush()
            append_audit(session, "network.person.move", case_id=case_id, entity="map_entries",
                         detail={"people": len(rows)})

    def remove_person(self, case_id: str, person_id: str) -> RemovedPerson:
        with self.ctx.store.unit_of_work() as session:
            row = self._entry(session, case_id, person_id)
            links = session.execute(select(MapTie).where(or_(MapTie.a_id == person_id, MapTie.b_id == person_id))).scalars().all()
            removed = RemovedPerson(_person(row), tuple(_tie(t) for t in links))
            for link in links:
                session.delete(link)
            session.flush()  # the ties first: they are change-logged, not left to the database's cascade
            session.delete(row)
            append_audit(session, "network.person.remove", case_id=case_id, entity="map_entries", record_id=person_id)
            return removed

    def restore_person(self, case_id: str, removed: RemovedPerson) -> n.MapPersonView:
        """Put a removed person back, with the same id and ties (undo)."""
        person = removed.person
        with self.ctx.store.unit_of_work() as session:
            self._case(session, case_id)
            fields = {k: v for k, v in person.__dict__.items() if k != "id"}
            row = MapPerson(id=person.id, case_id=case_id, **{**fields, "support": list(person.support)})
            session.add(row)
            session.flush()
            for tie in removed.ties:
                session.add(MapTie(id=tie.id, case_id=case_id, a_id=tie.a_id, b_id=tie.b_id, quality=tie.quality))
            append_audit(session, "network.person.restore", case_id=case_id, entity="map_entries", record_id=person.id)
            return _person(row)

    # ---- ties

    def add_tie(self, case_id: str, a_id: str, b_id: str, quality: str = "", tie_id: str | None = None) -> n.MapTieView:
        """Two people on the map know each other. Not with oneself, and only once per pair."""
        if a_id == b_id:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "A person cannot be tied to themselves."), field="tie")
        if quality not in n.TIE_QUALITIES:
            raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Unknown choice."), field="quality")
        a_id, b_id = sorted((a_id, b_id))
        with self.ctx.store.unit_of_work() as session:
            self._entry(session, case_id, a_id)
            self._entry(session, case_id, b_id)
            if session.execute(select(MapTie.id).where(MapTie.a_id == a_id, MapTie.b_id == b_id)).first():
                raise ValidationError(QT_TRANSLATE_NOOP("Errors", "These two are already tied."), field="tie")
            row = MapTie(case_id=case_id, a_id=a_id, b_id=b_id, quality=quality, **({"id": tie_id} if tie_id else {}))
            session.add(row)
            session.flush()
            append_audit(session, "network.tie.add", case_id=case_id, entity="map_links", record_id=row.id)
            return _tie(row)

    def remove_tie(self, case_id: str, tie_id: str) -> n.MapTieView:
        with self.ctx.store.unit_of_work() as session:
            row = _owned(session, MapTie, tie_id, case_id)
            tie = _tie(row)
            session.delete(row)
            append_audit(session, "network.tie.remove", case_id=case_id, entity="map_links", record_id=tie_id)
            return tie

    # ---- versions

    def _versions(self, session: Session, case_id: str) -> tuple[n.MapVersionInfo, ...]:
        rows = session.execute(select(MapVersion).where(MapVersion.case_id == case_id)
                               .order_by(MapVersion.saved_on, MapVersion.created_at)).scalars().all()
        return tuple(n.MapVersionInfo(r.id, r.label, r.saved_on, len(r.snapshot.get("people", [])),
                                      len(r.snapshot.get("ties", []))) for r in rows)

    def save_version(self, case_id: str, label: str, saved_on: date | None = None) -> n.MapVersionInfo:
        """Keep the map as it is now, e.g. "Ved første samtale" or "Efter et halvt år"."""
        label = validation.required_text(label, "label")
        saved_on = saved_on or self.ctx.today()
        validation.not_in_future(saved_on, self.ctx.today(), "saved_on")
        with self.ctx.store.unit_of_work() as session:
            self._case(session, case_id)
            data = self._data(session, case_id)
            row = MapVersion(case_id=case_id, label=label, saved_on=saved_on, snapshot=snapshot_of(data))
            session.add(row)
            session.flush()
            append_audit(session, "network.version.save", case_id=case_id, entity="map_versions", record_id=row.id)
            return n.MapVersionInfo(row.id, label, saved_on, len(data.people), len(data.ties))

    def version_data(self, case_id: str, version_id: str) -> n.MapData:
        with self.ctx.store.unit_of_work() as session:
            row = _owned(session, MapVersion, version_id, case_id)
            append_audit(session, "network.version.open", case_id=case_id, entity="map_versions", record_id=row.id)
            return data_from_snapshot(row.snapshot)

    # ---- invitees and exports

    def invitees(self, case_id: str) -> tuple[n.Invitee, ...]:
        """The people flagged "invite to network meetings", with the contact details to use (their own,
        else their partner organisation's)."""
        with self.ctx.store.unit_of_work() as session:
            data = self._data(session, case_id)
            partners = {p.id: p for p in session.execute(select(Partner)).scalars()}
            result = []
            for person in data.people:
                if not person.invite:
                    continue
                partner = partners.get(person.partner_id)
                result.append(n.Invitee(
                    person.id, person.name, person.role, person.organisation or (partner.name if partner else ""),
                    person.phone or (partner.phone if partner else ""), person.email or (partner.email if partner else ""),
                    person.consent_to_share, person.sector,
                ))
            return tuple(result)

    def export(self, case_id: str, target: Path, fmt: str, initials_only: bool,
               build: Callable[[Case, n.MapData], bytes], replace: bool = False) -> Path:
        """Write an export of the map to ``target`` (the file she chose); returns where it went.

        Consent is checked first, then the map is read and ``build`` makes the file's bytes. The file
        exists only once its audit entry is committed, and it never replaces another file unless
        ``replace`` (she confirmed it in the save dialog): a taken name gets " (2)" (``ExportFile``)."""
        with ExportFile(target, replace=replace) as export:
            with self.ctx.store.unit_of_work() as session:
                case = load_case(session, case_id)
                if "participation" not in allowed_scopes(case, self.ctx.today()):
                    raise NetworkExportNotAllowedError()
                content = build(case, self._data(session, case_id))
                export.stage(content)
                append_audit(session, "network.export", case_id=case_id, entity="cases", record_id=case_id,
                             detail={"format": fmt, "initials_only": initials_only, "bytes": len(content)})
        return export.path

    def write_export(self, case_id: str, target: Path, content: bytes, fmt: str, initials_only: bool,
                     replace: bool = False) -> Path:
        """Write bytes made elsewhere (the PNG the window renders) as an export: consent-gated, audited."""
        return self.export(case_id, target, fmt, initials_only, lambda _case, _data: content, replace)

    def export_pdf(self, case_id: str, target: Path, initials_only: bool, language: str,
                   replace: bool = False) -> Path:
        """The map as a black-and-white PDF (with a list of the people), written where she chose.

        Its texts (title, centre, sector names, legend, table header) are the report's own
        (``app.reports.texts``) in ``language``. The sharing version (``initials_only``) shows initials
        and roles, and no contact details.
        """
        texts = in_language(NETWORK_MAP, language)
        from app.reports.network_pdf import render_network_map  # reportlab only when a PDF is drawn

        return self.export(case_id, target, "pdf", initials_only, lambda case, data: render_network_map(
            self._document(case, data, texts, initials_only, language)), replace)

    def _document(self, case: Case, data: n.MapData, texts: NetworkMapTexts, initials_only: bool,
                  language: str) -> MapDocument:
        index = {p.id: i for i, p in enumerate(data.people)}
        names = self._centre_names(case)

        def label(person: n.MapPersonView) -> str:
            return n.sharing_label(person.name, person.role) if initials_only else person.name

        people = tuple(MapPersonMark(label(p), *n.to_xy(p.angle, p.distance), p.sector, p.quality, p.invite)
                       for p in data.people)
        lines = tuple(MapTieMark(index[t.a_id], index[t.b_id], t.quality) for t in data.ties
                      if t.a_id in index and t.b_id in index)
        rows = tuple(
            (label(p), texts.sectors.get(p.sector, p.sector), p.role,
             "" if initials_only else p.phone, "" if initials_only else p.email)
            for p in sorted(data.people, key=lambda p: (n.SECTORS.index(p.sector), p.horizon, p.name)))
        return MapDocument(
            language=language, title=texts.title.format(family=case.family_name),
            subtitle=f"{texts.now} – {self.ctx.today().isoformat()}",
            centre=texts.centre.format(names=" & ".join(names)) if names else texts.centre_no_names,
            people=people, lines=lines, sector_labels=texts.sectors, legend=texts.legend,
            author=self.ctx.profile.name, table=(texts.table_header, *rows) if rows else (),
            measures=self._measure_rows(data, texts, label, language) if data.people else (),
        )

    @staticmethod
    def _measure_rows(data: n.MapData, texts: NetworkMapTexts, label: Callable[[n.MapPersonView], str],
                      language: str) -> tuple[tuple[str, ...], ...]:
        """The measures' table for the PDF: each part on its own, "no data" where nothing can be said."""
        from app.services.network.measures import measures

        people = {p.id: p for p in data.people}
        comma = "," if language == "da" else "."

        def number(value: float | None, decimals: int) -> str:
            return texts.no_data if value is None else f"{value:.{decimals}f}".replace(".", comma)

        titles = {"all": texts.everyone, "private": texts.own_people, **texts.sectors}
        return (texts.measures_header, *(
            (titles.get(c.key, c.key), str(c.people), str(c.ties), number(c.density, 2), number(c.degree_mean, 1),
             texts.no_data if c.degree_max is None else str(c.degree_max),
             ", ".join(label(people[i]) for i in c.stars if i in people))
            for c in measures(data).categories))

    def _family(self, case: Case) -> tuple[n.FamilyMemberChoice, ...]:
        """The family's members who are not a child in the centre (parents, siblings, others), in the
        case's order: offered on the map so she does not type the family in twice."""
        groups = {r.code: r.group for r in self.ctx.content.family.relations}
        return tuple(n.FamilyMemberChoice(m.id, f"{m.first_name} {m.last_name}".strip(), m.relation)
                     for m in case.members if groups.get(m.relation) != "child")

    def _centre_names(self, case: Case) -> tuple[str, ...]:
        """The children's first names, for the map's centre."""
        groups = {r.code: r.group for r in self.ctx.content.family.relations}
        return tuple(m.first_name for m in case.members if groups.get(m.relation) == "child")

    # ---- helpers

    @staticmethod
    def _fields(person: n.PersonInput) -> dict:
        fields = dict(person.__dict__)
        fields["support"] = list(person.support)
        fields["angle"] = n.normal_angle(person.angle)
        return fields

    @staticmethod
    def _case(session: Session, case_id: str) -> Case:
        case = session.get(Case, case_id)
        if case is None:
            raise CaseNotFoundError(case_id)
        return case

    @staticmethod
    def _entry(session: Session, case_id: str, person_id: str) -> MapPerson:
        return _owned(session, MapPerson, person_id, case_id)

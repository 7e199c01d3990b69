"""The summary the family recognises: built from what was captured, read back with them, agreed or
not, and printed as a PDF for the family (only while their consent is in force; audited)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from app.core.errors import QT_TRANSLATE_NOOP, KnownError
from app.models import Case
from app.models.audit import append_audit
from app.reports.documents import AgreedStepLine, ContactLine, FamilySummary
from app.reports.texts import FAMILY_SUMMARY, SummaryTexts, in_language, long_date
from app.services.cases.overview import allowed_scopes
from app.services.cases.service import load_case
from app.services.context import ServiceContext
from app.services.conversation import dto as cdto
from app.services.conversation.service import ConversationService, get_conversation
from app.services.conversation.views import summary_digest
from app.services.exports import ExportFile


class ExportNotAllowedError(KnownError):
    default_message = QT_TRANSLATE_NOOP(
        "Errors",
        "The family's consent is not in force, so the summary cannot be printed or saved. Record consent "
        "first.",
    )


def summary_texts(language: str) -> SummaryTexts:
    """The headings the family reads, the same on the screen (the read-back) and in their PDF."""
    return in_language(FAMILY_SUMMARY, language)


class SummaryService:
    def __init__(self, ctx: ServiceContext, conversations: ConversationService) -> None:
        self.ctx = ctx
        self.conversations = conversations

    def family_summary(self, conversation_id: str, language: str = "da") -> FamilySummary:
        """The family's summary as it stands: their words, the agreed steps, the next contact."""
        view = self.conversations.view(conversation_id)
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, view.case_id)
            return self._summary(view, case, language)

    def _summary(self, view: cdto.ConversationView, case: Case, language: str) -> FamilySummary:
        texts = in_language(FAMILY_SUMMARY, language)
        names = {m.id: m.first_name for m in view.members}
        present = tuple(names[s.member_id] for s in view.sections
                        if s.kind == "member" and s.status == "addressed" and s.member_id in names)
        steps = tuple(AgreedStepLine(s.what, self._who(s, texts),
                                     texts.step_due.format(date=long_date(s.due_on, language)) if s.due_on else "")
                      for s in view.agreed_steps if s.done_on is None)
        upcoming = [f for f in view.follow_ups if f.done_on is None]
        next_contact = ""
        if upcoming:
            first = min(upcoming, key=lambda f: f.due_on)
            next_contact = f"{texts.contact_kinds[first.kind]} {long_date(first.due_on, language, weekday=True)}"
            if first.note:
                next_contact += f" – {first.note}"
        profile = self.ctx.profile
        contacts = [ContactLine(profile.name, texts.roles.get(profile.role, ""), profile.organisation,
                                profile.phone, profile.email)]
        tovholder = next((t for t in reversed(case.tovholder_assignments) if t.ended_on is None), None)
        if tovholder is not None and tovholder.profile_id != profile.id:
            contacts.append(ContactLine(tovholder.person_name, texts.roles.get(tovholder.person_role, ""),
                                        tovholder.organisation, tovholder.contact, ""))
        return FamilySummary(
            language=language,
            family_name=view.family_name,
            conversation_date=long_date(view.held_on, language),
            present=present,
            what_matters_most=view.what_matters_most.strip(),
            resources=tuple(i.text for i in view.resources),
            needs=tuple(i.text for i in view.needs),
            agreed_steps=steps,
            next_contact=next_contact,
            who_to_contact=tuple(contacts),
            family_agrees=view.family_agrees,
        )

    @staticmethod
    def _who(step: cdto.AgreedStepView, texts: SummaryTexts) -> str:
        if step.who_kind == "family":
            return f"{texts.family} ({step.who_name})" if step.who_name else texts.family
        return step.who_name or texts.health_visitor

    def set_agreement(self, conversation_id: str, agrees: bool | None, note: str = "") -> cdto.ConversationView:
        """Whether the family recognises and agrees with the summary, read back with them."""
        read_back = summary_digest(self.conversations.view(conversation_id))
        with self.ctx.store.unit_of_work() as session:
            conversation = get_conversation(session, conversation_id)
            conversation.family_agrees = agrees
            conversation.agreement_note = note.strip()
            conversation.agreed_digest = read_back if agrees is not None else ""
            append_audit(session, "conversation.agreement", case_id=conversation.case_id, entity="conversations",
                         record_id=conversation.id, detail={"agrees": agrees})
        return self.conversations.view(conversation_id)

    def save_pdf(self, conversation_id: str, target: Path, language: str = "da", replace: bool = False) -> Path:
        """Export the family's PDF to ``target`` (the file she chose in the save dialog); returns where it
        went. Needs consent; the file exists only once its audit entry is committed, and it never replaces
        another file unless ``replace`` (she confirmed it): a taken name gets " (2)" (``ExportFile``)."""
        view = self.conversations.view(conversation_id)
        with ExportFile(target, replace=replace) as export:
            self._export_pdf(view, language, export.stage)
        return export.path

    def export_pdf(self, conversation_id: str, language: str = "da") -> bytes:
        """The family's summary as PDF bytes (benchmarks and tests; audited like a file). Needs consent."""
        return self._export_pdf(self.conversations.view(conversation_id), language)

    def _export_pdf(self, view: cdto.ConversationView, language: str,
                    stage: Callable[[bytes], None] | None = None) -> bytes:
        with self.ctx.store.unit_of_work() as session:
            case = load_case(session, view.case_id)
            if "participation" not in allowed_scopes(case, self.ctx.today()):
                raise ExportNotAllowedError()
            summary = self._summary(view, case, language)
            from app.reports.summary_pdf import render_family_summary  # reportlab only when drawn

            pdf = render_family_summary(summary)
            if stage is not None:
                stage(pdf)  # a temporary file until this transaction, with its audit entry, commits
            append_audit(session, "conversation.export", case_id=case.id, entity="conversations",
                         record_id=view.id, detail={"format": "pdf", "language": language, "bytes": len(pdf)})
            return pdf

"""A case at a glance: the family, the referral, what consent allows, the tovholder, the level, and
where the course is. Buttons ask the ``CaseActions`` to open the matching form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.cases import dto
from app.ui.cases.new_case_dialog import mask_cpr
from app.ui.common.i18n import fill, format_date, label
from app.ui.common.labels import (
    attention_text,
    consent_form_text,
    interpreter_text,
    phase_text,
    role_text,
    status_text,
    step_label,
    step_status_text,
)
from app.ui.common.table_model import ROW_ROLE, Column, DtoTableModel, fit_columns
from app.ui.common.widgets import Card, Chip, banner
from app.ui.conversation.outcome import contact_text

STEP_MARKS = {"done": "✓", "active": "●", "pending": "○", "skipped": "–"}


ROW_HEIGHT = 30
# Rows measured for the column widths: more than a table shows, enough to see every kind of text a
# column holds (a case's 200 conversations all look alike), few enough that opening stays fast.
WIDTH_SAMPLE_ROWS = 30


def compact_table(model: DtoTableModel, rows_visible: int = 6) -> QTableView:
    """A small read-only table that grows with its rows up to ``rows_visible``.

    The columns are sized once per new set of rows, from the header and the first
    ``WIDTH_SAMPLE_ROWS`` rows, not from every row on every layout as ``ResizeToContents`` would; the
    last column takes the rest of the width, and a wider table scrolls sideways.
    """
    view = QTableView()
    view.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside
    view.setModel(model)

    def fit() -> None:
        # An empty history is not shown as a table with one blank row: the card's own line says
        # "none yet" (no tovholder, no level, no consent in force).
        view.setHidden(model.rowCount() == 0)
        rows = max(1, min(model.rowCount(), rows_visible))
        view.setFixedHeight(view.horizontalHeader().sizeHint().height() + ROW_HEIGHT * rows + 6)
        fit_columns(view, WIDTH_SAMPLE_ROWS)

    model.modelReset.connect(fit)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setShowGrid(False)
    view.setWordWrap(False)
    fit()
    return view


class CaseOverviewPanel(QScrollArea):
    """Shows one ``CaseOverview``; emits what she wants to do with it."""

    edit_household = Signal()
    add_member = Signal()
    edit_member = Signal(str)
    remove_member = Signal(str)
    record_consent = Signal()
    withdraw_consent = Signal(str)
    assign_tovholder = Signal()
    record_level = Signal()
    complete_step = Signal()
    skip_step = Signal()
    start_conversation = Signal()
    open_network_map = Signal()
    open_conversation = Signal(str)
    follow_up_done = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.overview: dto.CaseOverview | None = None
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(14, 14, 18, 18)
        self.column.setSpacing(12)
        self.setWidget(body)

        # -- header
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.family_title = QLabel()
        self.family_title.setObjectName("familyTitle")
        self.family_title.setAccessibleName(self.tr("Family"))
        self.family_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.family_title.setWordWrap(True)  # a long name goes onto a second line, never cut
        self.address = QLabel()
        self.address.setObjectName("muted")
        self.address.setWordWrap(True)
        self.course_line = QLabel()
        self.course_line.setObjectName("muted")
        self.course_line.setWordWrap(True)
        titles.addWidget(self.family_title)
        titles.addWidget(self.address)
        titles.addWidget(self.course_line)
        header.addLayout(titles, 1)
        self.network_button = QPushButton(self.tr("Network map"))
        self.network_button.clicked.connect(self.open_network_map)
        header.addWidget(self.network_button, 0, Qt.AlignmentFlag.AlignTop)
        household = QPushButton(self.tr("Household …"))
        household.clicked.connect(self.edit_household)
        header.addWidget(household, 0, Qt.AlignmentFlag.AlignTop)
        self.column.addLayout(header)
        self.chips = QBoxLayout(QBoxLayout.Direction.LeftToRight)  # one under the other when narrow
        self.chips.setSpacing(6)
        self.column.addLayout(self.chips)
        self.message = banner("")
        self.message.hide()
        self.column.addWidget(self.message)

        # -- course
        self.course_card = Card(self.tr("The course"))
        self.current_step = QLabel()
        self.current_step.setWordWrap(True)
        self.current_step.setAccessibleName(self.tr("Current step"))
        self.course_card.body().addWidget(self.current_step)
        self.steps_model: DtoTableModel[dto.StepView] = DtoTableModel([
            Column("", lambda s: STEP_MARKS.get(s.status, ""), tooltip=lambda s: step_status_text(s.status)),
            Column(self.tr("Phase"), lambda s: s.phase),
            Column(self.tr("Deadline"), lambda s: format_date(s.due_on),
                   colour=lambda s: "#a4262c" if s.overdue else None),
            Column(self.tr("Step"), step_label,
                   tooltip=lambda s: fill(self.tr("Responsible: {who}"), who=s.responsible) if s.responsible else ""),
        ], self)
        self.steps_view = compact_table(self.steps_model, rows_visible=10)
        self.steps_view.setAccessibleName(self.tr("Steps"))
        self.course_card.body().addWidget(self.steps_view)
        step_buttons = QHBoxLayout()
        self.complete_button = QPushButton(self.tr("Mark the current step as done"))
        self.complete_button.clicked.connect(self.complete_step)
        self.skip_button = QPushButton(self.tr("Skip this step"))
        self.skip_button.clicked.connect(self.skip_step)
        step_buttons.addWidget(self.complete_button)
        step_buttons.addWidget(self.skip_button)
        step_buttons.addStretch(1)
        self.course_card.body().addLayout(step_buttons)
        self.column.addWidget(self.course_card)

        # -- conversations and the next contact
        conversations = Card(self.tr("Conversations"))
        self.start_button = conversations.add_action(QPushButton(self.tr("Start the clarifying conversation")))
        self.start_button.clicked.connect(self.start_conversation)
        self.conversations_model: DtoTableModel = DtoTableModel([
            Column(self.tr("Date"), lambda c: format_date(c.held_on)),
            Column(self.tr("Guide"), lambda c: f"{label(c.guide_title)} (v{c.guide_version})"),
            Column(self.tr("Status"), lambda c: self.tr("finished") if c.status == "completed" else self.tr("in progress")),
            Column(self.tr("Family agrees"), lambda c: {True: self.tr("yes"), False: self.tr("no")}.get(c.family_agrees, "")),
        ], self)
        self.conversations_view = compact_table(self.conversations_model, rows_visible=4)
        self.conversations_view.setAccessibleName(self.tr("Conversations"))
        self.conversations_view.doubleClicked.connect(
            lambda index: self.open_conversation.emit(self.conversations_model.row_at(index.row()).id))
        conversations.body().addWidget(self.conversations_view)
        self.follow_up_text = QLabel()
        self.follow_up_text.setWordWrap(True)
        self.follow_up_text.setAccessibleName(self.tr("Next contact"))
        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow_up_text, 1)
        self.follow_up_button = QPushButton(self.tr("Mark as done"))
        self.follow_up_button.clicked.connect(self._follow_up_done)
        follow_row.addWidget(self.follow_up_button)
        conversations.body().addLayout(follow_row)
        self.column.addWidget(conversations)
        self._follow_up_id = ""

        # -- family
        family = Card(self.tr("The family"))
        add = family.add_action(QPushButton(self.tr("Add person …")))
        add.clicked.connect(self.add_member)
        self.members_model: DtoTableModel[dto.MemberView] = DtoTableModel([
            Column(self.tr("Name"), lambda m: m.full_name),
            Column(self.tr("Relation"), self._relation),
            Column(self.tr("Age"), lambda m: "" if m.age_years is None else fill(self.tr("{age} years"), age=m.age_years)),
            Column(self.tr("CPR"), lambda m: mask_cpr(m.cpr)),
            Column(self.tr("Language"), self._language),
            Column(self.tr("Diagnoses"), lambda m: ", ".join(d.label for d in m.diagnoses)),
        ], self)
        self.members_view = compact_table(self.members_model, rows_visible=7)
        self.members_view.setAccessibleName(self.tr("Family members"))
        self.members_view.doubleClicked.connect(self._edit_member)
        family.body().addWidget(self.members_view)
        member_buttons = QHBoxLayout()
        change = QPushButton(self.tr("Change …"))
        change.clicked.connect(lambda: self._edit_member(self.members_view.currentIndex()))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_member)
        member_buttons.addWidget(change)
        member_buttons.addWidget(remove)
        member_buttons.addStretch(1)
        family.body().addLayout(member_buttons)
        self.column.addWidget(family)

        # -- referral
        referral = Card(self.tr("The referral"))
        self.referral_text = QLabel()
        self.referral_text.setWordWrap(True)
        self.referral_text.setTextFormat(Qt.TextFormat.PlainText)
        referral.body().addWidget(self.referral_text)
        self.column.addWidget(referral)

        # -- consent
        consent = Card(self.tr("Consent"))
        record = consent.add_action(QPushButton(self.tr("Record consent …")))
        record.clicked.connect(self.record_consent)
        self.allowed = QLabel()
        self.allowed.setWordWrap(True)
        self.allowed.setAccessibleName(self.tr("Allowed now"))
        consent.body().addWidget(self.allowed)
        self.grants_model: DtoTableModel[tuple[dto.ConsentView, dto.ScopeGrantView]] = DtoTableModel([
            Column(self.tr("Scope"), lambda cg: self._scope(cg[1].scope),
                   tooltip=lambda cg: cg[1].recipients),
            Column(self.tr("Date"), lambda cg: format_date(cg[0].given_on)),
            Column(self.tr("Form"), lambda cg: consent_form_text(cg[0].form)),
            Column(self.tr("In force"), self._grant_state,
                   colour=lambda cg: None if cg[1].active else "#7d1c21"),
            Column(self.tr("Given by"), lambda cg: cg[0].given_by + (
                f" – {cg[1].recipients}" if cg[1].recipients else ""), tooltip=lambda cg: cg[0].given_by),
        ], self)
        self.grants_view = compact_table(self.grants_model)
        self.grants_view.setAccessibleName(self.tr("Consents"))
        consent.body().addWidget(self.grants_view)
        withdraw_row = QHBoxLayout()
        self.withdraw_button = QPushButton(self.tr("Withdraw the chosen consent …"))
        self.withdraw_button.clicked.connect(self._withdraw)
        withdraw_row.addWidget(self.withdraw_button)
        withdraw_row.addStretch(1)
        consent.body().addLayout(withdraw_row)
        self.column.addWidget(consent)

        # -- tovholder and level: side by side, or one under the other when the pane is narrow (large text)
        pair = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.pair = pair
        tovholder = Card(self.tr("Tovholder"))
        change_t = tovholder.add_action(QPushButton(self.tr("New tovholder …")))
        change_t.clicked.connect(self.assign_tovholder)
        self.tovholder_text = QLabel()
        self.tovholder_text.setWordWrap(True)
        self.tovholder_text.setAccessibleName(self.tr("Tovholder"))
        tovholder.body().addWidget(self.tovholder_text)
        self.tovholder_model: DtoTableModel[dto.TovholderView] = DtoTableModel([
            Column(self.tr("Name"), lambda t: t.person_name),
            Column(self.tr("From"), lambda t: format_date(t.started_on)),
            Column(self.tr("To"), lambda t: format_date(t.ended_on)),
            Column(self.tr("Agreed"), lambda t: self.tr("yes") if t.agreed_with_family else self.tr("no")),
            Column(self.tr("Why"), lambda t: t.reason, tooltip=lambda t: t.reason),
        ], self)
        self.tovholder_view = compact_table(self.tovholder_model, rows_visible=4)
        self.tovholder_view.setAccessibleName(self.tr("Tovholder history"))
        tovholder.body().addWidget(self.tovholder_view)
        pair.addWidget(tovholder, 1)
        level = Card(self.tr("Service level"))
        change_l = level.add_action(QPushButton(self.tr("Record …")))
        change_l.clicked.connect(self.record_level)
        self.level_text = QLabel()
        self.level_text.setWordWrap(True)
        self.level_text.setAccessibleName(self.tr("Service level"))
        level.body().addWidget(self.level_text)
        self.level_model: DtoTableModel[dto.ServiceLevelView] = DtoTableModel([
            Column(self.tr("Level"), lambda s: str(s.level)),
            Column(self.tr("Date"), lambda s: format_date(s.decided_on)),
            Column(self.tr("Reason"), lambda s: s.reason, tooltip=lambda s: s.reason),
        ], self)
        self.level_view = compact_table(self.level_model, rows_visible=4)
        self.level_view.setAccessibleName(self.tr("Service level history"))
        level.body().addWidget(self.level_view)
        pair.addWidget(level, 1)
        self._pair_cards = (tovholder, level)
        self.column.addLayout(pair)
        self.column.addStretch(1)

        self._content = None

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().resizeEvent(event)
        self._arrange_pair()

    def _arrange_pair(self) -> None:
        """The two small cards, and the attention chips, side by side only where they fit: the page
        never scrolls sideways (large text, a narrow pane)."""
        margins = self.column.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right()
        for row in (self.pair, self.chips):
            widgets = [row.itemAt(i).widget() for i in range(row.count()) if row.itemAt(i).widget() is not None]
            needed = sum(w.minimumSizeHint().width() for w in widgets) + row.spacing() * max(0, len(widgets) - 1)
            direction = QBoxLayout.Direction.LeftToRight if needed <= room else QBoxLayout.Direction.TopToBottom
            if row.direction() != direction:
                row.setDirection(direction)

    # ---- showing

    def show_case(self, overview: dto.CaseOverview, content) -> None:  # type: ignore[no-untyped-def]
        if self.overview is None or self.overview.id != overview.id:
            self.verticalScrollBar().setValue(0)  # another family: start at the top
        self.overview = overview
        self._content = content
        self.family_title.setText(overview.family_name)
        town = " ".join(p for p in (overview.postal_code, overview.city) if p)
        self.address.setText(", ".join(p for p in (overview.address, town) if p))
        template = content.version("case_template", overview.template_id, overview.template_version)
        template_title = label(template.title) if template else overview.template_id
        self.course_line.setText(" · ".join((
            template_title, phase_text(overview.phase), status_text(overview.status),
            fill(self.tr("referred {date}"), date=format_date(overview.opened_on)),
        )))
        while self.chips.count():
            item = self.chips.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for reason in overview.attention:
            self.chips.addWidget(Chip(attention_text(reason)), 0, Qt.AlignmentFlag.AlignLeft)
        self.chips.addStretch(1)
        self._arrange_pair()

        current = overview.current_step
        if current is not None:
            due = fill(self.tr(" – deadline {date}"), date=format_date(current.due_on)) if current.due_on else ""
            self.current_step.setText(fill(self.tr("Now: {step}{due}"), step=step_label(current), due=due))
        elif overview.status == "closed":
            self.current_step.setText(fill(self.tr("The course was closed on {date}."),
                                           date=format_date(overview.closed_on)))
        else:
            self.current_step.setText("")
        self.complete_button.setEnabled(current is not None)
        self.skip_button.setVisible(current is not None and current.optional)
        self.steps_model.set_rows(overview.steps)

        self.members_model.set_rows(overview.members)
        ref = overview.referrals[0] if overview.referrals else None
        if ref is not None:
            source = next((c for c in content.referral.source_kinds if c.code == ref.source_kind), None)
            channel = next((c for c in content.referral.channels if c.code == ref.channel), None)
            lines = [
                " · ".join(p for p in (label(source.label) if source else ref.source_kind, ref.organisation,
                                       ref.referrer_name, ref.referrer_contact) if p),
                " · ".join(p for p in (format_date(ref.referred_on, long=True),
                                       label(channel.label) if channel else "") if p),
                ref.reason,
            ]
            self.referral_text.setText("\n".join(p for p in lines if p))

        allowed = ", ".join(self._scope(s) for s in overview.allowed_scopes)
        self.allowed.setText(fill(self.tr("Consent currently covers: {scopes}"), scopes=allowed) if allowed
                             else self.tr("No consent is in force. The course cannot go on to the clarifying "
                                          "conversation."))
        self.grants_model.set_rows([(c, g) for c in overview.consents for g in c.grants])
        self.withdraw_button.setEnabled(any(g.active for c in overview.consents for g in c.grants))

        current_t = overview.tovholder
        if current_t is None:
            self.tovholder_text.setText(self.tr("No tovholder yet."))
        else:
            agreed = self.tr("agreed with the family") if current_t.agreed_with_family else self.tr(
                "not yet agreed with the family")
            details = " · ".join(p for p in (role_text(current_t.person_role), current_t.organisation,
                                             current_t.contact) if p)
            self.tovholder_text.setText(f"{current_t.person_name}\n{details}\n{agreed}")
        self.tovholder_model.set_rows(overview.tovholders)
        level = overview.service_level
        if level is None:
            self.level_text.setText(self.tr("No level recorded."))
        else:
            lvl = next((x for x in content.service_levels.levels if x.level == level.level), None)
            self.level_text.setText(label(lvl.label) if lvl else str(level.level))
        self.level_model.set_rows(overview.service_levels)

    def show_conversations(self, conversations, follow_ups) -> None:  # type: ignore[no-untyped-def]
        """The case's conversations and its next contact (due and overdue in colour)."""
        self.conversations_model.set_rows(conversations)
        in_progress = any(c.status != "completed" for c in conversations)
        self.start_button.setText(self.tr("Continue the conversation") if in_progress
                                  else self.tr("Start the clarifying conversation"))
        upcoming = [f for f in follow_ups if f.done_on is None]
        if upcoming:
            first = min(upcoming, key=lambda f: f.due_on)
            self._follow_up_id = first.id
            state = self.tr(" – overdue") if first.overdue else (self.tr(" – today") if first.due_today else "")
            self.follow_up_text.setText(fill(self.tr("Next contact: {kind} {date}{state}"),
                                             kind=contact_text(first.kind), date=format_date(first.due_on), state=state))
            self.follow_up_text.setStyleSheet("color: #a4262c;" if first.overdue else "")
        else:
            self._follow_up_id = ""
            self.follow_up_text.setText(self.tr("No next contact planned."))
            self.follow_up_text.setStyleSheet("")
        self.follow_up_button.setVisible(bool(upcoming))
        # Where she plans the next contact: who needs an interpreter, in which language.
        members = self.overview.members if self.overview is not None else ()
        needs = [(m.first_name, m.language) for m in members if m.interpreter_needed]
        if needs:
            self.follow_up_text.setText(self.follow_up_text.text() + " · " + interpreter_text(needs, self._content))

    def _follow_up_done(self) -> None:
        if self._follow_up_id:
            self.follow_up_done.emit(self._follow_up_id)

    def show_message(self, text: str, kind: str = "banner") -> None:
        self.message.setObjectName(kind)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # ---- helpers

    def _relation(self, member: dto.MemberView) -> str:
        relation = self._content.family.relation(member.relation) if self._content else None
        return label(relation.label) if relation else member.relation

    def _language(self, member: dto.MemberView) -> str:
        if not self._content:
            return member.language
        choice = next((c for c in self._content.family.languages if c.code == member.language), None)
        text = label(choice.label) if choice else member.language
        return text + (" – " + self.tr("interpreter") if member.interpreter_needed else "")

    def _scope(self, code: str) -> str:
        scope = self._content.consent.scope(code) if self._content else None
        return label(scope.label) if scope else code

    def _grant_state(self, cg: tuple[dto.ConsentView, dto.ScopeGrantView]) -> str:
        grant = cg[1]
        if grant.withdrawn_on:
            return fill(self.tr("withdrawn {date}"), date=format_date(grant.withdrawn_on))
        if not grant.active:
            return fill(self.tr("lapsed {date}"), date=format_date(grant.expires_on))
        if grant.expires_on:
            return fill(self.tr("yes, until {date}"), date=format_date(grant.expires_on))
        return self.tr("yes")

    def _edit_member(self, index) -> None:  # type: ignore[no-untyped-def]
        if index.isValid():
            self.edit_member.emit(self.members_model.data(self.members_model.index(index.row(), 0), ROW_ROLE).id)

    def _remove_member(self) -> None:
        index = self.members_view.currentIndex()
        if index.isValid():
            self.remove_member.emit(self.members_model.row_at(index.row()).id)

    def _withdraw(self) -> None:
        index = self.grants_view.currentIndex()
        rows = self.grants_model.rows()
        if index.isValid():
            consent, grant = rows[index.row()]
        else:
            active = [cg for cg in rows if cg[1].active]
            if len(active) != 1:
                self.show_message(self.tr("Choose the consent to withdraw in the list first."))
                return
            consent, grant = active[0]
        if not grant.active:
            self.show_message(self.tr("That consent is no longer in force."))
            return
        self.withdraw_consent.emit(grant.id)

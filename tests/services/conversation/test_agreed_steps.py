"""Agreed steps and the next contact (``Workspace.plans``), and the next contact in the case list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.core.errors import ValidationError
from app.models import AgreedStep
from app.services.cases import dto
from tests.conftest import TODAY
from tests.helpers.conversation import (
    RECENT,
    _list_item,
    _on,
    _started,
)
from tests.helpers.db import audit_entries
from tests.helpers.families import me_as_tovholder


def test_agreed_steps_add_update_remove(started):
    workspace, case, view = started
    plans = workspace.plans

    plans.add_step(view.id, "  Vi laver en morgenplan  ", "family", " Mette ", date(2026, 12, 15))
    plans.add_step(view.id, "Spørge sygehuset om natten", "professional")
    after = plans.add_step(view.id, "Ringe til skolen", "family", "Søren")

    assert [(s.what, s.who_kind, s.who_name, s.due_on) for s in after.agreed_steps] == [
        ("Vi laver en morgenplan", "family", "Mette", date(2026, 12, 15)),
        ("Spørge sygehuset om natten", "professional", "", None),
        ("Ringe til skolen", "family", "Søren", None)]
    first, second, third = after.agreed_steps

    after = plans.update_step(view.id, second.id, "Spørge sygehuset, hvem I ringer til om natten", "professional",
                              "Hanne", date(2026, 12, 1), done_on=TODAY)
    assert after.agreed_steps[1] == type(second)(second.id, "Spørge sygehuset, hvem I ringer til om natten",
                                                 "professional", "Hanne", date(2026, 12, 1), TODAY)

    after = plans.remove_step(view.id, first.id)
    after = plans.add_step(view.id, "Søge tabt arbejdsfortjeneste", "family")
    assert [s.what for s in after.agreed_steps] == ["Spørge sygehuset, hvem I ringer til om natten",
                                                    "Ringe til skolen", "Søge tabt arbejdsfortjeneste"]
    with workspace.store.unit_of_work() as session:
        positions = session.execute(select(AgreedStep.position).where(AgreedStep.conversation_id == view.id)
                                    .order_by(AgreedStep.position)).scalars().all()
    assert len(set(positions)) == len(positions) == 3  # the order is unambiguous, also after sync
    actions = [e.action for e in audit_entries(workspace, "agreed_step.add") + audit_entries(workspace, "agreed_step.update")
               + audit_entries(workspace, "agreed_step.remove")]
    assert sorted(actions) == ["agreed_step.add"] * 4 + ["agreed_step.remove", "agreed_step.update"]
    assert {e.case_id for e in audit_entries(workspace, "agreed_step.add")} == {case.id}


@pytest.mark.parametrize(("what", "who_kind", "done_on", "field"), [
    ("  ", "family", None, "what"),
    ("Ringe", "neighbour", None, "who_kind"),
    ("Ringe", "", None, "who_kind"),
    ("Ringe", "family", TODAY + timedelta(days=1), "done_on"),
], ids=["no what", "unknown who", "no who", "done tomorrow"])
def test_invalid_agreed_steps_are_refused(started, what, who_kind, done_on, field):
    workspace, _, view = started
    if done_on is None:
        with pytest.raises(ValidationError) as caught:
            workspace.plans.add_step(view.id, what, who_kind)
        assert caught.value.field == field
        assert workspace.conversations.view(view.id).agreed_steps == ()
    step = workspace.plans.add_step(view.id, "Morgenplan", "family").agreed_steps[0]

    with pytest.raises(ValidationError) as caught:
        workspace.plans.update_step(view.id, step.id, what, who_kind, "", None, done_on)

    assert caught.value.field == field
    assert workspace.conversations.view(view.id).agreed_steps == (step,)


def test_the_next_contact_is_due_then_overdue_in_the_case_list(workspace):
    case, view = _started(workspace)
    workspace.course.assign_tovholder(case.id, me_as_tovholder(RECENT))
    due = date(2026, 11, 29)
    assert _list_item(workspace, case.id).attention == ()

    after = workspace.plans.schedule_follow_up(view.id, "home_visit", due, " Kl. 9.30 ")

    [follow_up] = after.follow_ups
    assert (follow_up.kind, follow_up.due_on, follow_up.note, follow_up.done_on) == ("home_visit", due, "Kl. 9.30",
                                                                                      None)
    item = _list_item(workspace, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind, item.attention) == (due, "home_visit", ())
    assert workspace.cases.search(dto.CaseFilter(needs_attention=True)).items == ()

    on_the_day, day_after = _on(workspace, due), _on(workspace, due + timedelta(days=1))
    assert _list_item(on_the_day, case.id).attention == ("follow_up_due",)
    assert [i.id for i in on_the_day.cases.search(dto.CaseFilter(needs_attention=True)).items] == [case.id]
    assert on_the_day.plans.follow_ups(case.id)[0].due_today is True
    assert _list_item(day_after, case.id).attention == ("follow_up_overdue",)
    assert [i.id for i in day_after.cases.search(dto.CaseFilter(needs_attention=True)).items] == [case.id]
    assert day_after.plans.follow_ups(case.id)[0].overdue is True

    done = day_after.plans.complete_follow_up(case.id, follow_up.id)

    assert (done.done_on, done.overdue, done.due_today) == (due + timedelta(days=1), False, False)
    item = _list_item(day_after, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind, item.attention) == (None, "", ())
    assert day_after.cases.search(dto.CaseFilter(needs_attention=True)).items == ()


def test_the_case_list_shows_the_earliest_open_follow_up(workspace):
    case, view = _started(workspace)
    workspace.plans.schedule_follow_up(view.id, "network_meeting", date(2026, 12, 20))
    after = workspace.plans.schedule_follow_up(view.id, "follow_up_conversation", date(2026, 12, 5))
    assert (_list_item(workspace, case.id).next_follow_up_on, _list_item(workspace, case.id).next_follow_up_kind) == (
        date(2026, 12, 5), "follow_up_conversation")

    first = next(f for f in after.follow_ups if f.due_on == date(2026, 12, 5))
    workspace.plans.complete_follow_up(case.id, first.id)

    item = _list_item(workspace, case.id)
    assert (item.next_follow_up_on, item.next_follow_up_kind) == (date(2026, 12, 20), "network_meeting")


@pytest.mark.parametrize(("kind", "due_on", "field"), [
    ("phone_call", date(2026, 12, 1), "kind"),
    ("home_visit", None, "due_on"),
])
def test_invalid_follow_up_is_refused(started, kind, due_on, field):
    workspace, case, view = started

    with pytest.raises(ValidationError) as caught:
        workspace.plans.schedule_follow_up(view.id, kind, due_on)

    assert caught.value.field == field
    assert workspace.plans.follow_ups(case.id) == ()
    assert _list_item(workspace, case.id).next_follow_up_on is None


def test_a_follow_up_cannot_be_done_tomorrow(started):
    workspace, case, view = started
    [follow_up] = workspace.plans.schedule_follow_up(view.id, "home_visit", date(2026, 12, 1)).follow_ups

    with pytest.raises(ValidationError) as caught:
        workspace.plans.complete_follow_up(case.id, follow_up.id, TODAY + timedelta(days=1))

    assert caught.value.field == "done_on"
    assert workspace.plans.follow_ups(case.id)[0].done_on is None

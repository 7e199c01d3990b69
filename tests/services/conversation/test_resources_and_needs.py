"""The family's resources and needs in the clarifying conversation: added, changed, removed, tags checked."""

from __future__ import annotations

import pytest

from app.core.errors import ValidationError
from tests.helpers.conversation import (
    _ids,
    _new_case,
)
from tests.helpers.db import audit_entries


def test_resources_and_needs_add_update_remove(started):
    workspace, _, view = started
    conversations = workspace.conversations
    ids = _ids(view)

    conversations.add_item(view.id, "resource", "  Mormor Åse henter om tirsdagen ", "familie_og_netvaerk",
                           (ids["Mette"],), ("network_family",))
    after = conversations.add_item(view.id, "need", "Mere ro om morgenen", "trivsel", (ids["Mette"], ids["Lærke"]),
                                   ("mental_wellbeing", "self_management"))

    [resource], [need] = after.resources, after.needs
    assert (resource.text, resource.section_key, resource.member_ids, resource.problem_areas) == (
        "Mormor Åse henter om tirsdagen", "familie_og_netvaerk", (ids["Mette"],), ("network_family",))
    assert (need.text, need.member_ids, need.problem_areas) == (
        "Mere ro om morgenen", (ids["Mette"], ids["Lærke"]), ("mental_wellbeing", "self_management"))
    assert [i.kind for i in after.items] == ["resource", "need"]  # in the order captured

    after = conversations.update_item(view.id, need.id, "Ro om morgenen før skole", (ids["Lærke"],),
                                      ("self_management",))
    [need] = after.needs
    assert (need.text, need.member_ids, need.problem_areas) == ("Ro om morgenen før skole", (ids["Lærke"],),
                                                                ("self_management",))

    after = conversations.remove_item(view.id, resource.id)
    assert after.resources == () and [n.id for n in after.needs] == [need.id]
    assert [e.detail.get("change", "add") for e in audit_entries(workspace, "conversation.item")] == [
        "add", "add", "update", "remove"]


@pytest.mark.parametrize(("change", "field"), [
    ({"kind": "wish"}, "kind"),
    ({"text": "   "}, "text"),
    ({"member_ids": ("ukendt",)}, "member_ids"),
    ({"member_ids": "other_case"}, "member_ids"),
    ({"problem_areas": ("economy",)}, "problem_areas"),
], ids=["unknown kind", "no text", "unknown member", "member of another family", "unknown problem area"])
def test_items_with_unknown_tags_are_refused(started, change, field):
    workspace, _, view = started
    item = {"kind": "need", "text": "Søvn", "member_ids": (_ids(view)["Lærke"],), "problem_areas": ("mental_wellbeing",)}
    if change.get("member_ids") == "other_case":
        change = {"member_ids": (_new_case(workspace, "Nørgaard").members[0].id,)}
    item.update(change)

    with pytest.raises(ValidationError) as caught:
        workspace.conversations.add_item(view.id, item["kind"], item["text"], "trivsel", item["member_ids"],
                                         item["problem_areas"])
    assert caught.value.field == field
    assert workspace.conversations.view(view.id).items == ()

    if field == "kind":
        return
    existing = workspace.conversations.add_item(view.id, "need", "Søvn", "trivsel").needs[0]
    with pytest.raises(ValidationError) as caught:
        workspace.conversations.update_item(view.id, existing.id, item["text"], item["member_ids"],
                                            item["problem_areas"])
    assert caught.value.field == field
    assert workspace.conversations.view(view.id).needs == (existing,)

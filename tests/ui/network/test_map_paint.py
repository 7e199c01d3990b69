"""What the map draws, through a real view offscreen: a person's name and mark are drawn once and kept
as a picture, so a change she makes (a new name, a new fill) must show at once, exactly as a freshly
drawn map shows it; every item paints inside its bounds (else a move leaves smears behind); a dragged
person's ties and shape follow her."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from app.services.network import dto as n
from app.ui.network.scene import NetworkScene, to_scene
from app.ui.network.view import MapView

# Synthetic people only.
BENT = n.MapPersonView("p1", "Morfar Bent", angle=40.0, distance=30.0, invite=True)
SARA = n.MapPersonView("p2", "Naboen Sara", angle=130.0, distance=55.0, quality="strained")
KIM = n.MapPersonView("p3", "Klasselærer Kim", angle=-120.0, distance=70.0, quality="conflict")
TIES = (n.MapTieView("t1", "p1", "p2", "conflict"), n.MapTieView("t2", "p1", "p3", "strained"))


def shown(qtbot, people: tuple[n.MapPersonView, ...], ties: tuple[n.MapTieView, ...] = ()) -> MapView:  # type: ignore[no-untyped-def]
    scene = NetworkScene()
    scene.set_labels({}, "Familien Test")
    scene.show_data(n.MapData(people, ties))
    view = MapView(scene)
    scene.setParent(view)  # the view does not own its scene
    for policy in (view.setHorizontalScrollBarPolicy, view.setVerticalScrollBarPolicy):
        policy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the same picture size in every view
    qtbot.addWidget(view)
    view.resize(700, 600)
    with qtbot.waitExposed(view):
        view.show()
    view.fit()
    return view


def picture(view: MapView) -> QImage:
    """The view as it is on screen (the items' kept pictures included)."""
    return view.viewport().grab().toImage()


@pytest.mark.parametrize("change", [
    {"name": "Morfar Bent-Ole Kristiansen"},
    {"quality": "ambivalent", "invite": False},
])
def test_a_changed_person_looks_like_a_freshly_drawn_one(qtbot, change):
    view = shown(qtbot, (BENT, SARA))
    before = picture(view)  # every name and mark drawn and kept
    changed = dataclasses.replace(BENT, **change)
    fresh = picture(shown(qtbot, (changed, SARA)))
    assert before != fresh  # the change is visible at all

    view.scene().show_data(n.MapData((changed, SARA)))
    qtbot.waitUntil(lambda: picture(view) == fresh)


def test_a_name_shown_as_initials_and_back_is_drawn_again(qtbot):
    view = shown(qtbot, (BENT, SARA))
    full = picture(view)
    initials = tuple(dataclasses.replace(p, name=n.sharing_label(p.name, p.role)) for p in (BENT, SARA))
    data = n.MapData((BENT, SARA))
    expected = picture(shown(qtbot, initials))
    view.scene().set_initials_only(True, data)
    qtbot.waitUntil(lambda: picture(view) == expected)
    view.scene().set_initials_only(False, data)
    qtbot.waitUntil(lambda: picture(view) == full)


def painted_outside(item: QGraphicsItem, scale: float) -> list[tuple[int, int]]:
    """Device pixels ``item`` paints outside its bounding rect (with a pixel for antialiasing), at ``scale``."""
    bounds = item.boundingRect()
    margin = 30
    image = QImage(int(bounds.width() * scale) + 2 * margin, int(bounds.height() * scale) + 2 * margin,
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(margin, margin)
    painter.scale(scale, scale)
    painter.translate(-bounds.left(), -bounds.top())
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    inside = QRectF(margin, margin, bounds.width() * scale, bounds.height() * scale).adjusted(-1, -1, 1, 1)
    return [(x, y) for y in range(image.height()) for x in range(image.width())
            if image.pixelColor(x, y).alpha() and not inside.contains(QPointF(x + 0.5, y + 0.5))]


@pytest.mark.parametrize("scale", [1.0, 2.5])
def test_every_item_paints_inside_its_bounds(qtbot, scale):
    view = shown(qtbot, (BENT, SARA, KIM), TIES)
    scene = view.scene()
    scene.select_person(BENT.id)  # the selection ring is the widest thing a mark draws
    items = [scene.people[p.id] for p in (BENT, SARA, KIM)]
    items += [child for item in items for child in item.childItems()]  # the halo and the name
    items += list(scene.ties.values())
    assert len(items) == 3 * 3 + 2
    for item in items:
        assert painted_outside(item, scale) == [], type(item).__name__


def drag_to(qtbot, view: MapView, person: n.MapPersonView, angle: float, distance: float, steps: int = 6) -> None:  # type: ignore[no-untyped-def]
    viewport = view.viewport()
    start = view.mapFromScene(to_scene(person.angle, person.distance))
    end = view.mapFromScene(to_scene(angle, distance))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, steps + 1):
        QTest.mouseMove(viewport, start + (end - start) * k / steps)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def test_a_dragged_person_takes_her_ties_and_her_sectors_shape_along(qtbot):
    view = shown(qtbot, (BENT, SARA, KIM), TIES)
    scene = view.scene()
    item, conflict, strained = scene.people[BENT.id], scene.ties["t1"], scene.ties["t2"]
    finished = []
    scene.move_finished.connect(lambda *args: finished.append(args))
    assert item.shown_sector == n.SECTOR_FAMILY

    drag_to(qtbot, view, BENT, 150.0, 40.0)  # into the friends' sector
    assert finished and finished[-1][0] == BENT.id and n.sector_of(finished[-1][1]) == n.SECTOR_FRIENDS
    assert item.shown_sector == n.SECTOR_FRIENDS
    for tie in (conflict, strained):
        assert tie.line().p1() == item.pos() and tie.sceneBoundingRect().contains(item.pos())
    assert strained.line().p2() == scene.people[KIM.id].pos()

    scene.place_person(BENT)  # what undo does: she is put back where she was
    assert item.pos() == to_scene(BENT.angle, BENT.distance) and item.shown_sector == n.SECTOR_FAMILY
    assert conflict.line().p1() == item.pos() and strained.line().p1() == item.pos()


def test_a_drag_repaints_where_the_person_was(qtbot):
    view = shown(qtbot, (BENT, SARA))
    before = picture(view)
    drag_to(qtbot, view, BENT, 60.0, 80.0)
    alone = picture(shown(qtbot, (dataclasses.replace(BENT, angle=60.0, distance=80.0), SARA)))
    old_spot = view.mapFromScene(to_scene(BENT.angle, BENT.distance))
    qtbot.waitUntil(lambda: picture(view).pixelColor(old_spot) == alone.pixelColor(old_spot))
    assert before.pixelColor(old_spot) != alone.pixelColor(old_spot)  # the mark was there and is gone
    assert QPoint(old_spot).x() > 0


def test_a_click_on_a_tie_chooses_it_and_a_click_on_a_person_does_not(qtbot):
    view = shown(qtbot, (BENT, SARA), (n.MapTieView("t9", BENT.id, SARA.id),))
    scene, tie = view.scene(), view.scene().ties["t9"]
    thin = tie.pen().widthF()
    middle = view.mapFromScene(tie.line().center())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert scene.selected_tie_id() == "t9" and tie.pen().widthF() > thin
    assert scene.selected_person_id() == ""

    at_bent = view.mapFromScene(scene.people[BENT.id].pos())
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at_bent)
    assert scene.selected_person_id() == BENT.id and scene.selected_tie_id() == ""
    assert tie.pen().widthF() == thin

    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, middle)
    assert scene.selected_tie_id() == "t9" and scene.selected_person_id() == ""
    scene.clearSelection()
    assert scene.selected_tie_id() == "" and tie.pen().widthF() == thin


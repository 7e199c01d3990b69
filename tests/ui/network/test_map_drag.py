"""Dragging on a crowded map: the person she takes hold of is the one that moves, and what is stored
is where the mark is drawn. A name can lie over another person's mark; whatever is drawn on top at the
pointer (a mark or a name) is what she holds. The rings stay drawn whatever she clicks."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest

from app.services.network import dto as n
from app.ui.network.scene import MapPersonItem, NetworkScene, from_scene, to_scene
from app.ui.network.view import MapView
from app.ui.network.window import NetworkMapWindow
from tests.helpers.tasks import settle
from tests.ui.network.test_network_ui import add_by_click, family_case


def owner(item) -> MapPersonItem | None:  # type: ignore[no-untyped-def]
    return NetworkScene._owner(item)  # (never parentItem(): see there)


def open_window(qtbot, workspace, case_id: str) -> NetworkMapWindow:  # type: ignore[no-untyped-def]
    window = NetworkMapWindow(workspace, case_id)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    settle(qtbot)
    return window


def drag_from(qtbot, window: NetworkMapWindow, start: QPointF, end: QPointF) -> QPointF:  # type: ignore[no-untyped-def]
    """Drag with the mouse on the view; returns how far the pointer moved on the map (whole pixels)."""
    viewport = window.view.viewport()
    a, b = window.view.mapFromScene(start), window.view.mapFromScene(end)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    for step in range(1, 6):
        QTest.mouseMove(viewport, a + (b - a) * step / 5)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)
    return window.view.mapToScene(b) - window.view.mapToScene(a)


def assert_drawn_where_stored(window: NetworkMapWindow) -> None:
    stored = {p.id: p for p in window.workspace.network.map_data(window.case_id).people}
    for person_id, item in window.scene.people.items():
        person = stored[person_id]
        assert (item.pos() - to_scene(person.angle, person.distance)).manhattanLength() < 1.0, person.name


def test_a_name_lying_over_another_mark_moves_its_own_person(qtbot, demo_workspace):
    case_id = family_case(demo_workspace)
    network = demo_workspace.network
    under = network.add_person(case_id, n.PersonInput("Bo", 30, 40))
    at = to_scene(under.angle, under.distance)
    # Added after Bo, a little to his left: her long name is drawn over his mark.
    angle, distance = from_scene(QPointF(at.x() - 60, at.y()))
    over = network.add_person(case_id, n.PersonInput("Asta Margrethe Ørum-Kristensen", angle, distance))
    window = open_window(qtbot, demo_workspace, case_id)
    at_pointer = window.view.items(window.view.mapFromScene(at))
    assert owner(at_pointer[0]) is window.scene.people[over.id] and at_pointer[0] is not window.scene.people[over.id]

    drag_from(qtbot, window, at, at + QPointF(0, 90))
    settle(qtbot)

    assert window.scene.people[over.id].pos().y() == pytest.approx(to_scene(over.angle, over.distance).y() + 90, abs=2)
    assert window.scene.people[under.id].pos() == at  # Bo, under her name, stays where he is
    assert_drawn_where_stored(window)


def test_many_drags_on_a_crowded_map_leave_every_mark_where_it_is_stored(qtbot, demo_workspace):
    case_id = family_case(demo_workspace)
    rng = random.Random(7)
    for i in range(40):
        demo_workspace.network.add_person(case_id, n.PersonInput(
            f"Person {i} med et langt navn", rng.uniform(-180, 180), rng.uniform(15, 95)))
    window = open_window(qtbot, demo_workspace, case_id)
    for _ in range(60):
        item = rng.choice(list(window.scene.people.values()))
        aim = item.pos() + QPointF(rng.uniform(-8, 60), rng.uniform(-6, 6))  # the mark or its name
        start = window.view.mapToScene(window.view.mapFromScene(aim))  # the pixel the pointer is on
        at_pointer = window.view.items(window.view.mapFromScene(aim))  # as the view finds them for a press
        top = owner(at_pointer[0]) if at_pointer else None  # drawn on top there
        if top is None:
            continue
        before = top.pos()
        end = start + QPointF(rng.uniform(-60, 60), rng.uniform(-60, 60))
        if from_scene(before + (end - start))[1] > 98:
            continue
        moved = drag_from(qtbot, window, start, end)
        assert (top.pos() - (before + moved)).manhattanLength() < 0.5, top.person.name  # the one on top
    settle(qtbot)
    assert_drawn_where_stored(window)
    for _ in range(10):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert_drawn_where_stored(window)
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot)
    assert_drawn_where_stored(window)


def ring_points_drawn(view: MapView) -> int:
    """How many of 36 points on each horizon ring show the ring's colour on screen."""
    image = view.viewport().grab().toImage()
    drawn = 0
    for edge in n.HORIZON_EDGES:
        for degrees in range(0, 360, 10):
            at = view.mapFromScene(to_scene(degrees, edge))
            near = (QColor(image.pixel(at.x() + dx, at.y() + dy)) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
            drawn += any(c.red() < 235 and c.value() > 120 for c in near)
    return drawn


def test_the_rings_stay_drawn_after_the_first_person_is_added(qtbot, demo_workspace):
    window = open_window(qtbot, demo_workspace, family_case(demo_workspace))
    before = ring_points_drawn(window.view)
    assert before > 90  # of 108
    add_by_click(qtbot, window, "Mormor Inge", 40, 20)  # a click inside every ring's disc
    add_by_click(qtbot, window, "Naboen Jens", 135, 80)
    assert ring_points_drawn(window.view) >= before - 4  # (a name may now lie over a point or two)

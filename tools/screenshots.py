"""Render the main screens offscreen to docs/screenshots/*.png, with synthetic families only.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--lang da|en] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.paths import AppPaths  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.security.kdf import FAST_KDF  # noqa: E402
from app.services.cases import dto  # noqa: E402
from app.services.demo import DemoOptions, populate  # noqa: E402
from app.services.workspace import create_profile  # noqa: E402
from app.ui.application import apply_font, create_qapplication  # noqa: E402
from app.ui.cases.new_case_dialog import NewCaseDialog  # noqa: E402
from app.ui.common.i18n import install_translators, translate  # noqa: E402
from app.ui.common.tasks import runner  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402
from app.ui.profile.setup_window import SetupWindow  # noqa: E402
from app.ui.profile.unlock_window import UnlockWindow  # noqa: E402

SCREEN: tuple[int, int] = (1366, 768)  # --size


def settle(app: QApplication, timeout: float = 20.0) -> None:
    """Let the screen catch up: the task runner's work done and delivered, then a few paints."""
    deadline = time.monotonic() + timeout
    while not runner().idle and time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.005)
    for _ in range(5):
        app.processEvents()


def on_lane(fn):  # type: ignore[no-untyped-def]
    """A service call from this script, on the database lane like the app's own (one writer)."""
    return runner().call(fn)


def shoot(widget, path: Path, app: QApplication, size: tuple[int, int] | None = None) -> None:  # type: ignore[no-untyped-def]
    widget.show()
    if size is not None:  # after show: a dialog sizes itself to the (offscreen, 800×600) screen when shown
        widget.resize(*size)
    settle(app)
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="da")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--size", default="1366x768", help="the screen, in pixels (docs/screenshots: 1366x768)")
    parser.add_argument("--scale", type=float, default=1.0, help="text scale, e.g. 1.5 for 150 %% scaling")
    args = parser.parse_args()
    global SCREEN
    SCREEN = tuple(int(v) for v in args.size.lower().split("x"))  # type: ignore[assignment]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    app = create_qapplication()
    install_translators(args.lang)
    apply_font(app, args.scale)
    suffix = "" if args.lang == "da" else f"-{args.lang}"

    setup = SetupWindow(Policy(), args.lang)
    setup.resize(640, 720)
    setup.name.setText("Hanne Demo")
    setup.password.setText("kaffe cykel")
    shoot(setup, out / f"setup{suffix}.png", app)

    unlock = UnlockWindow("Demo Kommune")
    unlock.resize(760, 520)
    unlock.show_error(translate("Errors", "The password is not correct."), 0)
    shoot(unlock, out / f"unlock{suffix}.png", app)

    with tempfile.TemporaryDirectory() as tmp:
        paths = AppPaths.for_basedir(tmp)
        workspace = create_profile(paths, dto.NewProfile("Hanne Demo", "sundhedsplejerske", "Sundhedsplejen, Demo Kommune"),
                                   "kaffe cykel regnvejr 7", Settings(), Policy(), kdf=FAST_KDF)
        populate(workspace, DemoOptions(families=60, seed=11, maps=3))
        window = MainWindow(workspace)
        window.resize(*SCREEN)
        window.show()
        settle(app)
        # Open the first case that has siblings and consent, for a full overview.
        chosen = None
        for item in on_lane(lambda: workspace.cases.search(dto.CaseFilter(limit=60))).items:
            overview = on_lane(lambda item=item: workspace.cases.overview(item.id))
            if len(overview.members) >= 4 and overview.consents and overview.tovholder and overview.service_level:
                chosen = item.id
                break
        window.case_list.refresh()
        settle(app)
        if chosen:
            window.case_list.select_case(chosen)
            window.open_case(chosen)
            settle(app)
        shoot(window, out / f"main{suffix}.png", app)
        window.case_list.search.setText("emil")
        window.case_list.refresh()
        settle(app)
        shoot(window, out / f"search{suffix}.png", app)
        dialog = NewCaseDialog(workspace, window)
        dialog.source_kind.setCurrentIndex(1)
        dialog.organisation.setText("Børneafdelingen, regionshospitalet")
        dialog.referred_on.set_date(date(2026, 11, 20))
        shoot(dialog, out / f"new-case{suffix}.png", app, (780, int(SCREEN[1] * 0.9)))  # 90 % of the screen
        dialog.close_for_lock()
        shoot_conversation(workspace, window, out, suffix, app)
        shoot_network(workspace, window, out, suffix, app)
        shoot_partners(window, out, suffix, app)
        window.close()
        on_lane(workspace.lock)


def shoot_conversation(workspace, window, out: Path, suffix: str, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    """A conversation under way with a demo family: normal, full screen, offers, read-back."""
    overviews = on_lane(lambda: [workspace.cases.overview(i.id)
                                 for i in workspace.cases.search(dto.CaseFilter(limit=60)).items])
    case = next(o for o in overviews
                if "participation" in o.allowed_scopes and any(m.group == "sibling" for m in o.members))
    window.open_case(case.id)
    settle(app)
    window.actions.start_conversation()
    settle(app)
    conversation = window.actions.conversation_windows[-1]
    view = conversation.view
    sibling = next((s for s in view.sections if s.member_group == "sibling"), view.sections[2])
    on_lane(lambda: workspace.conversations.save_notes(view.id, "formaal", "Familien ønsker ro på hverdagen og mere viden om "
                                       "sygdommen. De vil gerne have, at storebror bliver set.", 0))
    on_lane(lambda: workspace.conversations.add_item(view.id, "resource", "Mormor henter i børnehaven to dage om ugen", "formaal",
                                     (), ("network_family",)))
    on_lane(lambda: workspace.conversations.add_item(view.id, "need", "Hjælp til at forklare sygdommen for skolen", "formaal",
                                     (), ("health_literacy",)))
    on_lane(lambda: workspace.conversations.add_item(view.id, "need", "Storebror føler sig overset", sibling.key,
                                     (sibling.member_id,), ("mental_wellbeing",)))
    conversation.close()
    settle(app)
    window.actions.open_conversation(view.id)
    settle(app)
    conversation = next(w for w in window.actions.conversation_windows if w.view.id == view.id)
    conversation.resize(*SCREEN)
    conversation.go_to(sibling.key)
    settle(app)
    shoot(conversation, out / f"conversation{suffix}.png", app)
    conversation.go_to(next(s.key for s in conversation.view.sections if s.kind == "offers"))
    settle(app)
    shoot(conversation, out / f"conversation-offers{suffix}.png", app)
    conversation.go_to(next(s.key for s in conversation.view.sections if s.kind == "next_steps"))
    settle(app)
    shoot(conversation, out / f"conversation-next-steps{suffix}.png", app)
    page = conversation.stack.currentWidget()  # the scroll area of the page shown
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    shoot(conversation, out / f"conversation-next-steps-form{suffix}.png", app)
    conversation.go_to(sibling.key)
    settle(app)
    conversation.set_presenting(True)
    conversation.resize(*SCREEN)
    shoot(conversation, out / f"conversation-fullscreen{suffix}.png", app)
    conversation.set_presenting(False)
    conversation.read_back()
    settle(app)
    shoot(conversation, out / f"conversation-readback{suffix}.png", app)
    conversation.close()


def shoot_network(workspace, window, out: Path, suffix: str, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    """A demo family's network map: the map with a person chosen, the measures, and a comparison."""
    case_id = on_lane(lambda: next(i.id for i in workspace.cases.search(dto.CaseFilter(limit=60)).items
                                   if workspace.network.map_data(i.id).people))
    window.open_case(case_id)
    settle(app)
    network = window.actions.open_network_map(case_id)
    settle(app)
    network.resize(*SCREEN)
    settle(app)
    network.view.fit()
    person = next(p for p in network.editor.data.people if p.role)
    network.scene.select_person(person.id)
    shoot(network, out / f"network-map{suffix}.png", app)
    network.tabs.setCurrentWidget(network.list_tab)
    shoot(network, out / f"network-list{suffix}.png", app)
    network.set_presenting(True)
    network.showNormal()  # the offscreen "screen" is small: show full screen's layout at a laptop's size
    network.resize(*SCREEN)
    settle(app)
    network.view.fit()
    shoot(network, out / f"network-fullscreen{suffix}.png", app)
    network.set_presenting(False)
    network.tabs.setCurrentWidget(network.measures_tab)
    shoot(network, out / f"network-measures{suffix}.png", app)
    first = network.map_view.versions[0].id
    network._compare(first, "")
    settle(app)
    comparison = network.comparisons[-1]
    comparison.resize(*SCREEN)
    shoot(comparison, out / f"network-compare{suffix}.png", app)
    comparison.close()
    network.close()


def shoot_partners(window, out: Path, suffix: str, app: QApplication) -> None:  # type: ignore[no-untyped-def]
    """The partner directory, and one partner with its contact points and when it was informed."""
    directory = window.actions.open_partner_directory()
    settle(app)
    directory.resize(760, 600)
    shoot(directory, out / f"partners{suffix}.png", app)
    dialog = directory.edit(next(p.id for p in directory.partners.values() if p.name == "Regionshospitalet"))
    dialog.resize(720, 860)
    shoot(dialog, out / f"partner{suffix}.png", app)
    dialog.close_for_lock()
    directory.close()


if __name__ == "__main__":
    main()

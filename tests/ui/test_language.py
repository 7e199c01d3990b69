"""Danish throughout, English throughout: every screen rendered in one language shows no text of the
other (a heading the lupdate run missed, a string built outside ``tr``). The words come from the
translation file: an English source shown in the Danish interface, or a Danish translation shown in the
English one, fails."""

from __future__ import annotations

import html
import re

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from app.core.resources import resources_dir
from app.ui.common.i18n import install_translators
from tests.helpers.tasks import settle

MIN_CHARS = 12  # shorter texts (names, "OK", "E-mail") are the same in both languages too often


def _pairs() -> list[tuple[str, str]]:
    text = (resources_dir() / "i18n" / "tovholder_da.ts").read_text("utf-8")
    pairs = []
    for source, translation in re.findall(r"<source>(.*?)</source>\s*<translation>(.*?)</translation>", text, re.S):
        source, translation = html.unescape(source), html.unescape(translation)
        if source != translation and "{" not in source and len(source) >= MIN_CHARS:
            pairs.append((source, translation))
    return pairs


def _report_pairs() -> list[tuple[str, str]]:
    """The family's PDF texts (``app/reports/texts.py``), English and Danish side by side: they are read
    back on screen too, and are not in the translation file."""
    from dataclasses import fields

    from app.reports.texts import FAMILY_SUMMARY, NETWORK_MAP

    pairs = []
    for table in (FAMILY_SUMMARY, NETWORK_MAP):
        for field in fields(table["en"]):
            en, da = getattr(table["en"], field.name), getattr(table["da"], field.name)
            if isinstance(en, str) and en != da and "{" not in en and len(en) >= MIN_CHARS:
                pairs.append((en, da))
    return pairs


PAIRS = _pairs() + _report_pairs()
ENGLISH = {s for s, _ in PAIRS} - {t for _, t in PAIRS}
DANISH = {t for _, t in PAIRS} - {s for s, _ in PAIRS}


def shown_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            texts.append(re.sub(r"<[^>]+>", "\n", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabBar):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            try:
                columns = model.columnCount(QModelIndex())
            except TypeError:  # a list's own model: one column
                columns = 1
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)]
            texts += [str(model.index(r, c).data() or "") for r in range(min(model.rowCount(QModelIndex()), 50))
                      for c in range(columns)]
    return [t for t in texts if t]


def foreign(texts: list[str], language: str) -> list[str]:
    other = ENGLISH if language == "da" else DANISH
    return sorted({phrase for text in texts for phrase in other if phrase in text})


@pytest.fixture(params=["da", "en"])
def language(request):  # type: ignore[no-untyped-def]
    install_translators(request.param)
    yield request.param
    install_translators("da")


def test_the_phrase_lists_are_there():
    assert len(ENGLISH) > 300 and len(DANISH) > 300  # the check has something to look for


def test_the_main_window_and_a_case(qtbot, language, main_window, demo_workspace):
    from app.services.cases import dto

    main_window.resize(1366, 768)
    main_window.open_case(demo_workspace.cases.search(dto.CaseFilter()).items[0].id)
    settle(qtbot)
    assert foreign(shown_texts(main_window), language) == []


def test_every_page_of_the_conversation(qtbot, language, main_window, demo_workspace):
    from tests.ui.conversation.test_conversation_ui import holm_family, start

    window = start(qtbot, main_window, holm_family(demo_workspace))
    seen: list[str] = []
    for section in window.view.sections:
        window.go_to(section.key)
        settle(qtbot)
        seen += shown_texts(window)
    window.read_back()
    settle(qtbot)
    seen += shown_texts(window)
    assert foreign(seen, language) == []


def test_the_network_map_and_its_tabs(qtbot, language, main_window, demo_workspace):
    from tests.ui.network.test_network_ui import family_case

    main_window.actions.open_network_map(family_case(demo_workspace))
    settle(qtbot)
    [window] = main_window.actions.map_windows
    seen: list[str] = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        settle(qtbot)
        seen += shown_texts(window)
    assert foreign(seen, language) == []


def test_the_new_case_form(qtbot, language, main_window):
    dialog = main_window.actions.new_case()
    qtbot.waitExposed(dialog)
    assert foreign(shown_texts(dialog), language) == []


@pytest.mark.parametrize("pdf_language", ["da", "en"])
def test_the_familys_pdf_and_the_map_pdf(demo_workspace, tmp_path, pdf_language):
    from app.services.network import dto as n
    from tests.helpers.pdf import text_in_pdf
    from tests.ui.network.test_network_ui import family_case

    case_id = family_case(demo_workspace)
    ws = demo_workspace
    ws.network.add_person(case_id, n.PersonInput("Mormor Inge", 40, 20, role="mormor"))
    map_pdf = ws.network.export_pdf(case_id, tmp_path / "kort.pdf", False, pdf_language)
    conversation = ws.conversations.start(case_id)
    ws.plans.add_step(conversation.id, "Vi finder en legeaftale", "family")
    ws.conversations.save_what_matters(conversation.id, "At Ida trives")
    summary = ws.summaries.export_pdf(conversation.id, pdf_language)
    text = " ".join((text_in_pdf(map_pdf.read_bytes()), text_in_pdf(summary))).replace("\n", " ")
    assert foreign([" ".join(text.split())], pdf_language) == []


def test_qts_own_file_dialog_speaks_the_chosen_language(qtbot, language):
    from PySide6.QtWidgets import QFileDialog

    from app.ui.common.export_dialog import in_her_language

    dialog = in_her_language(QFileDialog(None, "x"))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own widgets, as on a bare desktop
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = " ".join(shown_texts(dialog)).replace("&", "")
    english = ("Look in:", "File name:", "Files of type:", "Cancel")
    if language == "da":
        assert not [phrase for phrase in english if phrase in texts], texts
        assert "Søg i:" in texts and "Filtype:" in texts
    else:
        assert all(phrase in texts for phrase in english)

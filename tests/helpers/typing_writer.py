"""A health visitor typing into the conversation screen, in its own process, for the kill test.

Usage: python -m tests.helpers.typing_writer BASEDIR PASSWORD CONVERSATION_ID SECTION_KEY TEXT TODAY
Opens the real conversation window offscreen, types TEXT one key at a time into the notes of
SECTION_KEY, and prints "ACK <n>" after each key once the window has been told that the text with that
key is committed (the save runs on the database lane; the typing does not wait for it, only the ACK
does). The test kills this process at a random moment.
"""

from __future__ import annotations

import os
import sys
from datetime import date

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402

from app.core.paths import AppPaths  # noqa: E402
from app.core.settings import Policy, Settings  # noqa: E402
from app.services.workspace import unlock  # noqa: E402
from app.ui.application import create_qapplication  # noqa: E402
from app.ui.common.i18n import install_translators  # noqa: E402
from app.ui.conversation.window import ConversationWindow  # noqa: E402


def main() -> None:
    basedir, password, conversation_id, section_key, text, today = sys.argv[1:7]
    paths = AppPaths.for_basedir(basedir)
    app = create_qapplication()
    install_translators("da")
    workspace = unlock(paths, password, Settings.load(paths.settings_file), Policy(),
                       today=lambda: date.fromisoformat(today))
    window = ConversationWindow(workspace, workspace.conversations.open(conversation_id))
    window.show()
    window.go_to(section_key)
    app.processEvents()
    notes = window.section_page.notes
    notes.setFocus()
    print("READY", flush=True)
    for index, char in enumerate(text, start=1):
        QTest.keyClicks(notes, char)
        typed = notes.toPlainText()
        while window.notes.on_disk(section_key) != typed:  # the save's answer arrives as an event
            if window.notes.unsaved:
                sys.exit(f"the save was refused: {window.problem.text()}")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        print(f"ACK {index}", flush=True)
    print("DONE", flush=True)
    sys.stdin.read()  # wait to be killed, like a laptop that is shut in the middle of things


if __name__ == "__main__":
    main()

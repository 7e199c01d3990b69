"""At every unlock the audit trail is checked behind the main window (on the database lane): intact,
nothing is shown; deleted entries are told to her as a calm banner that says to tell IT."""

from __future__ import annotations

from app.core.errors import AuditTrailBrokenError
from app.security.database import open_engine
from app.security.keyfile import KeyFile
from app.ui.common.i18n import error_text
from tests.conftest import PASSWORD
from tests.helpers.families import family
from tests.helpers.tasks import settle
from tests.ui.profile.test_profile_and_lock import unlock_with


def test_an_intact_trail_shows_nothing_and_is_anchored(qtbot, controller, workspace, paths):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    settle(qtbot)

    assert controller.main.banner.isHidden() and not controller.main.notices
    assert paths.audit_anchor.is_file()


def test_deleted_audit_entries_are_told_in_the_banner(qtbot, controller, workspace, paths):
    workspace.check_audit_trail()
    case_id = workspace.cases.create_case(family()).id
    workspace.cases.overview(case_id)
    workspace.lock()
    engine = open_engine(paths.database, KeyFile.load(paths.key_file).unwrap_with_password(PASSWORD))
    with engine.begin() as conn:  # someone with the key removes the newest entries
        conn.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        conn.exec_driver_sql("DELETE FROM audit_log WHERE seq > 3")
    engine.dispose()

    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    settle(qtbot)

    notice = controller.main.notices["audit"]
    assert notice.isVisible()
    assert notice.text() == error_text(AuditTrailBrokenError())
    controller.main.open_case(case_id)  # opening a case does not take the notice away: IT must be told
    settle(qtbot)
    assert notice.isVisible()

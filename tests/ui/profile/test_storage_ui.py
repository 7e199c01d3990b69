"""What she sees of a damaged database and of the backups: a damaged file is refused at the unlock window
with the restore advice and left exactly as it was; damage found by the full check after unlocking a large
database is told in the main window's calm banner; a daily backup is made behind the main window and one at
lock when the newest is hours old."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from app.core.errors import DatabaseDamagedError
from app.security import database
from app.security.keyfile import KeyFile
from app.services import backups
from app.ui.common.i18n import error_text
from tests.conftest import PASSWORD
from tests.helpers.families import family
from tests.helpers.tasks import settle
from tests.security.test_unlock_damage import damage_middle, damage_off_the_cheap_path
from tests.ui.profile.test_profile_and_lock import unlock_with


def digest(path) -> str:  # type: ignore[no-untyped-def]
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_database_is_refused_at_the_unlock_window_and_left_as_it_was(qtbot, controller, workspace,
                                                                               paths):
    workspace.cases.create_case(family())
    workspace.lock()
    damage_middle(paths.database)
    before = digest(paths.database)
    controller.start()

    unlock_with(qtbot, controller, PASSWORD, controller.failed)

    assert controller.window.error.text() == error_text(DatabaseDamagedError())
    assert digest(paths.database) == before
    assert not paths.database.with_name("tovholder.db-wal").exists()


def test_damage_found_after_unlocking_a_large_database_is_told_in_the_banner(qtbot, controller, workspace, paths,
                                                                             monkeypatch):
    workspace.cases.create_case(family())
    workspace.lock()
    monkeypatch.setattr(database, "FULL_CHECK_MAX_BYTES", 0)  # as for a database too large to check at unlock
    damage_off_the_cheap_path(paths.database, KeyFile.load(paths.key_file).unwrap_with_password(PASSWORD))
    controller.start()

    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    settle(qtbot)

    notice = controller.main.notices["records"]
    assert notice.isVisible()
    assert error_text(DatabaseDamagedError(DatabaseDamagedError.FOUND_AFTER_UNLOCK)) in notice.text()
    assert not list(paths.backup_dir.glob("backup-*.db"))  # never copied over the good backups


def test_a_daily_backup_behind_the_main_window_and_one_at_lock_when_hours_old(qtbot, controller, workspace, paths):
    workspace.lock()
    controller.start()
    unlock_with(qtbot, controller, PASSWORD, controller.unlocked)
    settle(qtbot)
    [daily] = paths.backup_dir.glob("backup-*.db")
    assert controller.main.banner.isHidden() and not controller.main.notices

    old = datetime.now(UTC) - backups.AT_LOCK - timedelta(minutes=5)
    daily.rename(daily.with_name(f"backup-{old.strftime(backups.STAMP)}.db"))  # made hours ago
    controller.lock()
    settle(qtbot)

    assert len(list(paths.backup_dir.glob("backup-*.db"))) == 2

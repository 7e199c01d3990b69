#!/usr/bin/env python
"""The memory child of bench/store.py: one fresh process that uses the app as she does.

    python bench/_store_memory.py PROFILE_DIR PLAN_JSON [--encrypted]

It imports, at the top, only what the app has loaded when it starts (nothing of bench/store.py, which
loads the whole database layer first), then drives the app's own ``AppController``: the unlock window,
the database layer preloaded while she types her password, the unlock with the real key derivation
(Argon2id, default parameters: the profile's key file must have them), the main window with the case
list, the plan's terms typed into the list's search field one character at a time, and the plan's
cases opened from the main window. It prints one JSON line: RSS and peak RSS (VmHWM) per stage, in MB.

The plain side (no key file) runs the same key derivation (its result unused) and opens its database
without a key, so the key stays the only difference between the two sides.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "bench kaffe cykel regnvejr 7"  # bench/store.py's
DEVICE_ID = "00000000-0000-4000-8000-00000000bec4"
PLAIN_PROFILE_ID = "bench-profile-id.txt"


def memory_mb() -> dict[str, float]:
    status = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            status[key] = int(value.split()[0]) / 1024
    return {"rss": status["VmRSS"], "peak": status["VmHWM"]}


def main(argv: list[str]) -> int:
    basedir, plan_file = Path(argv[0]), Path(argv[1])
    encrypted = "--encrypted" in argv[2:]
    plan = json.loads(plan_file.read_text())
    today = date.fromisoformat(plan["today"])
    stages = {"start": memory_mb()}
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QEventLoop

    from app.core.paths import AppPaths
    from app.core.settings import Policy, Settings
    from app.ui.application import AppController, create_qapplication
    from app.ui.common.i18n import install_translators
    from app.ui.common.tasks import runner

    app = create_qapplication()
    install_translators("da")
    paths = AppPaths.for_basedir(basedir)
    settings = Settings.load(paths.settings_file)

    def open_encrypted(paths_, password, settings_, policy):  # type: ignore[no-untyped-def]
        from app.services.workspace import unlock

        return unlock(paths_, password, settings_, policy, today=lambda: today)

    def open_plain(paths_, password, settings_, policy):  # type: ignore[no-untyped-def]
        from sqlalchemy import select

        from app.models import Actor, Profile
        from app.models.audit import append_audit
        from app.security.kdf import KdfParams, derive_key, new_salt
        from app.services.cases.dto import ProfileInfo
        from app.services.store import open_store
        from app.services.workspace import Workspace, load_content

        derive_key(password, new_salt(), KdfParams())
        profile_id = (paths_.data_dir / PLAIN_PROFILE_ID).read_text().strip()
        store = open_store(paths_.database, None, Actor(profile_id, DEVICE_ID), paths_.backup_dir)
        with store.unit_of_work() as session:
            row = session.execute(select(Profile).where(Profile.id == profile_id)).scalar_one()
            info = ProfileInfo(row.id, row.name, row.role, row.organisation, row.phone, row.email)
            append_audit(session, "profile.unlock")
        return Workspace(paths_, settings_, policy, load_content(paths_), store, info, lambda: today)

    def settle(until, timeout_s: float = 300.0) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout_s
        while not (until() and runner().idle):
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not settle")
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    controller = AppController(paths, settings, Policy(), open_profile=open_encrypted if encrypted else open_plain)
    controller.show_unlock()
    stages["unlock_window"] = memory_mb()
    # She types her password meanwhile: the app preloads the database layer.
    settle(lambda: "app.services.workspace" in sys.modules)
    stages["preloaded"] = memory_mb()
    controller.window.unlock_requested.emit(PASSWORD)  # type: ignore[union-attr]
    settle(lambda: controller.main is not None and controller.main.case_list.model.rowCount() > 0)
    stages["main_window"] = memory_mb()
    main_window = controller.main
    assert main_window is not None
    panel = main_window.case_list
    for term in plan["terms"]:
        for k in range(1, len(term) + 1):
            panel.search.setText(term[:k])
            panel.refresh()
            settle(lambda: True)
    panel.search.setText("")
    panel.refresh()
    settle(lambda: True)
    stages["searched"] = memory_mb()
    workspace = controller.workspace
    assert workspace is not None
    with workspace.store.engine.connect() as conn:
        ids = [r[0] for r in conn.exec_driver_sql("SELECT id FROM cases ORDER BY rowid")]
    for index in plan["open"]:
        main_window.open_case(ids[index % len(ids)])
        settle(lambda: True)
    stages["opened"] = memory_mb()
    controller.shutdown()
    print(json.dumps(stages))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

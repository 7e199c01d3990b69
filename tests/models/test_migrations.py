"""Alembic migrations of the local database: from empty to exactly the models' schema, one head, the
append-only triggers in place; a database from a newer app refused untouched; an encrypted backup
taken before an existing database is migrated (shown with a test-only second revision).
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, text

from app.core.errors import DatabaseOpenError, DatabaseTooNewError
from app.models import Base, schema
from app.models.audit import APPEND_ONLY_TRIGGERS
from app.models.case import CASE_SEARCH_DDL, CASE_SEARCH_TRIGGERS, is_case_search_table
from app.security.database import open_engine
from app.security.keyfile import KeyFile
from app.services import store as store_module
from app.services.cases.dto import CaseFilter
from app.services.store import backup_database
from tests.helpers.families import family
from tests.helpers.files import snapshot

PROBE_MIGRATION = '''"""test-only second revision: one more table

Revision ID: {rev}
Revises: {down}
"""

from alembic import op
import sqlalchemy as sa

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("migration_probe", sa.Column("id", sa.Integer(), primary_key=True))
    {extra}


def downgrade() -> None:
    op.drop_table("migration_probe")
'''


def _never(*_args) -> None:
    raise AssertionError("an empty database needs no backup")


@pytest.fixture
def empty_engine(tmp_path):
    engine = open_engine(tmp_path / "empty.db", os.urandom(32))
    yield engine
    engine.dispose()


def _not_the_search_index(name, type_, parent_names) -> bool:
    # The FTS5 trigram index is no ORM model; test_search_index_* check it instead.
    return not (type_ == "table" and is_case_search_table(name))


def _diff(engine, metadata: MetaData) -> list:
    opts = {"compare_type": True, "include_name": _not_the_search_index}
    with engine.connect() as conn:
        return compare_metadata(MigrationContext.configure(conn, opts=opts), metadata)


def _search_index(engine) -> dict[str, str]:
    """The trigram index's table and triggers, as SQLite keeps their statements."""
    with engine.connect() as conn:
        return dict(conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE name = 'case_search' OR name IN "
            f"({', '.join('?' * len(CASE_SEARCH_TRIGGERS))})", CASE_SEARCH_TRIGGERS).all())


def _triggers(engine) -> dict[str, str]:
    with engine.connect() as conn:
        return dict(conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all())


def _tables(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars())


# ---- from empty to head


def test_empty_encrypted_database_is_migrated_to_exactly_the_models(empty_engine):
    assert schema.upgrade(empty_engine, backup=_never) is True

    assert schema.current_revision(empty_engine) == schema.head_revision()
    assert _diff(empty_engine, Base.metadata) == []
    assert schema.upgrade(empty_engine, backup=_never) is False  # nothing more to do


def test_comparison_would_notice_a_model_the_migrations_lack(empty_engine):
    schema.upgrade(empty_engine, backup=_never)
    changed = MetaData()
    for table in Base.metadata.tables.values():
        table.to_metadata(changed)
    Table("surprise", changed, Column("id", Integer, primary_key=True))

    assert [d[0] for d in _diff(empty_engine, changed)] == ["add_table"]


def test_there_is_exactly_one_head_and_every_file_is_in_the_chain():
    scripts = schema.script_directory()
    files = {p.stem.split("_")[0] for p in (schema.MIGRATIONS_DIR / "versions").glob("[0-9]*.py")}

    assert scripts.get_heads() == [schema.head_revision()]
    assert {s.revision for s in scripts.walk_revisions()} == files
    # The file names, which the unlock reads instead of Alembic, give the same chain in order.
    assert schema.revisions() == [s.revision for s in reversed(list(scripts.walk_revisions()))]


UNLOCK_WITHOUT_ALEMBIC = """
import sys
from pathlib import Path
from app.models import Actor
from app.services.store import open_store
store = open_store(Path(sys.argv[1]), bytes.fromhex(sys.argv[2]), Actor("u", "d"), Path(sys.argv[3]))
store.close()
print(sorted(m for m in sys.modules if m.split(".")[0] == "alembic"))
"""


def test_opening_a_database_at_head_does_not_load_alembic(tmp_path):
    """Alembic stays out of memory unless there is something to migrate (a fresh process, so that
    what other tests imported does not count)."""
    import subprocess
    import sys

    key = os.urandom(32)
    engine = open_engine(tmp_path / "at-head.db", key)
    schema.upgrade(engine, backup=_never)
    engine.dispose()
    run = [sys.executable, "-c", UNLOCK_WITHOUT_ALEMBIC, str(tmp_path / "at-head.db"), key.hex(), str(tmp_path)]

    assert subprocess.run(run, capture_output=True, text=True, check=True).stdout.strip() == "[]"
    # ... and an empty one is migrated by Alembic, loaded then.
    run[3] = str(tmp_path / "empty.db")
    assert "alembic.command" in subprocess.run(run, capture_output=True, text=True, check=True).stdout


def test_append_only_triggers_exist_after_migration_as_the_models_declare_them(empty_engine, tmp_path):
    schema.upgrade(empty_engine, backup=_never)
    created = create_engine(f"sqlite:///{tmp_path / 'from-models.db'}")
    Base.metadata.create_all(created)

    migrated = _triggers(empty_engine)
    assert set(migrated) == {"audit_log_no_update", "audit_log_no_delete", "audit_log_append_at_end",
                             *CASE_SEARCH_TRIGGERS}
    assert sorted(v for k, v in migrated.items() if k.startswith("audit_log")) == sorted(APPEND_ONLY_TRIGGERS)
    assert _triggers(created) == migrated
    created.dispose()


def test_search_index_after_migration_is_the_one_the_models_declare(empty_engine, tmp_path):
    schema.upgrade(empty_engine, backup=_never)
    created = create_engine(f"sqlite:///{tmp_path / 'from-models.db'}")
    Base.metadata.create_all(created)

    migrated = _search_index(empty_engine)
    assert sorted(migrated.values()) == sorted(CASE_SEARCH_DDL)
    assert _search_index(created) == migrated
    created.dispose()


def test_migration_indexes_the_cases_already_there_and_keeps_the_index_with_them(tmp_path):
    from alembic import command

    engine = open_engine(tmp_path / "old.db", os.urandom(32))
    cfg = schema.alembic_config()
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0005")
        with engine.begin() as conn:
            fill = {c[1]: _filler(c[2]) for c in conn.exec_driver_sql("PRAGMA table_info(cases)").all()}
            for case_id, text_ in (("a", "familien ærø\n0101011234"), ("b", "familien holm\nsøren")):
                values = {**fill, "id": case_id, "search_text": text_}
                conn.exec_driver_sql(
                    f"INSERT INTO cases ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                    tuple(values.values()))
        assert "case_search" not in _tables(engine)

        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")

        def found(match: str) -> list[str]:
            with engine.connect() as conn:
                return conn.exec_driver_sql(
                    "SELECT id FROM cases WHERE rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH ?) "
                    "ORDER BY id", (match,)).scalars().all()

        assert found('"ærø"') == ["a"]
        assert found('"101123"') == ["a"]
        assert found('"ren"') == ["b"]
        with engine.begin() as conn:  # the triggers from now on
            conn.exec_driver_sql("UPDATE cases SET search_text = 'familien holm\nmaren' WHERE id = 'b'")
            conn.exec_driver_sql("DELETE FROM cases WHERE id = 'a'")
        assert found('"ren"') == ["b"]
        assert found('"søren"') == []
        assert found('"ærø"') == []
        with engine.connect() as conn:
            # FTS5's own check of the index against the cases' text (raises if they disagree)
            conn.exec_driver_sql("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)")

        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0005")
        assert not {t for t in _tables(engine) if is_case_search_table(t)}
        assert not set(_triggers(engine)) & set(CASE_SEARCH_TRIGGERS)
    finally:
        engine.dispose()


# ---- a database from a newer app


def test_database_from_a_newer_app_is_refused_and_left_byte_identical(workspace, paths, password, reopen):
    workspace.cases.create_case(family())
    with workspace.store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'f00dcafe0099'")
    workspace.lock()
    before = snapshot(paths.data_dir.parent)

    with pytest.raises(DatabaseTooNewError):
        reopen()

    assert snapshot(paths.data_dir.parent) == before
    assert not paths.backup_dir.exists()


# ---- migrating an existing database


@pytest.fixture
def second_revision(tmp_path, monkeypatch):
    """A copy of the migrations with a test-only revision on top of the real head.

    Returns a writer for it; ``write.old`` and ``write.new`` are the revisions before and after.
    """
    folder = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    down = schema.head_revision()
    rev = f"{int(down) + 1:04d}"
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", folder)

    def write(extra: str = "") -> None:
        (folder / "versions" / f"{rev}_probe.py").write_text(PROBE_MIGRATION.format(rev=rev, down=down, extra=extra))

    write.old, write.new = down, rev  # type: ignore[attr-defined]
    return write


def test_existing_database_gets_an_encrypted_backup_before_it_is_migrated(workspace, paths, password, reopen,
                                                                           second_revision):
    case_id = workspace.cases.create_case(family()).id
    workspace.lock()
    data_key = KeyFile.load(paths.key_file).unwrap_with_password(password)
    second_revision()

    ws = reopen()

    assert schema.current_revision(ws.store.engine) == second_revision.new
    assert "migration_probe" in _tables(ws.store.engine)
    assert ws.cases.overview(case_id).family_name == "Familien Skovbjerg"
    [backup] = paths.backup_dir.glob("*.db")
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(DatabaseOpenError):
        open_engine(backup, None)
    old = open_engine(backup, data_key)
    try:
        # The backup is the database as it was before the migration, whole.
        assert schema.current_revision(old) == second_revision.old
        assert "migration_probe" not in _tables(old)
        with old.connect() as conn:
            assert conn.execute(text("SELECT family_name FROM cases")).scalars().all() == ["Familien Skovbjerg"]
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        old.dispose()

    ws.lock()
    reopen().lock()  # already at head: no second backup
    assert len(list(paths.backup_dir.glob("*.db"))) == 1


def test_failed_migration_leaves_the_database_at_its_old_revision(workspace, paths, password, reopen,
                                                                  second_revision):
    workspace.cases.create_case(family())
    workspace.lock()
    second_revision(extra='raise RuntimeError("migration bug")')

    with pytest.raises(RuntimeError, match="migration bug"):
        reopen()

    engine = open_engine(paths.database, KeyFile.load(paths.key_file).unwrap_with_password(password))
    try:
        assert schema.current_revision(engine) == second_revision.old
        assert "migration_probe" not in _tables(engine)
    finally:
        engine.dispose()
    assert len(list(paths.backup_dir.glob("*.db"))) == 1

    second_revision()  # the next release fixes the migration
    ws = reopen()
    assert schema.current_revision(ws.store.engine) == second_revision.new
    assert ws.cases.search(CaseFilter()).total == 1


def test_backup_copies_the_wal_and_keeps_the_newest_five(tmp_path, monkeypatch):
    db = tmp_path / "tovholder.db"
    db.write_bytes(b"main")
    db.with_name("tovholder.db-wal").write_bytes(b"wal")
    start = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    ticks = iter(range(100))

    class Clock(datetime):
        @classmethod
        def now(cls, tz=None):
            return start + timedelta(minutes=next(ticks))

    monkeypatch.setattr(store_module, "datetime", Clock)
    made = [backup_database(db, tmp_path / "backups") for _ in range(7)]

    kept = sorted(p.name for p in (tmp_path / "backups").glob("*.db"))
    assert kept == sorted(p.name for p in made[-5:])
    assert all(Path(str(p) + "-wal").read_bytes() == b"wal" for p in made[-5:])
    assert not Path(str(made[0]) + "-wal").exists()
    assert made[-1].read_bytes() == b"main"


def test_every_real_migration_upgrades_a_database_that_holds_rows(tmp_path):
    """Each shipped revision, applied to a database with a row in every table of the one before
    (filled generically from the table's columns), keeps the rows and reaches head."""
    from alembic import command

    engine = open_engine(tmp_path / "old.db", os.urandom(32))
    revisions = [s.revision for s in reversed(list(schema.script_directory().walk_revisions()))]
    cfg = schema.alembic_config()
    try:
        for previous, following in zip(revisions, revisions[1:], strict=False):
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, previous)
            # Parents before children; every id and every foreign key is "x", so the rows fit together.
            existing = set(_tables(engine)) - {"alembic_version", "audit_log"}
            tables = [t.name for t in Base.metadata.sorted_tables if t.name in existing]
            with engine.begin() as conn:
                for table in tables:
                    if conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar():
                        continue
                    columns = conn.exec_driver_sql(f"PRAGMA table_info({table})").all()
                    values = {c[1]: _filler(c[2]) for c in columns}
                    conn.exec_driver_sql(
                        f"INSERT INTO {table} ({', '.join(values)}) VALUES ({', '.join('?' * len(values))})",
                        tuple(values.values()),
                    )
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, following)
            with engine.connect() as conn:
                for table in tables:
                    assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == 1, table
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert schema.current_revision(engine) == schema.head_revision()
    finally:
        engine.dispose()


def _filler(sql_type: str) -> object:
    sql_type = sql_type.upper()
    if "INT" in sql_type or "BOOL" in sql_type:
        return 0
    if sql_type == "DATE":
        return "2026-01-01"
    if "JSON" in sql_type:
        return "[]"
    return "x"

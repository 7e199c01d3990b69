"""case search: a trigram index over the cases' search text, and the search text in the list's index

Revision ID: 0006
Revises: 0005

Search as she types used ``instr`` over every case. The FTS5 table ``case_search`` indexes
``cases.search_text`` by trigrams (external content: the text stays in ``cases``) and the triggers
keep it in the same transaction as every change. The statements are the models' own
(``app.models.case.CASE_SEARCH_DDL``), written out here as they were at this revision.

The list's index by ``updated_at`` also holds ``search_text`` now: a search for one or two
characters (too short for trigrams) reads that index instead of every row.
"""

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

CREATE = (
    "CREATE VIRTUAL TABLE case_search USING fts5("
    "search_text, content='cases', content_rowid='rowid', columnsize=0, "
    "tokenize='trigram case_sensitive 1')",
    "CREATE TRIGGER case_search_insert AFTER INSERT ON cases BEGIN "
    "INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text); END",
    "CREATE TRIGGER case_search_delete AFTER DELETE ON cases BEGIN "
    "INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
    "END",
    "CREATE TRIGGER case_search_update AFTER UPDATE OF search_text ON cases "
    "WHEN old.search_text IS NOT new.search_text BEGIN "
    "INSERT INTO case_search (case_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text); "
    "INSERT INTO case_search (rowid, search_text) VALUES (new.rowid, new.search_text); END",
)


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)
    # Index the cases already there.
    op.execute("INSERT INTO case_search (case_search) VALUES ('rebuild')")
    op.drop_index('ix_cases_updated_at', table_name='cases')
    op.create_index('ix_cases_updated_at_search_text', 'cases', ['updated_at', 'search_text'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_cases_updated_at_search_text', table_name='cases')
    op.create_index('ix_cases_updated_at', 'cases', ['updated_at'], unique=False)
    for trigger in ("case_search_update", "case_search_delete", "case_search_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS case_search")

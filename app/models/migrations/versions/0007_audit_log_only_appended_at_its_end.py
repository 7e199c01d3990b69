"""audit log: an insert must be a new entry at the end of the chain

Revision ID: 0007
Revises: 0006

``INSERT OR REPLACE`` (and ``REPLACE INTO``) got past the append-only triggers: REPLACE deletes the
row whose seq or id conflicts without firing the delete trigger, so an entry could be rewritten. The
trigger ``audit_log_append_at_end`` refuses an insert whose seq or id is already there, or whose
``prev_hash`` is not the newest entry's hash. The statement is the models' own
(``app.models.audit.APPEND_ONLY_TRIGGERS``), written out here as it was at this revision.
"""

from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

CREATE = (
    "CREATE TRIGGER audit_log_append_at_end BEFORE INSERT ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit log is append-only') "
    "WHERE (new.seq IS NOT NULL AND new.seq <> -1 "
    "AND new.seq <> coalesce((SELECT max(seq) FROM audit_log), 0) + 1) "
    "OR EXISTS (SELECT 1 FROM audit_log WHERE id = new.id) "
    "OR new.prev_hash IS NOT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), "
    "'0000000000000000000000000000000000000000000000000000000000000000'); END"
)


def upgrade() -> None:
    op.execute(CREATE)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_log_append_at_end")

"""conversations remember the summary the family answered to

Revision ID: 0008
Revises: 0007
"""

from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Answers given before this keep "" (no digest): they stay as given until the summary is read again.
    # A plain ADD COLUMN: a batch copy of the table would drop it first, and the foreign keys' ON DELETE
    # CASCADE would take every conversation's sections and items with it.
    op.add_column('conversations', sa.Column('agreed_digest', sa.String(length=64), nullable=False,
                                             server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('agreed_digest')

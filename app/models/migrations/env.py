"""Alembic environment for the local database; always run on a connection the app opened."""

from alembic import context

from app.models import Base
from app.models.case import is_case_search_table

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through app.models.schema, which opens the encrypted database")


def include_name(name, type_, parent_names):  # type: ignore[no-untyped-def]
    """Leave the trigram index (an FTS5 table, not a model) out of autogenerate's comparison."""
    return not (type_ == "table" and name and is_case_search_table(name))


context.configure(
    connection=connection,
    include_name=include_name,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

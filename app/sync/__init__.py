"""Sync with the municipal server: the wire format both sides share (``wire``).

A leaf package: it imports no SQLAlchemy, no SQLCipher, no Alembic, no Qt and nothing from the rest of
``app``, so the server (``server/``) can import it without the client's database.
"""

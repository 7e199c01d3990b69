"""Use cases of the app. They take and return plain dataclasses, own the transaction and write the
audit trail. No Qt."""

"""The wire format: how a value and a changed record are written for sync, by the client and the server.

A value goes on the wire as JSON: an aware datetime as ISO 8601 in UTC with microseconds
("2026-11-22T09:30:00.000000+00:00"), a date as ISO 8601 ("2026-11-22"); strings, numbers, booleans,
``None``, lists and dicts as they are. No column holds a Decimal, a UUID, bytes or an enum (ids are
text, amounts and choices are plain values), so these have no wire form of their own and pass through
unchanged, as they always have. The local change log (``app.models.changelog``) writes its
payloads with ``to_wire``, so what is logged is what is sent.

A ``RecordChange`` is one record as sync sends it: the record type (its table), its id and revision,
the operation (``upsert``: the record's whole state; ``delete``: only its id) and its fields.

Only the standard library: this module is imported by the server too.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

UPSERT = "upsert"
DELETE = "delete"
OPERATIONS = (UPSERT, DELETE)


class WireFormatError(ValueError):
    """Data that does not have the wire format's shape (a bug on one side, or a damaged message)."""


def to_wire(value: Any) -> Any:
    """``value`` as it is written on the wire (see the module docstring)."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def datetime_from_wire(text: str) -> datetime:
    """An aware UTC datetime from its wire form; a naive or malformed one is refused."""
    try:
        value = datetime.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise WireFormatError(f"not a datetime: {text!r}") from exc
    if value.tzinfo is None:
        raise WireFormatError(f"datetime without a time zone: {text!r}")
    return value.astimezone(UTC)


def date_from_wire(text: str) -> date:
    """A date from its wire form ("2026-11-22")."""
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError) as exc:
        raise WireFormatError(f"not a date: {text!r}") from exc


def operation_of(local_operation: str) -> str:
    """The wire operation for the change log's ``insert``, ``update`` or ``delete``."""
    if local_operation in ("insert", "update"):
        return UPSERT
    if local_operation == DELETE:
        return DELETE
    raise WireFormatError(f"unknown change-log operation {local_operation!r}")


@dataclass(frozen=True)
class RecordChange:
    """One changed record as sync sends it: the whole record for an upsert, only its id for a delete."""

    record_type: str  # the record's table: "cases", "map_people", ...
    record_id: str
    revision: int
    op: str  # UPSERT | DELETE
    fields: Mapping[str, Any] = field(default_factory=dict)  # column name -> wire value

    def __post_init__(self) -> None:
        if self.op not in OPERATIONS:
            raise WireFormatError(f"unknown operation {self.op!r}; expected one of {OPERATIONS}")
        if not (isinstance(self.record_type, str) and self.record_type):
            raise WireFormatError(f"record type must be a name, not {self.record_type!r}")
        if not (isinstance(self.record_id, str) and self.record_id):
            raise WireFormatError(f"record id must be text, not {self.record_id!r}")
        if not isinstance(self.revision, int) or isinstance(self.revision, bool) or self.revision < 1:
            raise WireFormatError(f"revision must be a whole number from 1, not {self.revision!r}")
        if not isinstance(self.fields, Mapping):
            raise WireFormatError("fields must be an object")

    @classmethod
    def of(cls, record_type: str, record_id: str, revision: int, op: str, values: Mapping[str, Any]) -> RecordChange:
        """A change from a record's column values as they are (dates, datetimes), written with ``to_wire``."""
        return cls(record_type, record_id, revision, op, {key: to_wire(value) for key, value in values.items()})

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.record_type, "id": self.record_id, "revision": self.revision, "op": self.op,
                "fields": dict(self.fields)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RecordChange:
        if not isinstance(data, Mapping):
            raise WireFormatError("a record change must be an object")
        missing = [key for key in ("type", "id", "revision", "op", "fields") if key not in data]
        if missing:
            raise WireFormatError(f"a record change lacks {missing}")
        return cls(data["type"], data["id"], data["revision"], data["op"], dict(data["fields"])
                   if isinstance(data["fields"], Mapping) else data["fields"])

    def to_json(self) -> str:
        """The change as compact JSON text, keys sorted: the same change gives the same text."""
        return json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> RecordChange:
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise WireFormatError(f"not JSON: {exc}") from exc
        return cls.from_dict(data)

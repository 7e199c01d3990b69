"""The sync wire format (``app.sync.wire``): values and record changes survive the trip through JSON,
and the module can be imported without the client's database or Qt (the server imports it)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from uuid import UUID

import pytest

from app.sync.wire import (
    DELETE,
    UPSERT,
    RecordChange,
    WireFormatError,
    date_from_wire,
    datetime_from_wire,
    operation_of,
    to_wire,
)

ROOT = Path(__file__).resolve().parents[2]
COPENHAGEN_WINTER = timezone(timedelta(hours=1))


def _through_json(value):  # type: ignore[no-untyped-def]
    return json.loads(json.dumps(to_wire(value)))


@pytest.mark.parametrize("value", ["Mette Nørgaard – “mor”", "", 0, 42, -7, 2.5, True, False, None,
                                   ["praktisk", "følelsesmæssig"], {"rolle": "mormor", "afstand": 22.5}, []])
def test_json_values_go_on_the_wire_as_they_are(value):
    assert to_wire(value) is value
    assert _through_json(value) == value


def test_other_values_pass_through_unchanged():
    for value in (Decimal("12.50"), UUID("0190d5a0-0000-7000-8000-000000000001"), b"\x00\xff"):
        assert to_wire(value) is value


def test_a_datetime_goes_as_utc_iso_with_microseconds_and_comes_back_the_same_instant():
    local = datetime(2026, 11, 22, 10, 30, 5, 120, tzinfo=COPENHAGEN_WINTER)

    wire = _through_json(local)

    assert wire == "2026-11-22T09:30:05.000120+00:00"
    back = datetime_from_wire(wire)
    assert back == local and back.tzinfo == UTC


def test_a_date_goes_as_iso_and_comes_back():
    day = date(2026, 2, 28)

    assert _through_json(day) == "2026-02-28"
    assert date_from_wire(_through_json(day)) == day


def test_a_datetime_is_not_mistaken_for_a_date():
    assert to_wire(datetime(2026, 1, 1, tzinfo=UTC)) != to_wire(date(2026, 1, 1))


@pytest.mark.parametrize(("reader", "text"), [(datetime_from_wire, "2026-11-22T09:30:00"),
                                              (datetime_from_wire, "i går"), (date_from_wire, "22.11.2026"),
                                              (date_from_wire, None)])
def test_a_malformed_or_naive_value_is_refused(reader, text):
    with pytest.raises(WireFormatError):
        reader(text)


def test_a_record_change_goes_through_json_and_comes_back_equal():
    change = RecordChange.of("map_people", "0190d5a0-0000-7000-8000-000000000001", 3, UPSERT, {
        "name": "Mormor Åse", "distance": 22.5, "invite": True, "support": ["practical"],
        "born_on": date(1958, 4, 1), "updated_at": datetime(2026, 11, 22, 9, 30, tzinfo=UTC), "phone": None,
    })

    text = change.to_json()
    back = RecordChange.from_json(text)

    assert back == change
    assert back.fields["born_on"] == "1958-04-01"
    assert back.fields["updated_at"] == "2026-11-22T09:30:00.000000+00:00"
    assert json.loads(text) == {"type": "map_people", "id": "0190d5a0-0000-7000-8000-000000000001",
                                "revision": 3, "op": "upsert", "fields": dict(change.fields)}
    assert RecordChange.from_json(text.encode("utf-8")).to_json() == text  # the same change, the same text


def test_a_delete_carries_only_the_id():
    change = RecordChange("cases", "c-1", 5, DELETE, {"id": "c-1"})

    assert RecordChange.from_json(change.to_json()) == change


@pytest.mark.parametrize(("local", "wire"), [("insert", UPSERT), ("update", UPSERT), ("delete", DELETE)])
def test_the_change_logs_operations_map_to_upsert_and_delete(local, wire):
    assert operation_of(local) == wire


@pytest.mark.parametrize("text", [
    "not json",
    "[]",
    '{"type": "cases", "id": "c-1", "revision": 1, "op": "upsert"}',
    '{"type": "cases", "id": "c-1", "revision": 1, "op": "merge", "fields": {}}',
    '{"type": "cases", "id": "c-1", "revision": 0, "op": "upsert", "fields": {}}',
    '{"type": "cases", "id": "c-1", "revision": true, "op": "upsert", "fields": {}}',
    '{"type": "", "id": "c-1", "revision": 1, "op": "upsert", "fields": {}}',
    '{"type": "cases", "id": 7, "revision": 1, "op": "upsert", "fields": {}}',
    '{"type": "cases", "id": "c-1", "revision": 1, "op": "upsert", "fields": []}',
])
def test_a_malformed_change_is_refused(text):
    with pytest.raises(WireFormatError):
        RecordChange.from_json(text)


def test_importing_the_wire_format_loads_no_database_and_no_qt():
    code = ("import sys, app.sync.wire\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in"
            " ('sqlalchemy', 'sqlcipher3', 'alembic', 'PySide6', 'shiboken6')"
            " or m.startswith(('app.models', 'app.services', 'app.ui', 'app.security', 'app.content'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=60)

    assert out.stdout.strip() == "[]"


def test_the_import_check_sees_a_loaded_database_module():
    code = "import sys, app.sync.wire, sqlalchemy\nprint('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True,
                         timeout=60)

    assert out.stdout.strip() == "True"

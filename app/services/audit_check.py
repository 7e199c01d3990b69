"""Verifying the audit trail: its hash chain, and the chain against its anchor outside the database.

At every start the chain is walked from the last verified entry (the anchor's ``verified``) to the
newest, so the work is the entries written since the last check (measured at 10,000 families and
110,500 entries: 1.7 ms at the next start, 8 ms after a day of 500 entries; the first check of a profile
walks it all once, 1.4 s);
``tovholder verify`` walks it from the first entry. Either way the anchor's two positions must still be
in the database with the same hashes (and their content must still give them): a chain shorter than
the anchor was truncated, another hash at the anchor's seq means the entries were rewritten (re-hashed
after a change). An older entry changed without re-hashing is found by ``verify``'s whole walk.

Nothing is ever repaired: a broken chain keeps being reported, at every start and by ``verify``, and
the anchor is left as it was (the evidence) until IT has looked. Reports and log lines hold seq
numbers and action names only, never an entry's detail.

The first anchor is recorded in the trail itself as an ``audit.anchor`` entry, so a later missing
anchor file is told apart from a profile that never had one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from app.models.audit import GENESIS_HASH, HASHED, AuditEntry, stored_entry_hash
from app.security.anchor import Anchor, AnchorDamagedError, Position, read_anchor

log = logging.getLogger(__name__)

ANCHOR_ACTION = "audit.anchor"
GENESIS = Position(0, GENESIS_HASH)
BATCH = 2000
# An entry as stored: seq, hash, then the hashed columns (``stored_entry_hash``).
ENTRY = f"SELECT seq, hash, {', '.join(HASHED)} FROM audit_log WHERE {{where}} ORDER BY seq LIMIT {{limit}}"
ACTION_AT, PREV_AT = 2 + HASHED.index("action"), 2 + HASHED.index("prev_hash")
ACTION_CHARS = 40  # of a broken entry's action in a report (the app's own are shorter; a forged one is cut)

# What the anchor says about the database's chain.
ANCHOR_OK = "ok"
ANCHOR_NONE = "none"  # never anchored yet (a profile from before anchors): the first one is made
ANCHOR_MISSING = "missing"  # the trail says it was anchored, but the file is gone
ANCHOR_DAMAGED = "damaged"  # the file does not open with this profile's key
ANCHOR_TRUNCATED = "truncated"  # the chain ends before the anchored position
ANCHOR_REWRITTEN = "rewritten"  # another hash at an anchored position
ANCHOR_OFF = "off"  # no anchor key (tests and benchmarks that build a workspace by hand)
ANCHOR_PROBLEMS = (ANCHOR_MISSING, ANCHOR_DAMAGED, ANCHOR_TRUNCATED, ANCHOR_REWRITTEN)


@dataclass(frozen=True)
class ChainCheck:
    """What a walk of the audit chain found."""

    entries: int  # entries in the database (with ``full``; else the newest seq)
    checked: int  # entries whose link and hash were recomputed in this walk
    newest: Position  # the newest entry in the database
    verified: Position  # the chain is intact from the first entry up to here
    anchor_state: str
    anchor: Anchor | None
    broken_seq: int | None = None  # the first entry whose link or hash is wrong
    broken_action: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None and self.anchor_state not in ANCHOR_PROBLEMS

    def problems(self) -> list[str]:
        """Plain English lines for IT and the log: seq numbers and action names only."""
        lines = []
        if self.broken_seq is not None:
            line = (f"audit chain broken at entry {self.broken_seq} ({self.broken_action}): its hash or its "
                    f"link to the entry before does not match")
            if self.verified.seq < self.broken_seq:
                line += f"; intact up to entry {self.verified.seq}"
            lines.append(line)
        if self.anchor_state == ANCHOR_TRUNCATED and self.anchor is not None:
            lines.append(f"audit trail truncated: the anchor saw entry {self.anchor.newest.seq}, the database "
                         f"ends at entry {self.newest.seq}")
        elif self.anchor_state == ANCHOR_REWRITTEN and self.anchor is not None:
            lines.append(f"audit trail rewritten: the entries at the anchored positions ({self.anchor.verified.seq}, "
                         f"{self.anchor.newest.seq}) no longer have the anchored hashes")
        elif self.anchor_state == ANCHOR_MISSING:
            lines.append("audit anchor missing: the trail was anchored, but the anchor file is gone")
        elif self.anchor_state == ANCHOR_DAMAGED:
            lines.append("audit anchor damaged: the anchor file does not open with this profile's key")
        return lines


def load_anchor(path: Path, key: bytes | None) -> tuple[Anchor | None, str]:
    """The anchor at ``path`` and its state before the walk (``ok``, ``none``, ``damaged`` or ``off``)."""
    if key is None:
        return None, ANCHOR_OFF
    try:
        anchor = read_anchor(path, key)
    except AnchorDamagedError:
        return None, ANCHOR_DAMAGED
    return anchor, ANCHOR_OK if anchor is not None else ANCHOR_NONE


def _newest(conn: Connection, count: bool) -> tuple[Position, int]:
    """The newest entry, and how many entries there are (counted with ``count``, else its seq)."""
    row = conn.exec_driver_sql("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first()
    newest = Position(row[0], row[1]) if row else GENESIS
    return newest, conn.exec_driver_sql("SELECT count(*) FROM audit_log").scalar_one() if count else newest.seq


def _hash_of(row: tuple) -> str:  # type: ignore[type-arg]
    try:
        return stored_entry_hash(tuple(row[2:]))
    except (TypeError, ValueError):  # a detail that is not JSON: not written by the app
        return ""


def verify_trail(conn: Connection, anchor: Anchor | None, anchor_state: str, full: bool = False) -> ChainCheck:
    """Walk the chain (from the anchor's verified entry, or from the first with ``full``) and compare
    it with the anchor. Reads only."""
    newest, count = _newest(conn, full)
    anchored_break: tuple[int, str] | None = None
    if anchor is not None:
        for position in (anchor.verified, anchor.newest):
            if position.seq == 0:
                continue
            row = conn.exec_driver_sql(ENTRY.format(where="seq = ?", limit=1), (position.seq,)).first()
            if row is None:
                anchor_state = ANCHOR_TRUNCATED
                break
            if row[1] != position.hash:
                anchor_state = ANCHOR_REWRITTEN
                break
            if anchored_break is None and _hash_of(row) != row[1]:  # its content changed, its hash kept
                anchored_break = (row[0], str(row[ACTION_AT])[:ACTION_CHARS])
    elif anchor_state == ANCHOR_NONE:
        anchored = conn.execute(select(AuditEntry.seq).where(AuditEntry.action == ANCHOR_ACTION).limit(1)).first()
        if anchored is not None:
            anchor_state = ANCHOR_MISSING
    start = GENESIS
    if not full and anchor is not None and anchor_state == ANCHOR_OK:
        start = anchor.verified
    prev, verified, checked = start.hash, start, 0
    broken_seq, broken_action = None, ""
    after = start.seq
    walk = ENTRY.format(where="seq > ?", limit=BATCH)
    while broken_seq is None:
        rows = conn.exec_driver_sql(walk, (after,)).all()
        if not rows:
            break
        for row in rows:
            if row[PREV_AT] != prev or _hash_of(row) != row[1]:
                broken_seq, broken_action = row[0], str(row[ACTION_AT])[:ACTION_CHARS]
                break
            prev = row[1]
            verified = Position(row[0], row[1])
            checked += 1
        after = rows[-1][0]
    if broken_seq is None and anchored_break is not None:
        broken_seq, broken_action = anchored_break
    return ChainCheck(entries=count, checked=checked, newest=newest, verified=verified, anchor_state=anchor_state,
                      anchor=anchor, broken_seq=broken_seq, broken_action=broken_action)


def log_check(check: ChainCheck) -> None:
    """The check's outcome in the log (seq numbers and action names only)."""
    if check.ok:
        log.info("audit trail verified: %d entries checked, intact up to entry %d (anchor %s)",
                 check.checked, check.verified.seq, check.anchor_state)
        return
    for line in check.problems():
        log.error("%s", line)

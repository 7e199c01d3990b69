"""The key file, password changes, the municipal recovery key, the unlock throttle, the SQLCipher key
and password advice.

What a user would notice: a wrong password says so and changes nothing; a damaged key file is told
apart from a wrong password; a new password opens the same records; IT's recovery key sets a new
password; guessing gets slower and slower.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest

from app.core.errors import (
    DatabaseOpenError,
    KeyFileError,
    UnlockThrottledError,
    ValidationError,
    WrongPasswordError,
)
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.security import throttle as throttle_module
from app.security.database import open_engine
from app.security.kdf import FAST_KDF
from app.security.keyfile import KeyFile, _checksum, new_data_key
from app.security.passwords import assess
from app.security.recovery import generate_keypair, load_private_key
from app.security.throttle import UnlockThrottle
from app.services.cases.dto import CaseFilter, NewProfile
from app.services.workspace import create_profile, recover_with_private_key
from tests.conftest import PASSWORD
from tests.helpers.families import family
from tests.helpers.files import changed, snapshot

NEW_PASSWORD = "blåbær havregryn trappe 42"
IT_PASSPHRASE = "kommunens nøgle i pengeskabet"


class FakeClock:
    """A clock the test moves by hand (seconds since the epoch)."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def locked(workspace, paths):
    """The fixture profile with one family in it, locked again (as after closing the app)."""
    workspace.cases.create_case(family())
    workspace.lock()
    return paths


# ---- wrong password and damaged key files


def test_wrong_password_is_refused_and_only_the_failure_counter_changes(locked, reopen):
    base = locked.data_dir.parent
    before = snapshot(base)

    with pytest.raises(WrongPasswordError):
        reopen("kaffe cykel regnvejr 8")

    after = snapshot(base)
    assert changed(before, after) == {"data/tovholder.key.json"}  # the count of wrong passwords, and nothing else
    assert UnlockThrottle(locked.key_file).failures == 1
    assert KeyFile.load(locked.key_file).unwrap_with_password(PASSWORD)  # the key itself is as it was


def _rewrite(path, edit) -> None:
    raw = json.loads(path.read_text())
    edit(raw)
    path.write_text(json.dumps(raw))


def _flip_wrapped_key_byte(raw: dict) -> None:
    wrapped = bytearray(base64.b64decode(raw["slots"][0]["wrapped_key"]))
    wrapped[5] ^= 0x01
    raw["slots"][0]["wrapped_key"] = base64.b64encode(bytes(wrapped)).decode()


def _with_fixed_checksum(edit):
    """An edit that also recomputes the checksum, as a careful forger would."""

    def apply(raw: dict) -> None:
        edit(raw)
        raw.pop("checksum", None)
        raw["checksum"] = _checksum(raw)

    return apply


DAMAGE = {
    "flipped byte in wrapped_key": lambda p: _rewrite(p, _flip_wrapped_key_byte),
    "edited kdf parameters": lambda p: _rewrite(p, lambda r: r["slots"][0]["kdf"].update(iterations=2)),
    "edited profile id": lambda p: _rewrite(p, lambda r: r.update(profile_id="someone-else")),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "empty": lambda p: p.write_bytes(b""),
    "not text": lambda p: p.write_bytes(os.urandom(300)),
    "missing": lambda p: p.unlink(),
    "unknown version": lambda p: _rewrite(p, _with_fixed_checksum(lambda r: r.update(version=99))),
    "no password slot": lambda p: _rewrite(p, _with_fixed_checksum(lambda r: r.update(slots=[]))),
    "salt not base64": lambda p: _rewrite(
        p, _with_fixed_checksum(lambda r: r["slots"][0].update(salt="not base64!"))),
    "absurd kdf memory": lambda p: _rewrite(
        p, _with_fixed_checksum(lambda r: r["slots"][0]["kdf"].update(memory_kib=1 << 40))),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_key_file_is_a_key_file_error_not_a_wrong_password(locked, reopen, damage):
    DAMAGE[damage](locked.key_file)
    base = locked.data_dir.parent
    before = snapshot(base)

    with pytest.raises(KeyFileError) as caught:
        reopen()

    assert not isinstance(caught.value, WrongPasswordError)
    # Nothing is touched, and a damaged file is not counted as a guess.
    assert snapshot(base) == before
    assert not locked.unlock_state.exists()


def test_forged_key_with_a_fixed_checksum_still_yields_no_key(locked, reopen):
    """The checksum only tells damage from a wrong password; AES-GCM is what protects the key."""
    _rewrite(locked.key_file, _with_fixed_checksum(_flip_wrapped_key_byte))
    keyfile = KeyFile.load(locked.key_file)

    with pytest.raises(WrongPasswordError):
        keyfile.unwrap_with_password(PASSWORD)


# ---- changing the password


def test_password_change_rewraps_the_key_and_leaves_the_database_file_alone(workspace, paths, password,
                                                                           reopen):
    created = workspace.cases.create_case(family())
    data_key = KeyFile.load(paths.key_file).unwrap_with_password(password)
    # Write everything into the main file first, so only a re-encryption could change it.
    with workspace.store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db_before = paths.database.read_bytes()
    keyfile_before = paths.key_file.read_bytes()

    workspace.change_password(password, NEW_PASSWORD, kdf=FAST_KDF)

    assert paths.database.read_bytes() == db_before
    assert paths.key_file.read_bytes() != keyfile_before
    assert KeyFile.load(paths.key_file).unwrap_with_password(NEW_PASSWORD) == data_key
    workspace.lock()
    with pytest.raises(WrongPasswordError):
        reopen(password)
    reopened = reopen(NEW_PASSWORD)
    assert reopened.cases.overview(created.id).family_name == "Familien Skovbjerg"


@pytest.mark.parametrize(
    ("old", "new", "error"),
    [
        ("forkert gammel adgangskode", NEW_PASSWORD, WrongPasswordError),
        (PASSWORD, "sommer2024", ValidationError),
    ],
    ids=["wrong old password", "weak new password"],
)
def test_failed_password_change_keeps_the_old_key_file(workspace, paths, reopen, old, new, error):
    before = KeyFile.load(paths.key_file).slots

    with pytest.raises(error):
        workspace.change_password(old, new, kdf=FAST_KDF)

    assert KeyFile.load(paths.key_file).slots == before  # the key stays wrapped as it was
    workspace.lock()
    assert reopen().profile.name == "Hanne Testesen"


# ---- the municipal recovery key


@pytest.fixture(scope="module")
def it_keys() -> tuple[bytes, str]:
    private_pem, public_pem = generate_keypair(IT_PASSPHRASE)
    return private_pem.encode("ascii"), public_pem


def test_recovery_slot_is_added_when_the_profile_is_created(tmp_path, content, password, it_keys):
    paths = AppPaths.for_basedir(tmp_path / "p")
    create_profile(paths, NewProfile("Hanne Testesen", "sundhedsplejerske"), password, Settings(),
                   Policy(recovery_public_key=it_keys[1]), kdf=FAST_KDF, content=content).lock()

    keyfile = KeyFile.load(paths.key_file)
    assert len(keyfile.recovery_slots()) == 1
    it_private = load_private_key(it_keys[0], IT_PASSPHRASE)
    assert keyfile.unwrap_with_recovery(it_private) == keyfile.unwrap_with_password(password)


def test_recovery_slot_is_added_at_unlock_when_it_configures_it_later(locked, reopen, it_keys):
    assert KeyFile.load(locked.key_file).recovery_slots() == []

    reopen(policy=Policy(recovery_public_key=it_keys[1])).lock()
    assert len(KeyFile.load(locked.key_file).recovery_slots()) == 1

    # Once is enough: the next unlock does not add a second slot for the same key.
    reopen(policy=Policy(recovery_public_key=it_keys[1])).lock()
    assert len(KeyFile.load(locked.key_file).recovery_slots()) == 1


def test_recovery_with_the_private_key_sets_a_new_password(locked, reopen, it_keys):
    reopen(policy=Policy(recovery_public_key=it_keys[1])).lock()
    clock = FakeClock()
    for attempt in range(3):  # she has forgotten it, and is now made to wait
        with pytest.raises(WrongPasswordError):
            reopen(f"noget hun troede det var {attempt}", clock=clock)

    recover_with_private_key(locked, it_keys[0], IT_PASSPHRASE, NEW_PASSWORD, Policy(), kdf=FAST_KDF)

    # The wait is lifted at once; the forgotten password is gone, the new one opens the records.
    with pytest.raises(WrongPasswordError):
        reopen(PASSWORD, clock=clock)
    ws = reopen(NEW_PASSWORD, clock=clock)
    assert ws.cases.search(CaseFilter()).total == 1  # records not yet synced are kept
    assert UnlockThrottle(locked.key_file).failures == 0


def test_recovery_with_a_key_that_was_never_registered_fails(locked, reopen, it_keys):
    reopen(policy=Policy(recovery_public_key=it_keys[1])).lock()
    other_private, _ = generate_keypair("en helt anden nøgle")
    before = locked.key_file.read_bytes()

    with pytest.raises(WrongPasswordError):
        recover_with_private_key(locked, other_private.encode(), "en helt anden nøgle", NEW_PASSWORD,
                                 Policy(), kdf=FAST_KDF)

    assert locked.key_file.read_bytes() == before


def test_recovery_with_the_wrong_passphrase_is_a_known_error(locked, reopen, it_keys):
    reopen(policy=Policy(recovery_public_key=it_keys[1])).lock()
    before = locked.key_file.read_bytes()

    with pytest.raises(WrongPasswordError):
        recover_with_private_key(locked, it_keys[0], "ikke den rigtige", NEW_PASSWORD, Policy(), kdf=FAST_KDF)

    assert locked.key_file.read_bytes() == before


# ---- the growing wait after wrong passwords


def a_key_file(folder) -> Path:  # type: ignore[no-untyped-def]
    path = folder / "tovholder.key.json"
    keyfile = KeyFile(profile_id="p1")
    keyfile.set_password(new_data_key(), PASSWORD, FAST_KDF)
    keyfile.save(path)
    return path


def test_three_tries_are_free_then_the_wait_doubles_up_to_the_cap(tmp_path):
    clock = FakeClock()
    throttle = UnlockThrottle(a_key_file(tmp_path), clock=clock)

    waits = [throttle.record_failure() for _ in range(10)]

    assert waits == [0, 0, 5, 10, 20, 40, 80, 160, 300, 300]
    assert throttle_module.MAX_DELAY_SECONDS == 300


def test_wait_counts_down_with_the_clock_and_survives_a_restart(tmp_path):
    clock = FakeClock()
    state = a_key_file(tmp_path)
    for _ in range(3):
        UnlockThrottle(state, clock=clock).record_failure()

    restarted = UnlockThrottle(state, clock=clock)  # a new app start reads the same key file
    assert restarted.failures == 3
    assert restarted.seconds_to_wait() == 5
    clock.advance(4.5)
    assert restarted.seconds_to_wait() == 1
    clock.advance(0.5)
    assert restarted.seconds_to_wait() == 0


def test_unlock_refuses_while_waiting_even_with_the_right_password(locked, reopen):
    clock = FakeClock()
    for attempt in range(3):
        with pytest.raises(WrongPasswordError) as caught:
            reopen(f"forkert nummer {attempt}", clock=clock)
    assert caught.value.params == {"seconds": 5}

    with pytest.raises(UnlockThrottledError) as throttled:
        reopen(clock=clock)
    assert throttled.value.params == {"seconds": 5}
    assert UnlockThrottle(locked.key_file).failures == 3  # waiting is not another failure

    clock.advance(5)
    reopen(clock=clock).lock()
    assert UnlockThrottle(locked.key_file).failures == 0  # reset on success


def test_fourth_wrong_password_doubles_the_wait(locked, reopen):
    clock = FakeClock()
    for attempt in range(3):
        with pytest.raises(WrongPasswordError):
            reopen(f"forkert nummer {attempt}", clock=clock)
    clock.advance(5)

    with pytest.raises(WrongPasswordError) as caught:
        reopen("forkert igen", clock=clock)

    assert caught.value.params == {"seconds": 10}
    clock.advance(9)
    with pytest.raises(UnlockThrottledError):
        reopen(clock=clock)


# ---- the database key


def test_database_opened_with_the_wrong_raw_key_is_refused_untouched(locked):
    before = locked.database.read_bytes()

    with pytest.raises(DatabaseOpenError):
        open_engine(locked.database, os.urandom(32))
    with pytest.raises(DatabaseOpenError):
        open_engine(locked.database, None)  # nor is it readable as plain SQLite

    assert locked.database.read_bytes() == before


def test_database_file_is_encrypted_from_the_first_byte(locked):
    assert not locked.database.read_bytes().startswith(b"SQLite format 3")


# ---- password advice


@pytest.mark.parametrize(
    ("password", "acceptable", "hint"),
    [
        ("sommer2024", False, "This is a very common password. Choose another."),
        ("Kodeord123", False, "This is a very common password. Choose another."),
        ("Vq7#pz", False, "Use at least {min} characters."),
        ("HanneTestesen!2025", False, "Do not build the password from your own name."),
        ("kaffe cykel regnvejr 7", True, None),
        ("Trappe, sommerfugl & havregrød", True, None),
    ],
    ids=["common", "common with digits", "too short", "own name", "passphrase", "long sentence"],
)
def test_password_assessment(password, acceptable, hint):
    verdict = assess(password, min_length=10, personal_words=("Hanne Testesen",))

    assert verdict.acceptable is acceptable
    if hint is None:
        assert verdict.score >= 3
    else:
        assert hint in verdict.hints


def test_a_repeated_or_sequential_password_gets_a_low_score():
    assert assess("aaaaaaaaaaaa").acceptable is False
    assert assess("abcd1234efgh").score < assess("kaffe cykel regnvejr 7").score


def test_deleting_files_beside_the_key_file_does_not_reset_the_wait(locked, reopen):
    clock = FakeClock()
    for attempt in range(3):
        with pytest.raises(WrongPasswordError):
            reopen(f"forkert nummer {attempt}", clock=clock)
    for leftover in locked.data_dir.glob("*.json"):
        if leftover != locked.key_file:
            leftover.unlink()
    locked.unlock_state.unlink(missing_ok=True)

    with pytest.raises(UnlockThrottledError) as throttled:
        reopen(clock=clock)
    assert throttled.value.params == {"seconds": 5}


def test_the_count_cannot_be_edited_without_damaging_the_key_file(locked, reopen):
    clock = FakeClock()
    for attempt in range(3):
        with pytest.raises(WrongPasswordError):
            reopen(f"forkert nummer {attempt}", clock=clock)
    raw = json.loads(locked.key_file.read_text())
    raw["unlock"]["failures"] = 0
    locked.key_file.write_text(json.dumps(raw))

    with pytest.raises(KeyFileError):
        reopen(clock=clock)


def test_a_count_kept_by_an_older_version_still_counts_and_moves_into_the_key_file(locked, reopen):
    clock = FakeClock()
    locked.unlock_state.write_text(json.dumps({"failures": 4, "last_failure": clock()}))

    with pytest.raises(UnlockThrottledError) as throttled:
        reopen(clock=clock)
    assert throttled.value.params == {"seconds": 10}
    clock.advance(10)
    with pytest.raises(WrongPasswordError):
        reopen("forkert igen", clock=clock)
    assert not locked.unlock_state.exists()
    assert KeyFile.load(locked.key_file).unlock["failures"] == 5

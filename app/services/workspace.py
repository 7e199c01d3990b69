"""Creating, unlocking and locking a profile; the ``Workspace`` is the unlocked profile.

First start: ``create_profile`` makes a random data key, wraps it under her password (and IT's
recovery key, if configured), creates the encrypted database and records her profile. Later starts:
``unlock`` checks the password (with a growing wait after failures), migrates the database with a
backup first, and opens it. ``Workspace.lock`` closes everything.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app.content.library import ContentLibrary, parse_file
from app.content.reader import read_bytes as read_content_bytes
from app.core.diskspace import SpaceReserve
from app.core.errors import (
    QT_TRANSLATE_NOOP,
    AuditTrailBrokenError,
    DatabaseOpenError,
    KeyFileError,
    KnownError,
    UnlockThrottledError,
    ValidationError,
    WrongPasswordError,
)
from app.core.fileio import atomic_write_bytes
from app.core.paths import AppPaths
from app.core.resources import content_dir
from app.core.settings import Policy, Settings
from app.models import Actor, Profile
from app.models.audit import append_audit
from app.models.profile import ROLES
from app.security.anchor import Anchor, Position, anchor_key, write_anchor
from app.security.kdf import KdfParams
from app.security.keyfile import KeyFile, new_data_key
from app.security.passwords import PasswordAssessment, assess
from app.security.throttle import UnlockThrottle
from app.services import audit_check
from app.services.cases.course import CourseService
from app.services.cases.dto import NewProfile, ProfileInfo
from app.services.cases.service import CaseService
from app.services.context import ServiceContext
from app.services.conversation.plan import PlanService
from app.services.conversation.service import ConversationService
from app.services.conversation.summary import SummaryService
from app.services.drafts import DraftService
from app.services.network.exchange import NetworkFileService
from app.services.network.partners import PartnerService
from app.services.network.service import NetworkService
from app.services.store import Store, open_existing, open_store
from app.services.validation import check_email, check_phone, required_text

log = logging.getLogger(__name__)

# While she works, the audit anchor follows the newest committed entry at most this often (a file write
# and fsync on the lane, about a millisecond); at lock and quit it always does.
ANCHOR_EVERY_S = 300.0


@dataclass
class Workspace:
    """An unlocked profile: its store, content and services. Drop it with ``lock()``."""

    paths: AppPaths
    settings: Settings
    policy: Policy
    content: ContentLibrary
    store: Store
    profile: ProfileInfo
    today: Callable[[], date] = field(default=date.today)
    # The audit anchor's key (derived from the data key; None: no anchor, e.g. a benchmark's workspace).
    anchor_key: bytes | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # The anchor as last written; moved on only after a check this session found the trail intact.
        self._anchor: Anchor | None = None
        self._anchored_at = time.monotonic()
        event.listen(self.store._sessions, "after_commit", self._committed)  # noqa: SLF001 - the store's own sessions
        ctx = ServiceContext(self.store, self.content, self.profile, self.today)
        self._ctx = ctx
        self.cases = CaseService(ctx)
        self.course = CourseService(ctx)
        self.drafts = DraftService(self.store)
        self.conversations = ConversationService(
            ctx, self.course, self.settings.conversation_guide or self.policy.conversation_guide or "standard")
        self.plans = PlanService(ctx, self.conversations)
        self.summaries = SummaryService(ctx, self.conversations)
        self.network = NetworkService(ctx)
        self.network_files = NetworkFileService(ctx, self.network)
        self.partners = PartnerService(ctx)

    def install_content(self, source: Path) -> object:
        """Take a municipality's content file (e.g. its own conversation guide) into use.

        The file is validated first; a malformed one raises ``ContentError`` (file, line, reason) and the
        current content stays in use. A valid one is copied into the municipal content folder and the
        content is reloaded. Returns the parsed item. The file is read once, within the content limits, and
        the bytes that were checked are the bytes installed.
        """
        data = read_content_bytes(source)
        item = parse_file(source, data)
        target = self.paths.municipal_content_dir / source.name
        previous = target.read_bytes() if target.is_file() else None
        atomic_write_bytes(target, data, mode=0o644)
        content = load_content(self.paths)
        rejected = next((e for e in content.rejected if e.file == source.name), None)
        if rejected is not None:
            # Put back the file of the same name it was meant to replace (or remove it if it is new).
            if previous is not None:
                atomic_write_bytes(target, previous, mode=0o644)
            else:
                target.unlink(missing_ok=True)
            raise rejected
        self.content = content
        self._ctx.content = content
        return item

    def after_unlock(self) -> None:
        """On the lane after unlock: the full integrity check if the database was too large for it at
        unlock, then the daily encrypted backup (``app/services/backups.py``)."""
        from app.services import backups

        backups.after_unlock(self.store, self.paths.backup_dir)

    def before_lock(self) -> None:
        """At lock and quit, before ``lock``: a backup if the newest is a few hours old and the disk has
        room (nothing big is written at quit on a nearly full disk)."""
        from app.services import backups

        backups.before_lock(self.store, self.paths.backup_dir)

    def lock(self) -> None:
        """Close the database; the data key leaves SQLCipher's memory. The audit anchor moves on to
        the lock's entry (if the trail was found intact at start)."""
        try:
            with self.store.unit_of_work() as session:
                append_audit(session, "profile.lock")
                newest = Position(*session.info["audit_newest"])
            if self._anchor is not None:
                self._write_anchor(Anchor(self._anchor.verified, newest))
        finally:
            self.store.close()

    def check_audit_trail(self) -> audit_check.ChainCheck:
        """Verify the audit trail from the last verified entry to the newest, compare it with the anchor
        outside the database, and move the anchor on. Run at start, on the database lane.

        Raises:
            AuditTrailBrokenError: the chain is broken, or shorter than or different from its anchor, or
                the anchor is missing or damaged. It is logged (seq numbers and action names only) and
                nothing is repaired: a broken trail leaves the anchor as it was, so every start and
                ``tovholder verify`` report it until IT has looked. A missing or damaged anchor over an
                intact chain is reported once and replaced (the damaged file kept beside it, and the
                new anchor recorded in the trail as ``audit.anchor`` with the reason).
        """
        path = self.paths.audit_anchor
        anchor, state = audit_check.load_anchor(path, self.anchor_key)
        with self.store.unit_of_work() as session:
            check = audit_check.verify_trail(session.connection(), anchor, state)
        audit_check.log_check(check)
        if check.broken_seq is not None or check.anchor_state in (audit_check.ANCHOR_TRUNCATED,
                                                                  audit_check.ANCHOR_REWRITTEN):
            raise AuditTrailBrokenError()
        if check.anchor_state == audit_check.ANCHOR_OFF:
            return check
        if check.anchor_state == audit_check.ANCHOR_OK:
            assert anchor is not None
            moved = Anchor(check.verified, check.verified)
            if moved != anchor:
                self._write_anchor(moved)
            self._anchor = moved
            return check
        # No anchor yet, or a missing or damaged one: anchor the intact chain, then say so in the trail (in
        # this order, so a trail that says it was anchored has its anchor unless someone removed it).
        if check.anchor_state == audit_check.ANCHOR_DAMAGED:
            try:
                path.replace(path.with_name(path.name + ".damaged"))
            except OSError:
                log.warning("the damaged audit anchor could not be kept aside")
        if self._write_anchor(Anchor(check.verified, check.verified)):
            with self.store.unit_of_work() as session:
                append_audit(session, audit_check.ANCHOR_ACTION, detail={"reason": check.anchor_state})
                newest = Position(*session.info["audit_newest"])
            self._anchor = Anchor(newest, newest)
            self._write_anchor(self._anchor)
        if check.anchor_state != audit_check.ANCHOR_NONE:
            raise AuditTrailBrokenError()
        return check

    def _committed(self, session: Session) -> None:
        """After a commit on the lane: every ``ANCHOR_EVERY_S`` the anchor's newest moves to the newest
        audit entry committed, so a session that ends in a crash rather than a lock is anchored too."""
        newest = session.info.get("audit_newest")
        if newest is None or self._anchor is None or time.monotonic() - self._anchored_at < ANCHOR_EVERY_S:
            return
        anchor = Anchor(self._anchor.verified, Position(*newest))
        if self._write_anchor(anchor):
            self._anchor = anchor

    def _write_anchor(self, anchor: Anchor) -> bool:
        """Write the anchor; False if the disk refused it (the next write catches up; the trail is safe)."""
        if self.anchor_key is None:
            return False
        try:
            write_anchor(self.paths.audit_anchor, self.anchor_key, anchor)
        except KnownError as exc:
            log.warning("audit anchor not written: %s", type(exc).__name__)
            return False
        self._anchored_at = time.monotonic()
        return True

    def change_password(self, old_password: str, new_password: str, kdf: KdfParams | None = None) -> None:
        """Rewrap the data key under a new password; the database itself is not re-encrypted."""
        check_new_password(new_password, self.policy, (self.profile.name,))
        keyfile = KeyFile.load(self.paths.key_file)
        data_key = _unwrap(self.paths, keyfile, old_password)
        keyfile.set_password(data_key, new_password, kdf or KdfParams())
        keyfile.save(self.paths.key_file)
        with self.store.unit_of_work() as session:
            append_audit(session, "profile.password_changed")


PROFILE_ROLES = ROLES


def password_assessment(password: str, policy: Policy, personal_words: tuple[str, ...] = ()) -> PasswordAssessment:
    """Strength advice for a new password, as the setup and settings screens show it."""
    return assess(password, policy.min_password_length, personal_words)


def device_id(paths: AppPaths, settings: Settings) -> str:
    """This laptop's id, made once and kept in the settings (it is not personal data)."""
    if not settings.device_id:
        settings.device_id = str(uuid.uuid4())
        settings.save(paths.settings_file)
    return settings.device_id


def can_be_recovered(paths: AppPaths) -> bool:
    """IT can open this profile again if she forgets her password: its key file holds the data key
    wrapped to the municipal recovery key. (A recovery key only in the policy is added at her next
    unlock, which needs the password, so it does not count yet.)"""
    try:
        return bool(KeyFile.load(paths.key_file).recovery_slots())
    except KnownError:
        return False


def recovery_key_in_policy(policy: Policy) -> bool:
    """The policy holds a municipal recovery key that a new profile's data key can be wrapped to."""
    from app.security.recovery import load_public_key

    try:
        return bool(policy.recovery_public_key) and load_public_key(policy.recovery_public_key) is not None
    except ValueError:
        return False


def profile_exists(paths: AppPaths) -> bool:
    return paths.has_profile()


def check_new_password(password: str, policy: Policy, personal_words: tuple[str, ...] = ()) -> None:
    verdict = assess(password, policy.min_password_length, personal_words)
    if not verdict.acceptable:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "Choose a stronger password (see the advice under the field)."),
            field="password",
        )


def load_content(paths: AppPaths) -> ContentLibrary:
    return ContentLibrary.load(content_dir(), [paths.municipal_content_dir])


def create_profile(
    paths: AppPaths,
    new: NewProfile,
    password: str,
    settings: Settings,
    policy: Policy,
    kdf: KdfParams | None = None,
    content: ContentLibrary | None = None,
    today: Callable[[], date] = date.today,
    require_strong_password: bool = True,
) -> Workspace:
    """Set up the profile on first start and return it unlocked.

    ``require_strong_password=False`` is for the demo command only, where the password is given on
    the command line for a profile that holds nothing but synthetic families.
    """
    name = required_text(new.name, "name")
    if new.role not in ROLES:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose your role."), field="role")
    check_email(new.email)
    check_phone(new.phone)
    if require_strong_password:
        check_new_password(password, policy, (name,))
    elif not password:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This field must be filled in."), field="password")
    paths.ensure()
    pending_key = paths.key_file.with_name(paths.key_file.name + ".new")
    if paths.key_file.exists():
        raise KeyFileError(QT_TRANSLATE_NOOP("Errors", "A profile already exists on this laptop."))
    if paths.database.exists():
        if not pending_key.exists():
            raise KeyFileError()
        # A first start that was interrupted before it finished: nothing was ever saved in it.
        for leftover in (paths.database, paths.database.with_name(paths.database.name + "-wal"),
                         paths.database.with_name(paths.database.name + "-shm")):
            leftover.unlink(missing_ok=True)
    profile_id = str(uuid.uuid4())
    data_key = new_data_key()
    keyfile = KeyFile(profile_id=profile_id)
    keyfile.set_password(data_key, password, kdf or KdfParams())
    _add_recovery(keyfile, data_key, policy)
    # The key file is written under a temporary name and moved into place last, so a crash during
    # the first start never leaves a database without its key (or a key without its database).
    keyfile.save(pending_key)
    actor = Actor(user_id=profile_id, device_id=device_id(paths, settings))
    store = open_store(paths.database, data_key, actor, paths.backup_dir, create=True,
                       reserve=SpaceReserve(paths.space_reserve))
    try:
        with store.unit_of_work() as session:
            session.add(Profile(id=profile_id, name=name, role=new.role, organisation=new.organisation.strip(),
                                phone=new.phone.strip(), email=new.email.strip()))
            session.flush()
            append_audit(session, "profile.create")
        pending_key.replace(paths.key_file)
        SpaceReserve(paths.space_reserve).make()  # room to give back when the disk is full one day
    except BaseException:
        store.close()
        raise
    info = ProfileInfo(profile_id, name, new.role, new.organisation.strip(), new.phone.strip(), new.email.strip())
    return Workspace(paths, settings, policy, content or load_content(paths), store, info, today,
                     anchor_key=anchor_key(data_key))


def _add_recovery(keyfile: KeyFile, data_key: bytes, policy: Policy) -> bool:
    """Wrap the data key to IT's recovery key if the policy has one; True if the key file changed.

    A malformed key in the policy is IT's mistake, not hers: it is logged and she carries on.
    """
    if not policy.recovery_public_key:
        return False
    try:
        return keyfile.add_recovery(data_key, policy.recovery_public_key)
    except ValueError:
        log.error("the recovery public key in the policy is not a valid X25519 key; not added")
        return False


def _unwrap(paths: AppPaths, keyfile: KeyFile, password: str, clock: Callable[[], float] | None = None) -> bytes:
    throttle = UnlockThrottle(paths.key_file, **({"clock": clock} if clock else {}))
    wait = throttle.seconds_to_wait()
    if wait > 0:
        raise UnlockThrottledError(seconds=wait)
    try:
        data_key = keyfile.unwrap_with_password(password)
    except WrongPasswordError:
        wait = throttle.record_failure()
        if wait > 0:
            raise WrongPasswordError(
                QT_TRANSLATE_NOOP("Errors", "The password is not correct. Wait {seconds} seconds before the next try."),
                seconds=wait,
            ) from None
        raise
    throttle.reset()
    keyfile.unlock = {}  # as the reset wrote it, so a later save of this key file keeps it at 0
    return data_key


def unlock(
    paths: AppPaths,
    password: str,
    settings: Settings,
    policy: Policy,
    content: ContentLibrary | None = None,
    clock: Callable[[], float] | None = None,
    today: Callable[[], date] = date.today,
) -> Workspace:
    """Open the profile with her password.

    Raises:
        UnlockThrottledError: too many wrong tries; wait first.
        WrongPasswordError: the password is wrong (nothing was touched).
        KeyFileError: the key file is missing or damaged (nothing was touched).
        DatabaseOpenError / DatabaseTooNewError: the database cannot be opened by this app.
    """
    keyfile = KeyFile.load(paths.key_file)
    data_key = _unwrap(paths, keyfile, password, clock)
    if _add_recovery(keyfile, data_key, policy):
        keyfile.save(paths.key_file)
    if not paths.database.exists():
        raise DatabaseOpenError()
    actor = Actor(user_id=keyfile.profile_id, device_id=device_id(paths, settings))

    def first_read(session) -> ProfileInfo:  # type: ignore[no-untyped-def]
        row = session.execute(select(Profile).where(Profile.id == keyfile.profile_id)).scalar_one_or_none()
        if row is None:
            raise DatabaseOpenError()
        append_audit(session, "profile.unlock")
        return ProfileInfo(row.id, row.name, row.role, row.organisation, row.phone, row.email)

    # Checked before anything is written to it; on a full disk the space reserve makes room.
    store, info = open_existing(paths.database, data_key, actor, paths.backup_dir,
                                SpaceReserve(paths.space_reserve), first_read)
    return Workspace(paths, settings, policy, content or load_content(paths), store, info, today,
                     anchor_key=anchor_key(data_key))


def recover_with_private_key(paths: AppPaths, private_key_pem: bytes, passphrase: str, new_password: str,
                             policy: Policy, kdf: KdfParams | None = None) -> None:
    """IT's recovery: open the data key with the municipal private key and set a new password."""
    from app.security.recovery import load_private_key

    check_new_password(new_password, policy)
    keyfile = KeyFile.load(paths.key_file)
    try:
        private_key = load_private_key(private_key_pem, passphrase)
    except (TypeError, ValueError) as exc:  # wrong passphrase, or not a recovery private key
        raise WrongPasswordError(
            "The passphrase does not open this recovery key file."  # shown to IT in the terminal
        ) from exc
    data_key = keyfile.unwrap_with_recovery(private_key)
    keyfile.set_password(data_key, new_password, kdf or KdfParams())
    keyfile.save(paths.key_file)
    UnlockThrottle(paths.key_file).reset()


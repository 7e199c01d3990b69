"""Nothing personal reaches the disk in plain text.

A profile is filled with canaries (made-up names, an address, notes, a draft, a CPR number, all
unique random strings made at run time), edited and saved; an exception quoting a canary is logged
through the app's logging. Then every file under the profile's folder (database, WAL, shared memory,
key file, settings, logs, backups) is searched for every canary, in UTF-8 and UTF-16-LE, as typed,
case-folded and upper-cased: while the store is open and after it is locked. A positive control
runs the same search over a plain SQLite database holding the same canaries, and finds them.
"""

from __future__ import annotations

import io
import logging
import random
import string
from dataclasses import dataclass
from datetime import date

import pytest

from app.core.errors import ValidationError
from app.core.logging_setup import setup_logging
from app.core.paths import AppPaths
from app.core.settings import Policy, Settings
from app.models import Actor
from app.security.kdf import FAST_KDF
from app.services.cases import dto
from app.services.cases.service import CaseService
from app.services.context import ServiceContext
from app.services.store import backup_database, open_store
from app.services.workspace import create_profile
from tests.conftest import PASSWORD, TODAY
from tests.helpers.families import cpr_for
from tests.helpers.files import encodings, find_in_files


@dataclass(frozen=True)
class Canaries:
    """Unique strings that must never be found in plain text on the disk."""

    surname: str
    new_surname: str
    mother: str
    child: str
    street: str
    note: str
    draft: str
    consent_by: str
    tovholder: str
    profile: str
    email: str
    cpr: str

    def all(self) -> list[str]:
        values = list(vars(self).values())
        return values + [self.cpr.replace("-", "")]


def _word(rng: random.Random, prefix: str) -> str:
    return prefix + "".join(rng.choices(string.ascii_lowercase + "æøå", k=10))


@pytest.fixture
def canaries() -> Canaries:
    rng = random.Random()  # different every run: nothing can be "known" to the code
    return Canaries(
        surname=_word(rng, "Qzvark"),
        new_surname=_word(rng, "Qzvarkny"),
        mother=_word(rng, "Mqzv"),
        child=_word(rng, "Bqzv"),
        street=_word(rng, "Vqzv") + "vej",
        note=_word(rng, "Nqzv") + " har brug for ro",
        draft=_word(rng, "Dqzv"),
        consent_by=_word(rng, "Sqzv"),
        tovholder=_word(rng, "Tqzv"),
        profile=_word(rng, "Pqzv"),
        email=_word(rng, "eqzv") + "@example.invalid",
        cpr=cpr_for(date(2017, 4, 3), seed=rng.randrange(10**6)),
    )


@pytest.fixture
def app_logging():
    """The app's own logging (``setup_logging``); its handlers are removed again afterwards."""
    root = logging.getLogger()
    level = root.level
    yield setup_logging
    root.setLevel(level)
    for handler in list(root.handlers):
        if getattr(handler, "_tovholder", False):
            root.removeHandler(handler)
            handler.close()


def _new_case(c: Canaries) -> dto.NewCase:
    return dto.NewCase(
        family_name=f"Familien {c.surname}",
        template_id="svendborg",
        referral=dto.ReferralInput("school", date(2026, 11, 10), organisation="Fjordskolen",
                                   reason=c.note, channel="phone"),
        members=(
            dto.MemberInput("mor", c.mother, c.surname, birth_date=date(1989, 6, 1), email=c.email,
                            phone="22 33 44 55", note=c.note),
            dto.MemberInput("barn", c.child, c.surname, cpr=c.cpr,
                            diagnoses=(dto.DiagnosisInput("Epilepsi", "DG40"),)),
        ),
        address=f"{c.street} 12",
        postal_code="5700",
        city="Svendborg",
        note=c.note,
    )


def _use_the_profile(ws, c: Canaries) -> None:
    """Everything she would do with a family in a morning, canaries everywhere."""
    ws.drafts.save("new_case", "new_case", {"family_name": c.draft, "note": c.note, "cpr": c.cpr})
    overview = ws.cases.create_case(_new_case(c))
    ws.cases.overview(overview.id, via_search=c.surname)
    ws.cases.record_search(c.surname)
    ws.cases.update_household(overview.id, dto.HouseholdInput(f"Familien {c.new_surname}", f"{c.street} 14",
                                                              "5700", "Svendborg", note=c.note))
    mother = overview.members[0]
    ws.cases.save_member(overview.id, dto.MemberInput("mor", c.mother, c.new_surname, birth_date=mother.birth_date,
                                                      email=c.email, id=mother.id))
    ws.course.record_consent(overview.id, dto.ConsentInput(c.consent_by, date(2026, 11, 11), "signed",
                                                           (dto.ScopeInput("participation"),), note=c.note))
    ws.course.assign_tovholder(overview.id, dto.TovholderInput(
        date(2026, 11, 12), c.note, True, person_name=c.tovholder, person_role="sagsbehandler"))
    ws.drafts.save("member:x", "member", {"first_name": c.child, "note": c.note}, case_id=overview.id)
    ws.drafts.discard("new_case")
    assert [d.key for d in ws.drafts.all()] == ["member:x"]


def _log_the_canaries(c: Canaries) -> None:
    """Errors as the app logs them: messages that quote what she typed, a CPR in a log line."""
    log = logging.getLogger("app.ui.test")
    try:
        raise ValueError(f"could not save {c.surname} at {c.street}, child {c.cpr}")
    except ValueError:
        log.exception("saving the household failed")
    try:
        try:
            raise KeyError(c.child)
        except KeyError as inner:
            raise ValidationError("{name} is registered as an older sibling", name=c.mother) from inner
    except ValidationError:
        log.exception("member dialog refused the input")
    log.warning("search for %s gave no result", c.cpr)  # a careless log line; the CPR is scrubbed
    for handler in logging.getLogger().handlers:
        handler.flush()


def test_no_canary_is_in_any_file_while_open_and_after_lock(tmp_path, content, canaries, app_logging):
    c = canaries
    paths = AppPaths.for_basedir(tmp_path / "profile")
    paths.ensure()
    app_logging(paths.log_file)
    ws = create_profile(paths, dto.NewProfile(f"Hanne {c.profile}", "sundhedsplejerske", "Sundhedsplejen",
                                              "12345678", c.email),
                        PASSWORD, Settings(), Policy(), kdf=FAST_KDF, content=content,
                        today=lambda: TODAY)
    base = paths.data_dir.parent
    try:
        _use_the_profile(ws, c)
        _log_the_canaries(c)
        backup_database(paths.database, paths.backup_dir)  # as before a migration

        present = {p.relative_to(base).as_posix() for p in base.rglob("*") if p.is_file()}
        assert {"data/tovholder.db", "data/tovholder.db-wal", "data/tovholder.db-shm", "data/tovholder.key.json",
                "config/settings.json", "logs/tovholder.log"} <= present
        assert any(name.startswith("data/backups/") for name in present)
        assert "saving the household failed" in paths.log_file.read_text("utf-8")  # the log was written
        assert find_in_files(base, c.all()) == []
    finally:
        ws.lock()

    assert not (paths.data_dir / "tovholder.db-wal").exists()
    assert find_in_files(base, c.all()) == []


def test_positive_control_the_same_search_finds_canaries_in_a_plain_database(tmp_path, content, canaries):
    c = canaries
    profile = dto.ProfileInfo("p-1", "Hanne", "sundhedsplejerske", "", "", "")
    store = open_store(tmp_path / "plain.db", None, Actor("p-1", "d-1"), tmp_path / "backups")
    try:
        CaseService(ServiceContext(store, content, profile, lambda: TODAY)).create_case(_new_case(c))
        hits = find_in_files(tmp_path, c.all())
    finally:
        store.close()

    assert {c.surname, c.mother, c.child, c.street, c.note, c.email, c.cpr, c.cpr.replace("-", "")} <= {
        needle for _, needle in hits}


@pytest.mark.parametrize("form", ["utf-16-le", "case-folded", "upper-case"])
def test_positive_control_the_search_finds_every_byte_form(tmp_path, canaries, form):
    text = canaries.surname
    data = {
        "utf-16-le": text.encode("utf-16-le"),
        "case-folded": text.casefold().encode("utf-8"),
        "upper-case": text.upper().encode("utf-16-le"),
    }[form]
    (tmp_path / "page.bin").write_bytes(b"\x00\x01" + data + b"\xff")

    assert data in encodings(text)
    assert find_in_files(tmp_path, [text]) == [("page.bin", text)]


def test_log_leaves_exception_messages_out_even_if_another_handler_formatted_them_first(
        tmp_path, canaries, app_logging):
    log_file = tmp_path / "logs" / "tovholder.log"
    app_logging(log_file)
    root = logging.getLogger()
    ours = [h for h in root.handlers if getattr(h, "_tovholder", False)]
    console = logging.StreamHandler(io.StringIO())  # e.g. a developer's console handler
    root.handlers.insert(0, console)
    try:
        try:
            raise ValueError(f"bad input {canaries.child}")
        except ValueError:
            logging.getLogger("app.services.test").exception("saving failed")
    finally:
        root.removeHandler(console)
    for handler in ours:
        handler.flush()

    assert canaries.child in console.stream.getvalue()  # the other handler saw the message ...
    text = log_file.read_text("utf-8")
    assert "builtins.ValueError: (message left out" in text
    assert canaries.child not in text  # ... our log file does not

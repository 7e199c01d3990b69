"""Exports go where she means them to, once, and on the record (issue 9, section 4):

* no export replaces a file unless she confirmed it: two families with the same name, two PDFs the same
  day, both kept (" (2)");
* an export exists on the disk only if its audit entry is committed: with the audit write or the commit
  failing, the summary PDF, the map PNG, PDF and JSON leave no file at all, not even a temporary one;
* file names carry the kind, the date and the family's initials, nothing more;
* the default folder is never a git checkout.
"""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.core.errors import ExportFileError, StorageError
from app.core.settings import Settings
from app.services import exports
from app.services.exports import (
    ExportFile,
    default_export_folder,
    export_file_name,
    family_initials,
    free_path,
    in_git_work_tree,
)
from tests.helpers.conversation import _started
from tests.helpers.db import audit_entries
from tests.helpers.network import _case, person
from tests.helpers.pdf import text_in_pdf

# ---- the four exports, as the windows ask for them


def _summary(ws, surname: str = "Skovbjerg"):  # type: ignore[no-untyped-def]
    _, view = _started(ws, surname=surname)
    ws.conversations.save_what_matters(view.id, f"Ro om morgenen hos {surname}")
    return view.id


def _map(ws, surname: str = "Skovbjerg") -> str:  # type: ignore[no-untyped-def]
    case_id = _case(ws, surname)
    ws.network.add_person(case_id, person("Mormor Inge", phone="12 34 56 78"))
    return case_id


def _export(ws, kind: str, record_id: str, target: Path, replace: bool = False) -> Path:  # type: ignore[no-untyped-def]
    if kind == "summary pdf":
        return ws.summaries.save_pdf(record_id, target, "da", replace=replace)
    if kind == "map png":
        return ws.network.write_export(record_id, target, b"\x89PNG\r\n\x1a\n" + record_id.encode(), "png", False,
                                       replace=replace)
    if kind == "map pdf":
        return ws.network.export_pdf(record_id, target, False, "da", replace=replace)
    return ws.network_files.export_json(record_id, target, False, replace=replace)


KINDS = {"summary pdf": ("conversation.export", "pdf"), "map png": ("network.export", "png"),
         "map pdf": ("network.export", "pdf"), "map json": ("network.export", "json")}


def _record(ws, kind: str, surname: str = "Skovbjerg") -> str:  # type: ignore[no-untyped-def]
    return _summary(ws, surname) if kind == "summary pdf" else _map(ws, surname)


@pytest.mark.parametrize("kind", KINDS)
def test_two_families_with_the_same_name_exported_the_same_day_are_both_kept(workspace, tmp_path, kind):
    action, suffix = KINDS[kind]
    first, second = _record(workspace, kind, "Hansen"), _record(workspace, kind, "Hansen")
    if kind == "summary pdf":  # the second family's words differ from the first's
        workspace.conversations.save_what_matters(second, "Søvn for hele familien")
    else:
        workspace.network.add_person(second, person("Naboen Jens"))
    folder = tmp_path / "Tovholder"
    folder.mkdir()
    target = folder / f"samme navn.{suffix}"

    one = _export(workspace, kind, first, target)
    two = _export(workspace, kind, second, target)  # the same name proposed again

    assert one == target and two == folder / f"samme navn (2).{suffix}"
    assert sorted(p.name for p in folder.iterdir()) == [f"samme navn (2).{suffix}", f"samme navn.{suffix}"]
    assert one.read_bytes() != two.read_bytes()  # the first family's file is still the first family's
    for path in (one, two):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(audit_entries(workspace, action)) == 2


def test_the_second_summary_pdf_keeps_the_first_familys_words(workspace, tmp_path):
    first, second = _summary(workspace, "Hansen"), _summary(workspace, "Hansen")
    target = tmp_path / "Samtale.pdf"
    # The second conversation's words differ only by an added word, so each file is told apart by its text.
    workspace.conversations.save_what_matters(second, "Ro om morgenen hos Hansen og Lærke")

    one = workspace.summaries.save_pdf(first, target)
    two = workspace.summaries.save_pdf(second, target)

    assert "og Lærke" not in text_in_pdf(one.read_bytes())
    assert "og Lærke" in text_in_pdf(two.read_bytes())


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_she_confirmed_in_the_save_dialog_is_replaced(workspace, tmp_path, kind):
    record = _record(workspace, kind)
    target = tmp_path / "exports" / f"kort.{KINDS[kind][1]}"
    target.parent.mkdir()
    target.write_bytes(b"an older export")

    written = _export(workspace, kind, record, target, replace=True)

    assert written == target and target.read_bytes() != b"an older export"
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left behind
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.parametrize("failure", ["audit write", "commit"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_export_whose_audit_entry_is_not_committed_leaves_no_file(workspace, tmp_path, monkeypatch, kind,
                                                                    failure):
    action, suffix = KINDS[kind]
    record = _record(workspace, kind)
    folder = tmp_path / "exports"
    folder.mkdir()
    before = [e.seq for e in audit_entries(workspace)]
    staged: list[Path] = []
    real_stage = ExportFile.stage

    def stage(self, content):  # type: ignore[no-untyped-def]
        real_stage(self, content)
        staged.extend(folder.iterdir())  # the bytes were on the disk, as a temporary file

    monkeypatch.setattr(ExportFile, "stage", stage)
    if failure == "audit write":
        module = "app.services.conversation.summary" if kind == "summary pdf" else "app.services.network.service"

        def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise StorageError()

        monkeypatch.setattr(f"{module}.append_audit", refuse)
    else:
        real_commit = Session.commit

        def commit(self):  # type: ignore[no-untyped-def]
            if staged:  # the export's own transaction, with its audit entry
                raise OperationalError("COMMIT", {}, Exception("disk I/O error"))
            real_commit(self)

        monkeypatch.setattr(Session, "commit", commit)

    with pytest.raises(StorageError):
        _export(workspace, kind, record, folder / f"Familien Skovbjerg.{suffix}")

    monkeypatch.undo()
    assert len(staged) == 1 and staged[0].name.startswith(exports.TEMP_PREFIX)
    assert list(folder.iterdir()) == []  # neither the file nor its temporary copy
    assert [e.seq for e in audit_entries(workspace)] == before


def test_a_full_disk_while_writing_leaves_nothing_and_says_so(workspace, tmp_path, monkeypatch):
    case_id = _map(workspace)
    real_write = os.write

    def full(fd, data):  # type: ignore[no-untyped-def]
        real_write(fd, bytes(data[:10]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exports.os, "write", full)
    with pytest.raises(ExportFileError) as caught:
        workspace.network_files.export_json(case_id, tmp_path / "exports" / "kort.json", False)

    assert caught.value.message == ExportFileError.disk_full
    assert list((tmp_path / "exports").iterdir()) == []
    assert audit_entries(workspace, "network.export") == []


def test_a_temporary_file_left_by_a_crash_is_removed_by_the_next_export(tmp_path):
    stale = tmp_path / f"{exports.TEMP_PREFIX}0123456789abcdef{exports.TEMP_SUFFIX}"
    stale.write_bytes(b"names from a crash before the commit")
    old = stale.stat().st_mtime - exports.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    fresh = tmp_path / f"{exports.TEMP_PREFIX}fedcba9876543210{exports.TEMP_SUFFIX}"
    fresh.write_bytes(b"another export on its way")

    with ExportFile(tmp_path / "kort.json") as export:
        export.stage(b"{}")

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["kort.json", fresh.name])


def test_without_hard_links_a_taken_name_is_still_never_replaced(tmp_path, monkeypatch):
    def no_links(*args):  # type: ignore[no-untyped-def]
        raise PermissionError(1, "Operation not permitted")  # FAT/exFAT, some network shares

    monkeypatch.setattr(exports.os, "link", no_links)
    (tmp_path / "kort.json").write_bytes(b"hers")

    with ExportFile(tmp_path / "kort.json") as export:
        export.stage(b"new")

    assert export.path == tmp_path / "kort (2).json"
    assert (tmp_path / "kort.json").read_bytes() == b"hers" and export.path.read_bytes() == b"new"


# ---- names and folders


def test_file_names_carry_the_kind_the_date_and_the_familys_initials_only():
    day = date(2026, 11, 22)
    assert export_file_name("conversation", day, "Familien Nørgaard", "pdf") == "Samtale 2026-11-22 N.pdf"
    assert export_file_name("network_map", day, "Familien Hansen-Østergaard", "png") == (
        "Netværkskort 2026-11-22 HØ.png")
    assert export_file_name("network_map", day, "Familien Holm", "pdf", sharing=True) == (
        "Netværkskort 2026-11-22 H til deling.pdf")
    assert export_file_name("conversation", day, "Familien Holm", "pdf", "en") == "Conversation 2026-11-22 H.pdf"
    assert export_file_name("network_map", day, "Familien Holm", "json", "en", True) == (
        "Network map 2026-11-22 H for sharing.json")
    assert family_initials("ليلى حسن") == "لح"
    assert family_initials("Familien a/b: c") == "AC"  # no separator ever reaches the name
    assert export_file_name("conversation", day, "", "pdf") == "Samtale 2026-11-22.pdf"
    for name in ("Nørgaard", "Hansen", "Østergaard"):
        assert name not in export_file_name("network_map", day, f"Familien {name}", "pdf")


def test_the_proposed_name_is_a_free_one(tmp_path):
    target = tmp_path / "Samtale 2026-11-22 N.pdf"
    assert free_path(target) == target
    target.write_bytes(b"")
    (tmp_path / "Samtale 2026-11-22 N (2).pdf").write_bytes(b"")
    assert free_path(target) == tmp_path / "Samtale 2026-11-22 N (3).pdf"


def test_the_default_folder_is_documents_tovholder_and_never_a_git_checkout(tmp_path):
    documents, home = tmp_path / "home" / "Dokumenter", tmp_path / "home"
    documents.mkdir(parents=True)
    assert default_export_folder("", documents, home) == documents / "Tovholder"
    assert default_export_folder(str(tmp_path / "Eksport"), documents, home) == tmp_path / "Eksport"

    checkout = tmp_path / "repo"
    (checkout / ".git").mkdir(parents=True)
    assert in_git_work_tree(checkout / "demo-profile" / "Tovholder")
    # A chosen folder or a documents folder inside a checkout is passed over.
    assert default_export_folder(str(checkout / "ud"), checkout / "docs", home) == home / "Tovholder"
    assert not in_git_work_tree(home / "Tovholder")
    assert default_export_folder("relative/folder", documents, home) == documents / "Tovholder"
    assert Path.cwd() not in (default_export_folder("", documents, home), default_export_folder("", None, home))


def test_the_default_folder_for_a_real_user_is_not_the_working_directory():
    folder = default_export_folder()
    assert folder.is_absolute() and folder != Path.cwd() and folder.name == "Tovholder"


@pytest.mark.parametrize("kind", KINDS)
def test_no_export_is_written_inside_a_git_checkout(workspace, tmp_path, kind):
    record = _record(workspace, kind)
    checkout = tmp_path / "tovholder"
    (checkout / ".git").mkdir(parents=True)
    before = [e.seq for e in audit_entries(workspace)]

    with pytest.raises(ExportFileError) as caught:
        _export(workspace, kind, record, checkout / "demo-profile" / f"kort.{KINDS[kind][1]}")

    assert caught.value.message == ExportFileError.in_git_checkout
    assert not (checkout / "demo-profile").exists()
    assert [e.seq for e in audit_entries(workspace)] == before


def test_the_export_folder_setting_survives_a_restart_and_bad_values_are_dropped(tmp_path):
    path = tmp_path / "settings.json"
    Settings(export_folder=str(tmp_path / "Eksport")).save(path)
    assert Settings.load(path).export_folder == str(tmp_path / "Eksport")
    path.write_text('{"export_folder": 42}', "utf-8")
    assert Settings.load(path).export_folder == ""

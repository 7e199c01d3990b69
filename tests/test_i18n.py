"""The Danish translation is complete, keeps every placeholder, and matches the code and the .qm."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "tovholder_da.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages() -> list[tuple[str, str, ET.Element]]:
    tree = ET.parse(TS)
    found = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


def test_every_string_has_a_danish_translation():
    missing = [f"{ctx}: {src}" for ctx, src, msg in messages()
               if msg.find("translation").get("type") == "unfinished" or not (msg.findtext("translation") or "").strip()]
    assert not missing, "untranslated:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders():
    wrong = []
    for ctx, src, msg in messages():
        translation = msg.findtext("translation") or ""
        if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(translation)):
            wrong.append(f"{ctx}: {src!r} -> {translation!r}")
    assert not wrong, "\n".join(wrong)


def test_translation_files_match_the_code():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_interface_is_danish_by_default(qapp):
    from app.core.errors import WrongPasswordError
    from app.ui.common.i18n import error_text, install_translators, translate

    install_translators("da")
    assert translate("MainWindow", "+ New case") == "+ Nyt forløb"
    assert error_text(WrongPasswordError()) != WrongPasswordError.default_message
    install_translators("en")
    assert translate("MainWindow", "+ New case") == "+ New case"
    install_translators("da")

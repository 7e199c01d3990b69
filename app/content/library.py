"""All loaded content: the shipped files plus a municipality's own, newest version of each id wins.

Shipped content that fails validation is a bug and raises. A municipality's file that fails is
rejected with its ``ContentError`` (file, line, reason) and the shipped content stays in use. After
all files are read, references between files (an offer's diagnoses and problem areas) are checked the
same way: a shipped file with a bad reference raises, a municipality's file is rejected. Every file is
read by ``reader.read_yaml`` with its limits; nothing a file holds can make loading raise anything but
``ContentError`` for a municipality's file. ``check_files`` is the same path for IT's ``check-content``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.content import catalogues as c
from app.content import conversation as conv
from app.content import guide as guides
from app.content.reader import read_yaml
from app.core.errors import QT_TRANSLATE_NOOP, ContentError

log = logging.getLogger(__name__)

PARSERS: dict[str, Callable[[Any], Any]] = {
    "case_template": c.parse_case_template,
    "referral_catalogue": c.parse_referral_catalogue,
    "consent_catalogue": c.parse_consent_catalogue,
    "service_levels": c.parse_service_levels,
    "family_catalogue": c.parse_family_catalogue,
    "conversation_vocabulary": conv.parse_conversation_vocabulary,
    "offer_catalogue": conv.parse_offer_catalogue,
    "conversation_guide": guides.parse_conversation_guide,
}

#: Ids the app looks up by name; the shipped content must have them.
REQUIRED_IDS: dict[str, str] = {
    "conversation_vocabulary": conv.VOCABULARY_ID,
    "offer_catalogue": conv.OFFERS_ID,
    "conversation_guide": conv.DEFAULT_GUIDE,
}


def parse_file(path: Path, data: bytes | None = None) -> Any:
    """Read and validate one content file (or ``data``, read from it before); raises ``ContentError``
    and nothing else, whatever the file holds."""
    root = read_yaml(path, data=data)
    kind = root.get_str("kind")
    parser = PARSERS.get(kind)
    if parser is None:
        raise root.node("kind").error(QT_TRANSLATE_NOOP("Content", "unknown content kind '{kind}'"), kind=kind)
    try:
        return parser(root)
    except ContentError:
        raise
    except Exception as exc:  # noqa: BLE001 - a parser's bug must not lock her out; the log has its type
        log.error("content parser %s failed on %s: %s", kind, path.name, type(exc).__name__, exc_info=True)
        raise ContentError(path.name, 0, QT_TRANSLATE_NOOP("Content", "the file could not be read as {kind}"),
                           kind=kind) from exc


def check_files(builtin_dir: Path, files: Iterable[Path]) -> list[ContentError]:
    """Every problem the app would find in ``files`` taken into use as a municipality's content next to
    the shipped content in ``builtin_dir`` (the same path as at unlock); empty if all are fine."""
    library = ContentLibrary.load(builtin_dir)
    library._load_municipal(files)
    return library.rejected


@dataclass
class ContentLibrary:
    """Every content item by kind and id, each id with all its versions."""

    items: dict[str, dict[str, dict[int, Any]]] = field(default_factory=dict)
    rejected: list[ContentError] = field(default_factory=list)

    @classmethod
    def load(cls, builtin_dir: Path, extra_dirs: Iterable[Path] = ()) -> ContentLibrary:
        library = cls()
        builtin: list[Any] = []
        for path in sorted(builtin_dir.rglob("*.yaml")):
            item = parse_file(path)
            library._add(item, path)
            builtin.append(item)
        library._check_complete()
        for item in builtin:
            library._check_references(item)
        library._load_municipal(path for folder in extra_dirs if folder.is_dir()
                                for path in sorted(folder.rglob("*.yaml")))
        return library

    def _load_municipal(self, paths: Iterable[Path]) -> None:
        """Add a municipality's files; each one that fails is rejected and the rest are used."""
        municipal: list[Any] = []
        for path in paths:
            try:
                item = parse_file(path)
                if self._add(item, path):
                    municipal.append(item)
            except ContentError as exc:
                self._reject(exc)
        for item in municipal:
            try:
                self._check_references(item)
            except ContentError as exc:
                self._remove(item)
                self._reject(exc)

    def _reject(self, exc: ContentError) -> None:
        log.warning("content file rejected: %s line %s: %s", exc.file, exc.line, exc.reason)
        self.rejected.append(exc)

    def _add(self, item: Any, path: Path) -> bool:
        """Add ``item``; False if the very same version was already loaded."""
        header = item.header
        versions = self.items.setdefault(header.kind, {}).setdefault(header.id, {})
        existing = versions.get(header.version)
        if existing is not None and existing != item:
            raise ContentError(path.name, 1, QT_TRANSLATE_NOOP(
                "Content", "{kind} '{id}' version {version} is already loaded from {source}; "
                           "give the new file a higher version"),
                kind=header.kind, id=header.id, version=header.version, source=existing.header.file)
        versions[header.version] = item
        return existing is None

    def _remove(self, item: Any) -> None:
        header = item.header
        versions = self.items[header.kind][header.id]
        if versions.get(header.version) is item:
            del versions[header.version]
        if not versions:
            del self.items[header.kind][header.id]

    def _check_complete(self) -> None:
        for kind in PARSERS:
            if kind not in self.items:
                raise ContentError("resources/content", 0, QT_TRANSLATE_NOOP("Content", "no content of kind '{kind}'"),
                                   kind=kind)
        for kind, item_id in REQUIRED_IDS.items():
            if item_id not in self.items[kind]:
                raise ContentError("resources/content", 0, QT_TRANSLATE_NOOP("Content", "no {kind} with id '{id}'"),
                                   kind=kind, id=item_id)

    def _check_references(self, item: Any) -> None:
        """Cross-file references, checked against the newest vocabulary and family catalogue."""
        if isinstance(item, conv.OfferCatalogue):
            conv.check_offer_references(item, self.family, self.vocabulary)

    def latest(self, kind: str, item_id: str) -> Any:
        versions = self.items[kind][item_id]
        return versions[max(versions)]

    def version(self, kind: str, item_id: str, version: int) -> Any | None:
        return self.items.get(kind, {}).get(item_id, {}).get(version)

    def _single(self, kind: str) -> Any:
        ids = self.items[kind]
        return self.latest(kind, sorted(ids)[0])

    # ---- typed accessors

    def templates(self) -> list[c.CaseTemplate]:
        """The newest version of every case template, generic last."""
        found = [self.latest("case_template", tid) for tid in self.items["case_template"]]
        return sorted(found, key=lambda t: (t.id == "generisk", t.title.da))

    def template(self, template_id: str, version: int | None = None) -> c.CaseTemplate:
        if version is None:
            return self.latest("case_template", template_id)
        found = self.version("case_template", template_id, version)
        if found is None:
            raise KeyError(f"{template_id} v{version}")
        return found

    @property
    def referral(self) -> c.ReferralCatalogue:
        return self._single("referral_catalogue")

    @property
    def consent(self) -> c.ConsentCatalogue:
        return self._single("consent_catalogue")

    @property
    def service_levels(self) -> c.ServiceLevelCatalogue:
        return self._single("service_levels")

    @property
    def family(self) -> c.FamilyCatalogue:
        return self._single("family_catalogue")

    @property
    def vocabulary(self) -> conv.ConversationVocabulary:
        """The problem areas, vulnerability indicators and coping levels (newest version)."""
        return self.latest("conversation_vocabulary", conv.VOCABULARY_ID)

    @property
    def offers(self) -> conv.OfferCatalogue:
        """The offer catalogue (newest version)."""
        return self.latest("offer_catalogue", conv.OFFERS_ID)

    def guides(self) -> list[guides.ConversationGuide]:
        """The newest version of every conversation guide, the standard guide first."""
        found = [self.latest("conversation_guide", gid) for gid in self.items["conversation_guide"]]
        return sorted(found, key=lambda g: (g.id != conv.DEFAULT_GUIDE, g.title.da, g.id))

    def guide(self, guide_id: str = conv.DEFAULT_GUIDE, version: int | None = None) -> guides.ConversationGuide:
        """A guide by id, newest version unless ``version`` is given; ``KeyError`` if there is none."""
        if version is None:
            return self.latest("conversation_guide", guide_id)
        found = self.version("conversation_guide", guide_id, version)
        if found is None:
            raise KeyError(f"{guide_id} v{version}")
        return found

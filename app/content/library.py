"""All loaded content: the shipped files plus a municipality's own, newest version of each id wins.

Shipped content that fails validation is a bug and raises. A municipality's file that fails is
rejected with its ``ContentError`` (file, line, reason) and the shipped content stays in use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.content import catalogues as c
from app.content.reader import read_yaml
from app.errors import ContentError

log = logging.getLogger(__name__)

PARSERS: dict[str, Callable[[Any], Any]] = {
    "case_template": c.parse_case_template,
    "referral_catalogue": c.parse_referral_catalogue,
    "consent_catalogue": c.parse_consent_catalogue,
    "service_levels": c.parse_service_levels,
    "family_catalogue": c.parse_family_catalogue,
}


def parse_file(path: Path) -> Any:
    """Read and validate one content file; raises ``ContentError``."""
    root = read_yaml(path)
    kind = root.get_str("kind")
    parser = PARSERS.get(kind)
    if parser is None:
        raise root.node("kind").error(f"unknown content kind '{kind}'")
    return parser(root)


@dataclass
class ContentLibrary:
    """Every content item by kind and id, each id with all its versions."""

    items: dict[str, dict[str, dict[int, Any]]] = field(default_factory=dict)
    rejected: list[ContentError] = field(default_factory=list)

    @classmethod
    def load(cls, builtin_dir: Path, extra_dirs: Iterable[Path] = ()) -> ContentLibrary:
        library = cls()
        for path in sorted(builtin_dir.rglob("*.yaml")):
            library._add(parse_file(path), path)
        for folder in extra_dirs:
            if not folder.is_dir():
                continue
            for path in sorted(folder.rglob("*.yaml")):
                try:
                    library._add(parse_file(path), path)
                except ContentError as exc:
                    log.warning("content file rejected: %s line %s: %s", exc.file, exc.line, exc.reason)
                    library.rejected.append(exc)
        library._check_complete()
        return library

    def _add(self, item: Any, path: Path) -> None:
        header = item.header
        versions = self.items.setdefault(header.kind, {}).setdefault(header.id, {})
        existing = versions.get(header.version)
        if existing is not None and existing != item:
            raise ContentError(path.name, 1, f"{header.kind} '{header.id}' version {header.version} is already loaded from {existing.header.file}; give the new file a higher version")
        versions[header.version] = item

    def _check_complete(self) -> None:
        for kind in PARSERS:
            if kind not in self.items:
                raise ContentError("resources/content", 0, f"no content of kind '{kind}'")

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

"""Hostile content files, as a broken or malicious municipality's file could be: each with the line and
the words of its refusal. Shared by the reader, service, CLI and UI tests.

Each one hung, crashed or slipped through before the reader was hardened: the alias bomb expanded for
ever, deep nesting and ``!!python`` tags crashed every start («Noget gik galt.»), ``!custom`` tags were
silently ignored, a 5 MB prompt slowed every unlock, and a bad byte was reported on line 1.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADER = "kind: conversation_guide\nid: kommunens\nversion: 1\n"  # lines 1-3


@dataclass(frozen=True)
class Hostile:
    name: str
    data: bytes
    line: int
    words: str  # in the English reason

    @property
    def file(self) -> str:
        return f"{self.name}.yaml"


def _billion_laughs() -> str:
    lines = ['lol0: &lol0 "lol"']
    for level in range(1, 10):
        lines.append(f"lol{level}: &lol{level} [" + ", ".join([f"*lol{level - 1}"] * 10) + "]")
    return HEADER + "\n".join(lines) + "\ntitle: *lol9\n"


HOSTILE = [
    Hostile("alias-bomb", _billion_laughs().encode(), 4, "anchors (&lol0) are not allowed"),
    Hostile("alias-alone", (HEADER + "title: *somewhere\n").encode(), 4, "aliases (*somewhere) are not allowed"),
    Hostile("deep-lists", (HEADER + "title: " + "[" * 5000 + "]" * 5000 + "\n").encode(), 4,
            "nested deeper than 50 levels"),
    Hostile("deep-maps", (HEADER + "title: " + "{a: " * 5000 + "1" + "}" * 5000 + "\n").encode(), 4,
            "nested deeper than 50 levels"),
    Hostile("python-on-value", (HEADER + "title: !!python/object/apply:os.system 'echo pwned'\n").encode(), 4,
            "the tag !!python/object/apply:os.system is not allowed"),
    Hostile("python-on-list", (HEADER + "sections: !!python/object/apply:os.system\n  - echo pwned\n").encode(), 4,
            "the tag !!python/object/apply:os.system is not allowed"),
    Hostile("python-on-map", (HEADER + "title: !!python/object/apply:os.system\n  args: [echo pwned]\n").encode(),
            4, "the tag !!python/object/apply:os.system is not allowed"),
    Hostile("custom-tag", (HEADER + "title: !custom Vores guide\n").encode(), 4, "the tag !custom is not allowed"),
    Hostile("long-text", (HEADER + "title: " + "x" * 100_000 + "\n").encode(), 4,
            "a text is longer than 20000 characters (100000)"),
    Hostile("five-mb-string", (HEADER + "title: " + "x" * 5_000_000 + "\n").encode(), 0, "the file is too large"),
    Hostile("too-big", (HEADER + "# a comment line to make the file big\n" * 40_000).encode(), 0,
            "the file is too large"),
    Hostile("bad-utf8", (HEADER + "\ntitle: Sp\xf8rgeguide\n").encode("latin-1"), 5, "not UTF-8"),
    Hostile("bad-date", (HEADER + "title: 2026-13-45\n").encode(), 4, "'2026-13-45' cannot be read"),
    Hostile("huge-number", (HEADER + "version_2: " + "9" * 10_000 + "\n").encode(), 4, "cannot be read"),
    Hostile("two-documents", (HEADER + "---\nkind: case_template\n").encode(), 4, "one YAML document"),
    Hostile("nul-byte", (HEADER + "title: a\x00b\n").encode(), 4, "YAML syntax"),
]

BY_NAME = {hostile.name: hostile for hostile in HOSTILE}

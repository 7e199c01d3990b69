"""Reading YAML content with line numbers, so every validation error names file and line.

``read_yaml(path)`` returns a ``Mapping`` tree; ``Mapping.get_str("id")`` and friends raise
``ContentError(file, line, reason)`` pointing at the offending key (or its parent, if missing).

The YAML is composed by libyaml (``yaml.CSafeLoader``) when PyYAML was built with it, about ten times
faster than the pure-Python parser; both give nodes with the same line numbers. A syntax error is
reported from the pure-Python parser, so its wording is the same with or without libyaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from app.core.errors import ContentError


@dataclass(frozen=True)
class Label:
    """A text in Danish and English; English falls back to Danish."""

    da: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" and self.en else self.da


class Node:
    """A YAML value with where it came from."""

    def __init__(self, file: str, line: int) -> None:
        self.file = file
        self.line = line

    def error(self, reason: str) -> ContentError:
        return ContentError(self.file, self.line, reason)


class Scalar(Node):
    def __init__(self, file: str, line: int, value: Any) -> None:
        super().__init__(file, line)
        self.value = value


class Sequence(Node):
    def __init__(self, file: str, line: int, items: list[Node]) -> None:
        super().__init__(file, line)
        self.items = items

    def __iter__(self) -> Iterator[Node]:
        return iter(self.items)

    def mappings(self) -> Iterator[Mapping]:
        for item in self.items:
            if not isinstance(item, Mapping):
                raise item.error("expected a mapping (key: value) here")
            yield item


class Mapping(Node):
    def __init__(self, file: str, line: int, entries: dict[str, Node]) -> None:
        super().__init__(file, line)
        self.entries = entries

    def has(self, key: str) -> bool:
        return key in self.entries

    def node(self, key: str) -> Node:
        if key not in self.entries:
            raise self.error(f"missing required key '{key}'")
        return self.entries[key]

    def get_str(self, key: str, default: str | None = None) -> str:
        if key not in self.entries and default is not None:
            return default
        node = self.node(key)
        if not isinstance(node, Scalar) or not isinstance(node.value, str) or not node.value.strip():
            if isinstance(node, Scalar) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                return str(node.value)
            raise node.error(f"'{key}' must be a non-empty text")
        return node.value

    def get_int(self, key: str, default: int | None = None, minimum: int | None = None,
                maximum: int | None = None) -> int:
        if key not in self.entries and default is not None:
            return default
        node = self.node(key)
        if not isinstance(node, Scalar) or not isinstance(node.value, int) or isinstance(node.value, bool):
            raise node.error(f"'{key}' must be a whole number")
        if minimum is not None and node.value < minimum:
            raise node.error(f"'{key}' must be at least {minimum}")
        if maximum is not None and node.value > maximum:
            raise node.error(f"'{key}' must be at most {maximum}")
        return node.value

    def get_optional_int(self, key: str, minimum: int | None = None) -> int | None:
        if key not in self.entries:
            return None
        return self.get_int(key, minimum=minimum)

    def get_bool(self, key: str, default: bool = False) -> bool:
        if key not in self.entries:
            return default
        node = self.entries[key]
        if not isinstance(node, Scalar) or not isinstance(node.value, bool):
            raise node.error(f"'{key}' must be true or false")
        return node.value

    def get_seq(self, key: str, required: bool = True) -> Sequence:
        if key not in self.entries:
            if required:
                raise self.error(f"missing required list '{key}'")
            return Sequence(self.file, self.line, [])
        node = self.entries[key]
        if not isinstance(node, Sequence):
            raise node.error(f"'{key}' must be a list")
        return node

    def get_str_list(self, key: str) -> list[str]:
        result = []
        for item in self.get_seq(key, required=False):
            if not isinstance(item, Scalar) or not isinstance(item.value, str):
                raise item.error(f"every entry of '{key}' must be a text")
            result.append(item.value)
        return result

    def get_label(self, key: str, required: bool = True) -> Label:
        if key not in self.entries and not required:
            return Label("", "")
        node = self.node(key)
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return Label(node.value, node.value)
        if not isinstance(node, Mapping):
            raise node.error(f"'{key}' must be a text or {{da: ..., en: ...}}")
        da_node = node.entries.get("da")
        if required or (isinstance(da_node, Scalar) and da_node.value not in ("", None)):
            da = node.get_str("da")
        else:
            da = ""
        en_node = node.entries.get("en")
        en = en_node.value if isinstance(en_node, Scalar) and isinstance(en_node.value, str) else ""
        unknown = set(node.entries) - {"da", "en"}
        if unknown:
            raise node.entries[sorted(unknown)[0]].error(f"unknown language '{sorted(unknown)[0]}' in '{key}'")
        return Label(da, en)

    def check_keys(self, allowed: set[str]) -> None:
        """Reject unknown keys, so a typo is found instead of silently ignored."""
        for key, node in self.entries.items():
            if key not in allowed:
                raise node.error(f"unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")


def _convert(node: yaml.Node, file: str, constructor: yaml.constructor.SafeConstructor) -> Node:
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        entries: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = constructor.construct_object(key_node)
            if not isinstance(key, str):
                raise ContentError(file, key_node.start_mark.line + 1, "keys must be texts")
            if key in entries:
                raise ContentError(file, key_node.start_mark.line + 1, f"key '{key}' appears twice")
            entries[key] = _convert(value_node, file, constructor)
        return Mapping(file, line, entries)
    if isinstance(node, yaml.SequenceNode):
        return Sequence(file, line, [_convert(n, file, constructor) for n in node.value])
    return Scalar(file, line, constructor.construct_object(node))


PYTHON_LOADER: type = yaml.SafeLoader
C_LOADER: type | None = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
FAST_LOADER: type = C_LOADER or PYTHON_LOADER


def _compose(text: str, file: str, loader: type) -> yaml.Node | None:
    if loader is not PYTHON_LOADER:
        try:
            return yaml.compose(text, Loader=loader)
        except yaml.YAMLError:
            # libyaml words its errors differently; the pure-Python parser gives the message (and
            # line) the content authors know. Only bad files pay for the second parse.
            pass
    try:
        return yaml.compose(text, Loader=PYTHON_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise ContentError(file, line, f"YAML syntax: {exc.problem or exc.context}") from exc


def read_yaml(path: Path, loader: type = FAST_LOADER) -> Mapping:
    """Parse ``path`` into a located tree; syntax errors become ``ContentError`` with the line.

    ``loader`` is the PyYAML loader class that composes the nodes (libyaml's by default, if present).
    """
    file = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(file, 1, "the file is not UTF-8 text") from exc
    except OSError as exc:
        raise ContentError(file, 0, f"cannot read the file ({exc.strerror})") from exc
    root = _compose(text, file, loader)
    if root is None:
        raise ContentError(file, 1, "the file is empty")
    tree = _convert(root, file, yaml.SafeLoader(""))
    if not isinstance(tree, Mapping):
        raise tree.error("the file must be a mapping at the top")
    return tree

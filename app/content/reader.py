"""Reading YAML content safely and with line numbers, so every refusal names file and line.

``read_yaml(path)`` returns a ``Mapping`` tree; ``Mapping.get_str("id")`` and friends raise
``ContentError(file, line, reason)`` pointing at the offending key (or its parent, if missing).

Every content file, shipped or the municipality's, is read the same guarded way, because a file from
outside must never lock her out or hang the app:

* the file must be a regular file of at most ``LIMITS.max_bytes`` (read no further than that), in UTF-8
  (a bad byte is reported on its own line);
* the tree is built from the parser's *events*, not from composed nodes, so every limit is checked as
  the parser goes and before anything is built: nesting depth, entries per list or mapping, the number
  of values, the length of a text. Anchors and aliases are refused outright (the shipped content uses
  none), so an alias bomb is refused at its first anchor instead of expanding;
* a tag is refused unless it is one of YAML's plain types (``!!str``, ``!!int`` ...): ``!!python/...``,
  ``!custom`` and the bare ``!`` on a value, a list or a mapping are refused, never ignored;
* a value that looks like a number or a date but is not one (``2026-13-45``, 5,000 digits) is refused.

The events come from libyaml (``yaml.CSafeLoader``) when PyYAML was built with it, about ten times
faster than the pure-Python parser; both give the same events with the same line numbers. A syntax
error is worded by the pure-Python parser (for files up to ``SYNTAX_REWORD_BYTES``), so its wording is
the same with or without libyaml. Every reason is English source text marked for translation in the
context "Content"; the UI and ``tovholder check-content`` show it in Danish.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from app.core.errors import QT_TRANSLATE_NOOP, ContentError


@dataclass(frozen=True)
class Limits:
    """What a content file may hold. The shipped files stay far below (29 KB, depth 7, 1,359 values)."""

    max_bytes: int = 1_000_000
    max_depth: int = 50
    max_text: int = 20_000
    max_entries: int = 10_000
    max_values: int = 100_000


LIMITS = Limits()
#: A syntax error in a file up to this size is parsed again by the pure-Python parser for its wording.
SYNTAX_REWORD_BYTES = 200_000


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

    def error(self, reason: str, **params: Any) -> ContentError:
        """A refusal at this node: ``reason`` is a ``QT_TRANSLATE_NOOP("Content", ...)`` text."""
        return ContentError(self.file, self.line, reason, **params)


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
                raise item.error(QT_TRANSLATE_NOOP("Content", "expected a mapping (key: value) here"))
            yield item


class Mapping(Node):
    def __init__(self, file: str, line: int, entries: dict[str, Node]) -> None:
        super().__init__(file, line)
        self.entries = entries

    def has(self, key: str) -> bool:
        return key in self.entries

    def node(self, key: str) -> Node:
        if key not in self.entries:
            raise self.error(QT_TRANSLATE_NOOP("Content", "missing required key '{key}'"), key=key)
        return self.entries[key]

    def get_str(self, key: str, default: str | None = None) -> str:
        if key not in self.entries and default is not None:
            return default
        node = self.node(key)
        if not isinstance(node, Scalar) or not isinstance(node.value, str) or not node.value.strip():
            if isinstance(node, Scalar) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
                return str(node.value)
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be a non-empty text"), key=key)
        return node.value

    def get_int(self, key: str, default: int | None = None, minimum: int | None = None,
                maximum: int | None = None) -> int:
        if key not in self.entries and default is not None:
            return default
        node = self.node(key)
        if not isinstance(node, Scalar) or not isinstance(node.value, int) or isinstance(node.value, bool):
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be a whole number"), key=key)
        if minimum is not None and node.value < minimum:
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be at least {minimum}"),
                             key=key, minimum=minimum)
        if maximum is not None and node.value > maximum:
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be at most {maximum}"),
                             key=key, maximum=maximum)
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
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be true or false"), key=key)
        return node.value

    def get_seq(self, key: str, required: bool = True) -> Sequence:
        if key not in self.entries:
            if required:
                raise self.error(QT_TRANSLATE_NOOP("Content", "missing required list '{key}'"), key=key)
            return Sequence(self.file, self.line, [])
        node = self.entries[key]
        if not isinstance(node, Sequence):
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be a list"), key=key)
        return node

    def get_str_list(self, key: str) -> list[str]:
        result = []
        for item in self.get_seq(key, required=False):
            if not isinstance(item, Scalar) or not isinstance(item.value, str):
                raise item.error(QT_TRANSLATE_NOOP("Content", "every entry of '{key}' must be a text"), key=key)
            result.append(item.value)
        return result

    def get_label(self, key: str, required: bool = True) -> Label:
        if key not in self.entries and not required:
            return Label("", "")
        node = self.node(key)
        if isinstance(node, Scalar) and isinstance(node.value, str):
            return Label(node.value, node.value)
        if not isinstance(node, Mapping):
            raise node.error(QT_TRANSLATE_NOOP("Content", "'{key}' must be a text or {{da: ..., en: ...}}"), key=key)
        da_node = node.entries.get("da")
        if required or (isinstance(da_node, Scalar) and da_node.value not in ("", None)):
            da = node.get_str("da")
        else:
            da = ""
        en_node = node.entries.get("en")
        en = en_node.value if isinstance(en_node, Scalar) and isinstance(en_node.value, str) else ""
        unknown = sorted(set(node.entries) - {"da", "en"})
        if unknown:
            raise node.entries[unknown[0]].error(
                QT_TRANSLATE_NOOP("Content", "unknown language '{language}' in '{key}'"),
                                                 language=unknown[0], key=key)
        return Label(da, en)

    def check_keys(self, allowed: set[str]) -> None:
        """Reject unknown keys, so a typo is found instead of silently ignored."""
        for key, node in self.entries.items():
            if key not in allowed:
                raise node.error(QT_TRANSLATE_NOOP("Content", "unknown key '{key}' (allowed: {allowed})"),
                                 key=key, allowed=", ".join(sorted(allowed)))


PYTHON_LOADER: type = yaml.SafeLoader
C_LOADER: type | None = getattr(yaml, "CSafeLoader", None) if yaml.__with_libyaml__ else None
FAST_LOADER: type = C_LOADER or PYTHON_LOADER

_YAML = "tag:yaml.org,2002:"
#: The explicit tags a content file may use: YAML's plain types. Every other tag is refused.
SCALAR_TAGS = frozenset(_YAML + name for name in ("str", "int", "float", "bool", "null"))
ALLOWED_TAGS = {yaml.ScalarEvent: SCALAR_TAGS, yaml.SequenceStartEvent: frozenset({_YAML + "seq"}),
                yaml.MappingStartEvent: frozenset({_YAML + "map"})}
_VALUE_TAGS = {
    _YAML + "null": SafeConstructor.construct_yaml_null,
    _YAML + "bool": SafeConstructor.construct_yaml_bool,
    _YAML + "int": SafeConstructor.construct_yaml_int,
    _YAML + "float": SafeConstructor.construct_yaml_float,
    _YAML + "timestamp": SafeConstructor.construct_yaml_timestamp,
}
_RESOLVER = Resolver()
_CONSTRUCTOR = SafeConstructor()


def _shown(text: str, length: int = 40) -> str:
    """A value quoted in a reason, cut short."""
    return text if len(text) <= length else text[:length] + "…"


def _tag_name(tag: str) -> str:
    """A tag as the author wrote it (``!!python/...`` rather than ``tag:yaml.org,2002:python/...``)."""
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


_PLAIN_RESOLVERS = Resolver.yaml_implicit_resolvers


def _refuse(file: str, event: yaml.Event, reason: str, **params: Any) -> ContentError:
    return ContentError(file, event.start_mark.line + 1, reason, **params)


def _check_node(file: str, event: Any) -> None:
    if event.anchor is not None:
        raise _refuse(file, event, QT_TRANSLATE_NOOP("Content", "anchors (&{name}) are not allowed in content files"),
                      name=_shown(event.anchor))
    if event.tag is not None and event.tag not in ALLOWED_TAGS[type(event)]:
        raise _refuse(file, event, QT_TRANSLATE_NOOP("Content", "the tag {tag} is not allowed in content files"),
                      tag=_shown(_tag_name(event.tag)))


def _scalar(file: str, event: yaml.ScalarEvent, limits: Limits) -> Scalar:
    text = event.value
    line = event.start_mark.line + 1
    if len(text) > limits.max_text:
        raise _refuse(file, event, QT_TRANSLATE_NOOP("Content", "a text is longer than {limit} characters ({length})"),
                      limit=limits.max_text, length=len(text))
    tag = event.tag
    if tag is None:
        if not event.implicit[0] or text[:1] not in _PLAIN_RESOLVERS:
            return Scalar(file, line, text)  # quoted, or plain and cannot be anything but a text
        tag = _RESOLVER.resolve(yaml.ScalarNode, text, event.implicit)
    construct = _VALUE_TAGS.get(tag)
    if construct is None:  # a text, and the plain '=' and '<<' (YAML's value and merge keys) as texts
        return Scalar(file, line, text)
    try:
        value = construct(_CONSTRUCTOR, yaml.ScalarNode(tag, text, event.start_mark, event.end_mark))
    except (ValueError, OverflowError, ArithmeticError, yaml.YAMLError) as exc:
        raise _refuse(file, event, QT_TRANSLATE_NOOP(
            "Content", "'{value}' cannot be read as a number, a date or true/false"), value=_shown(text)) from exc
    return Scalar(file, line, value)


def _build(text: str, file: str, loader: type, limits: Limits) -> Node | None:
    """The located tree from the parser's events, refusing what a content file may not hold as soon as
    its event arrives (so nothing is ever expanded, and nothing recurses)."""
    parser = loader(text)
    # Each open list or mapping: [node, entries so far, a mapping's key waiting for its value].
    stack: list[list[Any]] = []
    root: Node | None = None
    values = 0
    documents = 0
    max_depth, max_entries, max_values = limits.max_depth, limits.max_entries, limits.max_values
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent or kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if event.anchor is not None or event.tag is not None:
                    _check_node(file, event)
                values += 1
                if values > max_values:
                    raise _refuse(file, event, QT_TRANSLATE_NOOP("Content", "the file holds more than {limit} values"),
                                  limit=max_values)
                if kind is not yaml.ScalarEvent:
                    if len(stack) >= max_depth:
                        raise _refuse(file, event, QT_TRANSLATE_NOOP("Content", "nested deeper than {limit} levels"),
                                      limit=max_depth)
                    line = event.start_mark.line + 1
                    opened = Mapping(file, line, {}) if kind is yaml.MappingStartEvent else Sequence(file, line, [])
                    stack.append([opened, 0, None])
                    continue
                node: Node = _scalar(file, event, limits)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                node = stack.pop()[0]
            elif kind is yaml.AliasEvent:
                raise _refuse(file, event, QT_TRANSLATE_NOOP(
                    "Content", "aliases (*{name}) are not allowed in content files"), name=_shown(event.anchor or ""))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _refuse(file, event, QT_TRANSLATE_NOOP(
                        "Content", "a content file holds one YAML document; another one starts here"))
                continue
            elif event is None or kind is yaml.StreamEndEvent:
                return root
            else:
                continue
            if not stack:
                root = node
                continue
            parent = stack[-1]
            parent[1] += 1
            container = parent[0]
            if type(container) is Sequence:
                if parent[1] > max_entries:
                    raise _refuse(file, event, QT_TRANSLATE_NOOP(
                        "Content", "a list or mapping has more than {limit} entries"), limit=max_entries)
                container.items.append(node)
            elif parent[2] is None:
                if parent[1] > 2 * max_entries:
                    raise _refuse(file, event, QT_TRANSLATE_NOOP(
                        "Content", "a list or mapping has more than {limit} entries"), limit=max_entries)
                if type(node) is not Scalar or not isinstance(node.value, str):
                    raise ContentError(file, node.line, QT_TRANSLATE_NOOP("Content", "keys must be texts"))
                if node.value in container.entries:
                    raise ContentError(file, node.line, QT_TRANSLATE_NOOP("Content", "key '{key}' appears twice"),
                                       key=_shown(node.value))
                parent[2] = node.value
            else:
                container.entries[parent[2]] = node
                parent[2] = None
    finally:
        parser.dispose()


def _line_of(text: str, exc: yaml.YAMLError) -> int:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        return mark.line + 1 if mark else 0
    position = getattr(exc, "position", None)  # a ReaderError: a character YAML does not allow
    return text.count("\n", 0, position) + 1 if isinstance(position, int) else 0


def _syntax_error(text: str, file: str, exc: yaml.YAMLError) -> ContentError:
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or exc.context or ""
    elif isinstance(exc, yaml.reader.ReaderError):
        problem = f"unacceptable character #x{exc.character:04x}" if isinstance(exc.character, int) else exc.reason
    else:
        problem = type(exc).__name__
    return ContentError(file, _line_of(text, exc), QT_TRANSLATE_NOOP("Content", "YAML syntax: {problem}"),
                        problem=problem)


def _tree(text: str, file: str, loader: type, limits: Limits) -> Node | None:
    try:
        return _build(text, file, loader, limits)
    except yaml.YAMLError as exc:
        first = exc
    if loader is not PYTHON_LOADER and len(text) <= SYNTAX_REWORD_BYTES:
        # libyaml words its errors differently; the pure-Python parser gives the message (and line)
        # the content authors know. Only bad files pay for the second parse.
        try:
            _build(text, file, PYTHON_LOADER, limits)
        except yaml.YAMLError as exc:
            raise _syntax_error(text, file, exc) from exc
    raise _syntax_error(text, file, first) from first


def read_bytes(path: Path, limits: Limits = LIMITS) -> bytes:
    """The file's bytes, refusing anything but a regular file within the size limit (never a FIFO or a
    device, which could block for ever)."""
    file = path.name
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise ContentError(file, 0, QT_TRANSLATE_NOOP("Content", "cannot read the file ({problem})"),
                           problem=exc.strerror or type(exc).__name__) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise ContentError(file, 0, QT_TRANSLATE_NOOP("Content", "this is not a regular file"))
        if info.st_size > limits.max_bytes:
            raise ContentError(file, 0, QT_TRANSLATE_NOOP(
                "Content", "the file is too large ({size} bytes; at most {limit} bytes)"),
                size=info.st_size, limit=limits.max_bytes)
        try:
            data = handle.read(limits.max_bytes + 1)
        except OSError as exc:
            raise ContentError(file, 0, QT_TRANSLATE_NOOP("Content", "cannot read the file ({problem})"),
                               problem=exc.strerror or type(exc).__name__) from exc
    return data


def read_yaml(path: Path, loader: type = FAST_LOADER, data: bytes | None = None,
              limits: Limits = LIMITS) -> Mapping:
    """Parse ``path`` (or ``data``, read from it earlier) into a located tree; every refusal is a
    ``ContentError`` with the file's name and the line.

    ``loader`` is the PyYAML loader class whose parser gives the events (libyaml's by default, if present).
    """
    file = path.name
    if data is None:
        data = read_bytes(path, limits)
    if len(data) > limits.max_bytes:
        raise ContentError(file, 0, QT_TRANSLATE_NOOP(
            "Content", "the file is too large ({size} bytes; at most {limit} bytes)"),
            size=len(data), limit=limits.max_bytes)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(file, data.count(b"\n", 0, exc.start) + 1,
                           QT_TRANSLATE_NOOP("Content", "the file is not UTF-8 text")) from exc
    root = _tree(text, file, loader, limits)
    if root is None:
        raise ContentError(file, 1, QT_TRANSLATE_NOOP("Content", "the file is empty"))
    if not isinstance(root, Mapping):
        raise root.error(QT_TRANSLATE_NOOP("Content", "the file must be a mapping at the top"))
    return root

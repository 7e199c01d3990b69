"""Reading the fields of the conversation's content files (vocabulary, offers, guides): codes, labels
with the ``{name}`` placeholder checked, age ranges, lists of codes. Errors name file and line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from app.content.reader import Label, Mapping, Node, Scalar
from app.core.errors import QT_TRANSLATE_NOOP

NAME_PLACEHOLDER = "{name}"
MAX_AGE = 120
NO_LABEL = Label("", "")

_CODE = re.compile(r"^[a-z0-9_]+$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def code_of(item: Mapping, key: str = "code") -> str:
    value = item.get_str(key)
    if not _CODE.match(value):
        raise item.node(key).error(
            QT_TRANSLATE_NOOP("Content", "'{key}' must use only a-z, 0-9 and _ (found '{value}')"),
                                   key=key, value=value)
    return value


def label_of(node: Node, what: str) -> Label:
    """A label from a bare node (a list entry), with the same rules as ``Mapping.get_label``."""
    return Mapping(node.file, node.line, {what: node}).get_label(what)


def _text_leaves(node: Node) -> Iterator[Scalar]:
    if isinstance(node, Scalar) and isinstance(node.value, str):
        yield node
    elif isinstance(node, Mapping):
        for child in node.entries.values():
            yield from _text_leaves(child)


def check_placeholders(node: Node, allow_name: bool) -> None:
    for leaf in _text_leaves(node):
        for match in _PLACEHOLDER.finditer(leaf.value):
            if match.group() != NAME_PLACEHOLDER:
                raise leaf.error(
                    QT_TRANSLATE_NOOP("Content", "unknown placeholder '{placeholder}' (only {known} is known)"),
                                 placeholder=match.group(), known=NAME_PLACEHOLDER)
            if not allow_name:
                raise leaf.error(QT_TRANSLATE_NOOP("Content", "{placeholder} can only be used in the member section"),
                                 placeholder=NAME_PLACEHOLDER)


def label_in(item: Mapping, key: str, required: bool = True, allow_name: bool = False) -> Label:
    label = item.get_label(key, required=required)
    if item.has(key):
        check_placeholders(item.node(key), allow_name)
    return label


def optional_label(item: Mapping, key: str) -> Label:
    return item.get_label(key, required=False) if item.has(key) else NO_LABEL


def ages(item: Mapping) -> tuple[int | None, int | None]:
    min_age = item.get_int("min_age", minimum=0, maximum=MAX_AGE) if item.has("min_age") else None
    max_age = item.get_int("max_age", minimum=0, maximum=MAX_AGE) if item.has("max_age") else None
    if min_age is not None and max_age is not None and min_age > max_age:
        raise item.node("min_age").error(
            QT_TRANSLATE_NOOP("Content", "min_age ({min_age}) is greater than max_age ({max_age})"),
                                         min_age=min_age, max_age=max_age)
    return min_age, max_age


def codes_from(item: Mapping, key: str, allowed: tuple[str, ...] | None = None,
                required: bool = False) -> tuple[str, ...]:
    """A list of texts without repeats; each one of ``allowed`` if given."""
    codes: list[str] = []
    sequence = item.get_seq(key, required=required)
    for entry in sequence:
        if not isinstance(entry, Scalar) or not isinstance(entry.value, str) or not entry.value.strip():
            raise entry.error(QT_TRANSLATE_NOOP("Content", "every entry of '{key}' must be a text"), key=key)
        if allowed is not None and entry.value not in allowed:
            raise entry.error(
                QT_TRANSLATE_NOOP("Content", "'{value}' is not a known entry of '{key}' (known: {known})"),
                              value=entry.value, key=key, known=", ".join(allowed))
        if entry.value in codes:
            raise entry.error(
                QT_TRANSLATE_NOOP("Content", "'{value}' appears twice in '{key}'"), value=entry.value, key=key)
        codes.append(entry.value)
    if required and not codes:
        raise sequence.error(QT_TRANSLATE_NOOP("Content", "'{key}' must not be empty"), key=key)
    return tuple(codes)

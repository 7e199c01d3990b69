"""Checks on what she types, before anything is saved: CPR, dates, contact details, family order.

Each failure is a ``ValidationError`` naming the field, with a message the UI shows inline.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.services.cases.dto import MemberInput

CPR_RE = re.compile(r"^(\d{2})(\d{2})(\d{2})-?(\d{4})$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
PHONE_RE = re.compile(r"^\+?[\d ]{8,15}$")


def cpr_century(year2: int, seventh: int) -> int | None:
    """The century of a CPR birth year from the 7th digit (the CPR office's published table)."""
    if seventh <= 3:
        return 1900
    if seventh in (4, 9):
        return 2000 if year2 <= 36 else 1900
    if 5 <= seventh <= 8:
        return 2000 if year2 <= 57 else 1800
    return None


def parse_cpr(text: str, today: date, field: str = "cpr") -> tuple[str, date]:
    """Return the CPR as ``DDMMYY-SSSS`` and the birth date it encodes.

    The modulus-11 check is deliberately not applied: numbers issued since 2007 need not pass it.
    """
    match = CPR_RE.match(text.strip().replace(" ", ""))
    if not match:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A CPR number has 10 digits, written DDMMYY-XXXX."), field=field
        )
    day, month, year2 = (int(g) for g in match.groups()[:3])
    serial = match.group(4)
    century = cpr_century(year2, int(serial[0]))
    try:
        birth = date(century + year2, month, day)  # type: ignore[operator]
    except (TypeError, ValueError) as exc:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The first six digits of the CPR number are not a valid date."),
            field=field,
        ) from exc
    if birth > today:
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "The CPR number gives a birth date in the future."), field=field
        )
    return f"{match.group(1)}{match.group(2)}{match.group(3)}-{serial}", birth


def add_months(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (earlier if negative); the 31st becomes the
    month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def not_in_future(value: date | None, today: date, field: str) -> None:
    if value is not None and value > today:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "The date cannot be in the future."), field=field)


def required_text(value: str, field: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "This field must be filled in."), field=field)
    return value


def check_email(value: str, field: str = "email") -> str:
    value = value.strip()
    if value and not EMAIL_RE.match(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "This does not look like an e-mail address (name@example.dk)."),
            field=field,
        )
    return value


def check_phone(value: str, field: str = "phone") -> str:
    value = value.strip()
    if value and not PHONE_RE.match(value):
        raise ValidationError(
            QT_TRANSLATE_NOOP("Errors", "A phone number has 8 digits, optionally with +45 in front."),
            field=field,
        )
    return value


def normalise_member(member: MemberInput, today: date, index: int = 0) -> tuple[MemberInput, date | None]:
    """Validate one member; returns it with a normalised CPR, and its birth date (from CPR if needed).

    Field names carry the member's position (``members.2.cpr``) so the form can point at the row.
    """
    prefix = f"members.{index}."
    required_text(member.first_name, prefix + "first_name")
    if not member.relation:
        raise ValidationError(QT_TRANSLATE_NOOP("Errors", "Choose the person's relation to the family."),
                              field=prefix + "relation")
    not_in_future(member.birth_date, today, prefix + "birth_date")
    birth = member.birth_date
    cpr = ""
    if member.cpr.strip():
        cpr, cpr_birth = parse_cpr(member.cpr, today, prefix + "cpr")
        if birth is not None and birth != cpr_birth:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The birth date does not match the CPR number."),
                field=prefix + "birth_date",
            )
        birth = cpr_birth
    check_email(member.email, prefix + "email")
    check_phone(member.phone, prefix + "phone")
    for d_index, diagnosis in enumerate(member.diagnoses):
        required_text(diagnosis.label, f"{prefix}diagnoses.{d_index}")
        not_in_future(diagnosis.diagnosed_on, today, f"{prefix}diagnoses.{d_index}")
        if birth is not None and diagnosis.diagnosed_on is not None and diagnosis.diagnosed_on < birth:
            raise ValidationError(
                QT_TRANSLATE_NOOP("Errors", "The diagnosis date is before the birth date."),
                field=f"{prefix}diagnoses.{d_index}",
            )
    return _replace(member, cpr=cpr, birth_date=birth), birth


def check_family_order(
    members: Sequence[MemberInput], age_order: dict[str, str], groups: dict[str, str]
) -> None:
    """A sibling registered as older (storebror/-søster) must be born before the child, and so on."""
    children = [(i, m) for i, m in enumerate(members) if groups.get(m.relation) == "child" and m.birth_date]
    for index, member in enumerate(members):
        order = age_order.get(member.relation, "")
        if not order or member.birth_date is None:
            continue
        for _, child in children:
            assert child.birth_date is not None
            field = f"members.{index}.birth_date"
            if order == "older" and member.birth_date >= child.birth_date:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{name} is registered as an older sibling but is born on or after {child}.",
                    ),
                    field=field, name=member.first_name, child=child.first_name,
                )
            if order == "younger" and member.birth_date <= child.birth_date:
                raise ValidationError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "{name} is registered as a younger sibling but is born on or before {child}.",
                    ),
                    field=field, name=member.first_name, child=child.first_name,
                )
    for index, member in enumerate(members):
        if groups.get(member.relation) == "parent" and member.birth_date:
            for _, child in children:
                assert child.birth_date is not None
                if member.birth_date >= child.birth_date:
                    raise ValidationError(
                        QT_TRANSLATE_NOOP("Errors", "{name} is a parent but is born after {child}."),
                        field=f"members.{index}.birth_date", name=member.first_name, child=child.first_name,
                    )


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _replace(member: MemberInput, **changes: object) -> MemberInput:
    from dataclasses import replace

    return replace(member, **changes)  # type: ignore[arg-type]

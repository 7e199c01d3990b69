"""Checks on what she types: CPR numbers (format, date, century), dates, contact details, the order of
the family's births; and that a case with bad input is not saved at all.

Every CPR number here is made at run time by ``helpers.families`` (synthetic, failing modulus 11).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from app.core.errors import ValidationError
from app.models import AuditEntry, Case, ChangeLogEntry, FamilyMember
from app.services.cases import dto
from app.services.validation import (
    check_email,
    check_phone,
    cpr_century,
    normalise_member,
    not_in_future,
    parse_cpr,
)
from tests.conftest import TODAY
from tests.helpers.db import row_counts
from tests.helpers.families import cpr_for, cpr_with, family

# ---- CPR numbers


def test_cpr_gives_the_normalised_number_and_the_birth_date():
    number = cpr_for(date(2016, 5, 5))

    assert parse_cpr(number, TODAY) == (number, date(2016, 5, 5))


@pytest.mark.parametrize("spelling", ["no dash", "spaces", "padding"])
def test_cpr_dash_is_optional_and_spaces_are_ignored(spelling):
    number = cpr_for(date(1988, 3, 2))
    typed = {
        "no dash": number.replace("-", ""),
        "spaces": number.replace("-", " "),
        "padding": f"  {number}  ",
    }[spelling]

    assert parse_cpr(typed, TODAY) == (number, date(1988, 3, 2))


@pytest.mark.parametrize(
    "typed",
    ["", "12345", "abcdef-ghij", "nine", "dash-twice"],
)
def test_cpr_with_the_wrong_shape_is_refused(typed):
    number = cpr_for(date(1988, 3, 2))
    typed = {
        "nine": number[:-1],
        "dash-twice": number[:3] + "-" + number[3:],
    }.get(typed, typed)

    with pytest.raises(ValidationError) as caught:
        parse_cpr(typed, TODAY, field="members.0.cpr")

    assert caught.value.field == "members.0.cpr"
    assert "10 digits" in caught.value.message


@pytest.mark.parametrize(
    ("ddmmyy", "seventh"),
    [("320188", 2), ("001088", 2), ("011388", 2), ("310488", 2), ("290201", 4), ("290200", 2)],
    ids=["day 32", "day 0", "month 13", "31 April", "29 Feb 2001", "29 Feb 1900"],
)
def test_cpr_that_is_not_a_date_is_refused(ddmmyy, seventh):
    with pytest.raises(ValidationError) as caught:
        parse_cpr(cpr_with(ddmmyy, seventh), TODAY)

    assert "not a valid date" in caught.value.message


def test_29_february_2000_is_a_date_because_the_7th_digit_says_2000():
    assert parse_cpr(cpr_with("290200", 4), TODAY)[1] == date(2000, 2, 29)


@pytest.mark.parametrize(
    ("year2", "seventh", "century"),
    [
        (0, 0, 1900), (99, 3, 1900),
        (0, 4, 2000), (36, 4, 2000), (37, 4, 1900), (99, 4, 1900),
        (36, 9, 2000), (37, 9, 1900),
        (0, 5, 2000), (57, 5, 2000), (58, 5, 1800), (57, 8, 2000), (58, 8, 1800), (99, 6, 1800),
    ],
)
def test_cpr_century_follows_the_7th_digit_table(year2, seventh, century):
    assert cpr_century(year2, seventh) == century


@pytest.mark.parametrize(
    ("ddmmyy", "seventh", "born"),
    [
        ("010150", 2, date(1950, 1, 1)),
        ("010110", 4, date(2010, 1, 1)),
        ("010150", 4, date(1950, 1, 1)),
        ("150620", 9, date(2020, 6, 15)),
        ("150699", 9, date(1999, 6, 15)),
        ("010120", 5, date(2020, 1, 1)),
        ("311299", 8, date(1899, 12, 31)),
    ],
)
def test_cpr_birth_date_uses_the_century_rules(ddmmyy, seventh, born):
    assert parse_cpr(cpr_with(ddmmyy, seventh), TODAY)[1] == born


@pytest.mark.parametrize(
    "number",
    ["tomorrow", "7th digit 5 in the 2050s"],
)
def test_cpr_with_a_birth_date_in_the_future_is_refused(number):
    typed = {
        "tomorrow": cpr_for(TODAY + timedelta(days=1)),
        "7th digit 5 in the 2050s": cpr_with("010150", 5),  # 1 Jan 2050, not 1850
    }[number]

    with pytest.raises(ValidationError) as caught:
        parse_cpr(typed, TODAY)

    assert "future" in caught.value.message


def test_cpr_born_today_is_accepted():
    assert parse_cpr(cpr_for(TODAY), TODAY)[1] == TODAY


# ---- one family member


def test_member_birth_date_is_taken_from_the_cpr_number():
    number = cpr_for(date(2016, 5, 5), dash=False)
    member = dto.MemberInput("barn", "Lærke", cpr=number)

    normalised, born = normalise_member(member, TODAY, index=1)

    assert born == date(2016, 5, 5)
    assert normalised.birth_date == date(2016, 5, 5)
    assert normalised.cpr == number[:6] + "-" + number[6:]


def test_member_birth_date_must_match_the_cpr_number():
    member = dto.MemberInput("barn", "Lærke", birth_date=date(2016, 5, 6), cpr=cpr_for(date(2016, 5, 5)))

    with pytest.raises(ValidationError) as caught:
        normalise_member(member, TODAY, index=2)

    assert caught.value.field == "members.2.birth_date"
    assert "does not match" in caught.value.message


@pytest.mark.parametrize(
    ("member", "field"),
    [
        (dto.MemberInput("barn", "  "), "members.3.first_name"),
        (dto.MemberInput("", "Lærke"), "members.3.relation"),
        (dto.MemberInput("barn", "Lærke", birth_date=TODAY + timedelta(days=1)), "members.3.birth_date"),
        (dto.MemberInput("mor", "Mette", email="mette@"), "members.3.email"),
        (dto.MemberInput("mor", "Mette", phone="1234"), "members.3.phone"),
        (dto.MemberInput("barn", "Lærke", diagnoses=(dto.DiagnosisInput(" "),)), "members.3.diagnoses.0"),
        (dto.MemberInput("barn", "Lærke", diagnoses=(dto.DiagnosisInput("Astma", "DJ45", TODAY + timedelta(days=3)),)),
         "members.3.diagnoses.0"),
        (dto.MemberInput("barn", "Lærke", birth_date=date(2016, 5, 5),
                         diagnoses=(dto.DiagnosisInput("Astma", "DJ45", date(2016, 5, 4)),)),
         "members.3.diagnoses.0"),
    ],
    ids=["no first name", "no relation", "born tomorrow", "bad e-mail", "bad phone", "empty diagnosis",
         "diagnosed in the future", "diagnosed before birth"],
)
def test_member_errors_name_the_field_and_row(member, field):
    with pytest.raises(ValidationError) as caught:
        normalise_member(member, TODAY, index=3)

    assert caught.value.field == field


# ---- dates, e-mail and phone


def test_dates_in_the_future_are_refused_but_today_is_fine():
    not_in_future(TODAY, TODAY, "given_on")
    not_in_future(None, TODAY, "given_on")
    with pytest.raises(ValidationError) as caught:
        not_in_future(TODAY + timedelta(days=1), TODAY, "given_on")
    assert caught.value.field == "given_on"


@pytest.mark.parametrize("address", ["hanne@example.dk", " hanne.t@sund.kommune.dk ", "h+t@example.invalid", ""])
def test_good_email_addresses_pass(address):
    assert check_email(address) == address.strip()


@pytest.mark.parametrize("address", ["hanne", "hanne@", "@example.dk", "hanne@example", "hanne@example.d",
                                     "han ne@example.dk", "a@b@example.dk"])
def test_bad_email_addresses_are_refused(address):
    with pytest.raises(ValidationError) as caught:
        check_email(address, field="members.0.email")
    assert caught.value.field == "members.0.email"


@pytest.mark.parametrize("number", ["12345678", "12 34 56 78", "+45 12 34 56 78", "+45 1234 5678", ""])
def test_good_phone_numbers_pass(number):
    assert check_phone(number) == number


@pytest.mark.parametrize("number", ["1234", "12-34-56-78", "tlf 12345678", "+45 1234 5678 9012 3456"])
def test_bad_phone_numbers_are_refused(number):
    with pytest.raises(ValidationError):
        check_phone(number)


# ---- the family's order of births, and nothing saved when anything is wrong


def _counts(workspace) -> dict[str, int]:
    models = (Case, FamilyMember, ChangeLogEntry, AuditEntry)
    return {model.__tablename__: n for model, n in zip(models, row_counts(workspace, *models), strict=True)}


CHILD_BIRTH = date(2016, 5, 5)


@pytest.mark.parametrize(
    ("extra", "field", "words"),
    [
        (dto.MemberInput("storebror", "Aksel", birth_date=date(2017, 1, 9)), "members.2.birth_date",
         "older sibling"),
        (dto.MemberInput("storesoester", "Asta", birth_date=CHILD_BIRTH), "members.2.birth_date",
         "older sibling"),
        (dto.MemberInput("lillebror", "Otto", birth_date=date(2014, 1, 9)), "members.2.birth_date",
         "younger sibling"),
        (dto.MemberInput("far", "Jonas", birth_date=date(2018, 1, 1)), "members.2.birth_date",
         "is a parent but is born after"),
    ],
    ids=["storebror born after the child", "storesøster born the same day", "lillebror born before",
         "parent born after the child"],
)
def test_family_order_is_checked_and_nothing_is_saved(workspace, extra, field, words):
    before = _counts(workspace)

    with pytest.raises(ValidationError) as caught:
        workspace.cases.create_case(family(child_birth=CHILD_BIRTH, extra=(extra,)))

    assert caught.value.field == field
    assert words in caught.value.english()
    assert extra.first_name in caught.value.english()
    assert _counts(workspace) == before


def test_family_in_the_right_order_is_saved(workspace):
    before = _counts(workspace)
    extra = (
        dto.MemberInput("storebror", "Aksel", birth_date=date(2013, 1, 9)),
        dto.MemberInput("lillesoester", "Ida", birth_date=date(2019, 8, 1)),
        dto.MemberInput("tvilling", "Storm", birth_date=CHILD_BIRTH),
        dto.MemberInput("soeskende", "Alma"),  # no birth date: nothing to check
    )

    workspace.cases.create_case(family(child_birth=CHILD_BIRTH, extra=extra))

    after = _counts(workspace)
    assert after["cases"] == before["cases"] + 1
    assert after["family_members"] == before["family_members"] + 6


def _bad(new: dto.NewCase, what: str) -> dto.NewCase:
    members = list(new.members)
    if what == "future referral":
        return replace(new, referral=replace(new.referral, referred_on=TODAY + timedelta(days=1)))
    if what == "no family name":
        return replace(new, family_name=" ")
    if what == "unknown template":
        return replace(new, template_id="odense")
    if what == "unknown source":
        return replace(new, referral=replace(new.referral, source_kind="politi"))
    if what == "unknown relation":
        members[0] = replace(members[0], relation="nabo")
    elif what == "unknown language":
        members[0] = replace(members[0], language="xx")
    elif what == "no child":
        members = members[:1]
    elif what == "bad cpr":
        members[1] = replace(members[1], cpr="32" + cpr_for(CHILD_BIRTH)[2:])
    elif what == "cpr birth mismatch":
        members[1] = replace(members[1], cpr=cpr_for(CHILD_BIRTH + timedelta(days=1)))
    elif what == "bad phone":
        members[0] = replace(members[0], phone="ring til mig")
    return replace(new, members=tuple(members))


@pytest.mark.parametrize(
    ("what", "field"),
    [
        ("future referral", "referral.referred_on"),
        ("no family name", "family_name"),
        ("unknown template", "template_id"),
        ("unknown source", "referral.source_kind"),
        ("unknown relation", "members.0.relation"),
        ("unknown language", "members.0.language"),
        ("no child", "members"),
        ("bad cpr", "members.1.cpr"),
        ("cpr birth mismatch", "members.1.birth_date"),
        ("bad phone", "members.0.phone"),
    ],
)
def test_invalid_case_is_not_saved(workspace, what, field):
    before = _counts(workspace)

    with pytest.raises(ValidationError) as caught:
        workspace.cases.create_case(_bad(family(child_birth=CHILD_BIRTH), what))

    assert caught.value.field == field
    assert _counts(workspace) == before


def test_cpr_typed_without_dash_is_saved_with_it(workspace):
    number = cpr_for(CHILD_BIRTH, dash=False)
    new = family(child_birth=CHILD_BIRTH)
    members = (new.members[0], replace(new.members[1], cpr=number, birth_date=None))

    overview = workspace.cases.create_case(replace(new, members=members))

    child = overview.members[1]
    assert child.cpr == number[:6] + "-" + number[6:]
    assert child.birth_date == CHILD_BIRTH

"""Synthetic families for the tests: made up at run time, CPR numbers from ``synthetic_cpr``.

No CPR-shaped literal appears in the test sources. ``cpr_for`` builds one for a birth date and
``cpr_with`` one with a chosen 7th (century) digit, both through ``app.services.demo.synthetic_cpr``,
so every number fails the modulus-11 check and never describes a real person.
"""

from __future__ import annotations

import random
from datetime import date

from app.services.cases import dto
from app.services.demo import synthetic_cpr


class _SeventhDigit(random.Random):
    """A random source whose ``choice`` picks the wanted 7th CPR digit (serials stay random)."""

    def __init__(self, seventh: int, seed: int) -> None:
        super().__init__(seed)
        self.seventh = seventh

    def choice(self, seq):  # type: ignore[no-untyped-def, override]
        return self.seventh


def _fails_modulus_11(digits: str) -> bool:
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 != 0


def cpr_for(birth: date, seed: int = 0, dash: bool = True) -> str:
    """A synthetic CPR number for someone born on ``birth``."""
    number = synthetic_cpr(random.Random(seed), birth)
    return number if dash else number.replace("-", "")


def cpr_with(ddmmyy: str, seventh: int, seed: int = 0) -> str:
    """A synthetic CPR number ``DDMMYY-SSSS`` whose serial starts with ``seventh``.

    ``ddmmyy`` may be any six digits (also an impossible date): the serial comes from
    ``synthetic_cpr`` and is kept only if the whole number still fails the modulus-11 check.
    """
    while True:
        # synthetic_cpr asks its random source for the 7th digit of births before 2000.
        serial = synthetic_cpr(_SeventhDigit(seventh, seed), date(1960, 1, 1))[7:]
        if _fails_modulus_11(ddmmyy + serial):
            return f"{ddmmyy}-{serial}"
        seed += 1


def referral(referred_on: date = date(2026, 11, 1), source_kind: str = "hospital") -> dto.ReferralInput:
    return dto.ReferralInput(source_kind, referred_on, organisation="Børneafdelingen",
                             reason="Nydiagnosticeret type 1-diabetes", channel="secure_mail")


def family(
    surname: str = "Skovbjerg",
    template: str = "herning",
    child: str = "Lærke",
    child_birth: date = date(2016, 5, 5),
    referred_on: date = date(2026, 11, 1),
    extra: tuple[dto.MemberInput, ...] = (),
    address: str = "Bøgevej 3",
    with_cpr: bool = False,
    note: str = "",
) -> dto.NewCase:
    """A mother and a child (optionally with CPR numbers), plus ``extra`` members."""
    mother_birth = date(1988, 3, 2)
    members = (
        dto.MemberInput("mor", "Mette", surname, birth_date=mother_birth, has_custody=True,
                        cpr=cpr_for(mother_birth, seed=1) if with_cpr else ""),
        dto.MemberInput("barn", child, surname, birth_date=child_birth,
                        cpr=cpr_for(child_birth, seed=2) if with_cpr else "",
                        diagnoses=(dto.DiagnosisInput("Type 1-diabetes", "DE10"),)),
    ) + extra
    return dto.NewCase(
        family_name=f"Familien {surname}",
        template_id=template,
        referral=referral(referred_on),
        members=members,
        address=address,
        postal_code="7400",
        city="Herning",
        note=note,
    )


def participation(given_on: date = date(2026, 11, 2), *more: dto.ScopeInput) -> dto.ConsentInput:
    """Consent to take part (and ``more`` scopes), given by the mother."""
    return dto.ConsentInput("Mette", given_on, "signed", (dto.ScopeInput("participation"),) + more)


def me_as_tovholder(started_on: date = date(2026, 11, 3)) -> dto.TovholderInput:
    return dto.TovholderInput(started_on, "Har kontakten til familien", True, is_me=True)

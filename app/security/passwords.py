"""Password strength guidance for the profile password: a score, and hints she can act on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.core.errors import QT_TRANSLATE_NOOP

# A small list of passwords (and stems) that Danish users are known to choose; enough to catch
# the obvious ones without shipping a dictionary.
COMMON = {
    "password", "passw0rd", "kodeord", "adgangskode", "qwerty", "qwertyuiop", "asdfgh", "123456",
    "1234567890", "sommer", "vinter", "foraar", "efteraar", "danmark", "kobenhavn", "sundhed",
    "sundhedspleje", "sundhedsplejerske", "tovholder", "kommune", "hejmeddig", "ilovelove",
    "welcome", "velkommen", "letmein", "abc123", "monkey", "dragon", "fodbold", "hemmelig",
}
SEQUENCES = ("abcdefghijklmnopqrstuvwxyzæøå", "0123456789", "qwertyuiopåasdfghjklæøzxcvbnm")


@dataclass(frozen=True)
class PasswordAssessment:
    """How strong a password is (0 very weak .. 4 strong) and what would make it better."""

    score: int
    acceptable: bool
    hints: list[str] = field(default_factory=list)


def _normalise(password: str) -> str:
    table = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
    return re.sub(r"[^a-zæøå]", "", password.lower().translate(table))


def _has_sequence(password: str, run: int = 4) -> bool:
    low = password.lower()
    for seq in SEQUENCES:
        for i in range(len(seq) - run + 1):
            if seq[i : i + run] in low or seq[i : i + run][::-1] in low:
                return True
    return False


def assess(password: str, min_length: int = 10, personal_words: tuple[str, ...] = ()) -> PasswordAssessment:
    """Judge ``password``; ``personal_words`` (her name, say) must not be the password's core."""
    hints: list[str] = []
    length = len(password)
    classes = sum(
        bool(re.search(p, password)) for p in (r"[a-zæøå]", r"[A-ZÆØÅ]", r"\d", r"[^\w\s]|_", r"\s")
    )
    unique = len(set(password))
    score = 0
    if length >= min_length:
        score += 1
    if length >= min_length + 4:
        score += 1
    if length >= 20:
        score += 1
    if classes >= 3:
        score += 1
    core = _normalise(password)
    common = core in COMMON or any(core.startswith(w) and len(core) - len(w) <= 4 for w in COMMON)
    parts = {part for word in personal_words for part in re.split(r"[\s\-]+", word)}
    personal = any(len(p) >= 3 and _normalise(p) and _normalise(p) in core for p in parts)
    if common:
        score = 0
        hints.append(QT_TRANSLATE_NOOP("Password", "This is a very common password. Choose another."))
    if personal:
        score = max(0, score - 2)
        hints.append(QT_TRANSLATE_NOOP("Password", "Do not build the password from your own name."))
    if unique <= max(2, length // 4):
        score = max(0, score - 2)
        hints.append(QT_TRANSLATE_NOOP("Password", "Avoid repeating the same characters."))
    if _has_sequence(password):
        score = max(0, score - 1)
        hints.append(QT_TRANSLATE_NOOP("Password", "Avoid runs such as \"1234\" or \"abcd\"."))
    if length < min_length:
        hints.insert(0, QT_TRANSLATE_NOOP("Password", "Use at least {min} characters."))
    elif score < 3:
        hints.append(
            QT_TRANSLATE_NOOP(
                "Password",
                "Four or five unrelated words, with spaces, make a strong password that is easy "
                "to remember.",
            )
        )
    score = min(score, 4)
    acceptable = length >= min_length and not common and score >= 2
    return PasswordAssessment(score=score, acceptable=acceptable, hints=hints)

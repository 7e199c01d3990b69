"""Display texts for the codes the services use (status, phase, attention, roles, steps)."""

from __future__ import annotations

from app.ui.common.i18n import fill, label, language, translate


def status_text(code: str) -> str:
    return {
        "active": translate("Labels", "Active"),
        "paused": translate("Labels", "Paused"),
        "closed": translate("Labels", "Closed"),
    }.get(code, code)


def phase_text(code: str) -> str:
    return {
        "I": translate("Labels", "Phase I"),
        "II": translate("Labels", "Phase II"),
        "III": translate("Labels", "Phase III"),
    }.get(code, code)


def attention_text(code: str) -> str:
    return {
        "no_consent": translate("Labels", "Consent missing"),
        "no_tovholder": translate("Labels", "No tovholder"),
        "overdue": translate("Labels", "Deadline passed"),
        "consent_expiring": translate("Labels", "Consent runs out soon"),
        "follow_up_due": translate("Labels", "Contact due today"),
        "follow_up_overdue": translate("Labels", "Contact overdue"),
    }.get(code, code)


def role_text(code: str) -> str:
    return {
        "sundhedsplejerske": translate("Labels", "Health visitor"),
        "koordinator": translate("Labels", "Coordinator"),
        "sagsbehandler": translate("Labels", "Caseworker"),
        "andet": translate("Labels", "Other"),
    }.get(code, code)


def step_status_text(code: str) -> str:
    return {
        "pending": translate("Labels", "Later"),
        "active": translate("Labels", "Now"),
        "done": translate("Labels", "Done"),
        "skipped": translate("Labels", "Skipped"),
    }.get(code, code)


def consent_form_text(code: str) -> str:
    return {
        "signed": translate("Labels", "Signed"),
        "verbal": translate("Labels", "Verbal"),
        "digital": translate("Labels", "Digital"),
    }.get(code, code)


def step_label(step: object) -> str:
    """A step's label in the interface language (steps keep both, copied from their template)."""
    da, en = getattr(step, "label_da", ""), getattr(step, "label_en", "")
    return en if language() == "en" and en else da


def current_step_label(item: object) -> str:
    da, en = getattr(item, "current_step_da", ""), getattr(item, "current_step_en", "")
    return en if language() == "en" and en else da


def interpreter_text(needs: list[tuple[str, str]], content) -> str:  # type: ignore[no-untyped-def]
    """"Interpreter: Arabic (Sara)" for the family members who need one (``(first name, language code)``),
    or "" when nobody does: said where she plans a contact and holds the conversation."""
    if not needs:
        return ""
    languages = {c.code: label(c.label) for c in content.family.languages} if content is not None else {}
    by_language: dict[str, list[str]] = {}
    for name, code in needs:
        by_language.setdefault(languages.get(code, code) or translate("Labels", "language not given"), []).append(name)
    return fill(translate("Labels", "Interpreter: {languages}"),
                languages="; ".join(f"{lang} ({', '.join(names)})" for lang, names in by_language.items()))

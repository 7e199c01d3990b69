"""Shared UI: widgets, item models, translations, the idle lock, draft dialogs, the task runner."""

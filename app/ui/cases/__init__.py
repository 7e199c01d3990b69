"""The case list, the case overview and the case's dialogs."""

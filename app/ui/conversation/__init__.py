"""The clarifying conversation's window and pages."""

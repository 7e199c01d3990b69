"""The clarifying conversation (afklarende samtale): notes, items, offers, next steps, the summary."""

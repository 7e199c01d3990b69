"""The profile's screens: first start, unlock, settings."""

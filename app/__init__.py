"""Tovholder: an offline-first case tool for municipal health visitors and coordinators."""

__version__ = "0.1.0"
APP_NAME = "Tovholder"

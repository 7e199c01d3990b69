"""Helpers shared by the Qt-free tests: synthetic families and CPR numbers, the crash-test writer."""

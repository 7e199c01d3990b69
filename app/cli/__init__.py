"""The command line: the app itself, the demo profile and IT's tools."""

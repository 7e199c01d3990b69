"""Printable documents (reportlab), made in memory as ``bytes``; no Qt, no services, no ORM."""

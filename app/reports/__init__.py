"""Printable documents (reportlab), made in memory as ``bytes``; no Qt, no services, no ORM.

Every report is laid out on the shared ``layout`` (page, margins, footer with "Side 1 af 2", paragraph
styles, a text table fitted to its content) and takes its own words, in Danish and English, from ``texts``.
"""

"""Importers of public listings: fetch -> parse -> normalised records.

Scrapers know nothing of the database; ``coact.imports`` writes their records.
"""

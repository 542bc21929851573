"""Writing imported records into the directory.

Every source (HSDS files, PTV, Lähellä.fi, CSV) is parsed by ``scrapers/`` into
normalised records; :func:`coact.imports.upsert.import_records` is the one
routine that writes them, so the rules (hand edits win, nothing is deleted,
duplicates are flagged, one transaction per batch) hold for all of them.
"""

"""The JSON API under ``/api/v1`` (no locale in the path; errors are JSON)."""

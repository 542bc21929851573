"""Helpers the referral, visit and notice templates share (labels for codes)."""

from __future__ import annotations

from flask import current_app
from flask_babel import get_locale

from coact.reference import municipality, target_groups, themes
from coact.referrals.lifecycle import AUDIT_ACTION_LABELS
from coact.referrals.services import CONSENT_NOTICE_VERSION


def municipality_label(code: str | None) -> str:
    found = municipality(code) if code else None
    return found.label(str(get_locale())) if found else ""


def theme_label(code: str) -> str:
    term = themes().get(code)
    return term.label(str(get_locale())) if term else code


def target_group_label(code: str) -> str:
    term = target_groups().get(code)
    return term.label(str(get_locale())) if term else code


def template_helpers() -> dict:
    return {
        "municipality_label": municipality_label,
        "theme_label": theme_label,
        "target_group_label": target_group_label,
        "endpoints": current_app.view_functions,
        "notice_version": CONSENT_NOTICE_VERSION,
        "audit_action_labels": AUDIT_ACTION_LABELS,
    }

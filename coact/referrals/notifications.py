"""E-mails about referrals. They say only that something happened and link to the
referral behind a login: never the client's data, the need or the organisation's notes."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from coact import mail
from coact.models import Organization
from coact.models.referrals import Referral
from coact.referrals.lifecycle import STATUS_LABELS

PRIVACY_LINE = _l("For privacy, this message contains no details. Log in to see them:")


def organization_contacts(org: Organization | None) -> list[str]:
    """The organisation's contact point, else its general address, else its editors."""
    if org is None:
        return []
    address = org.contact_email or org.email
    if address:
        return [address]
    return sorted(u.email for u in getattr(org, "editors", []) if u.active)


def new_referral(referral: Referral) -> None:
    mail.queue(
        mail.compose(
            organization_contacts(referral.organization),
            _l("New referral"),
            [_l("Your organisation has received a new referral in Co-Act."), PRIVACY_LINE],
            "referrals.detail",
            public_id=referral.public_id,
        )
    )


def status_changed_for_requester(referral: Referral) -> None:
    worker = referral.created_by
    if worker is None or not worker.active:
        return
    mail.queue(
        mail.compose(
            [worker.email],
            _l("A referral was updated"),
            [
                _l(
                    "A referral you made has a new status: %(status)s.",
                    status=STATUS_LABELS[referral.status],
                ),
                PRIVACY_LINE,
            ],
            "referrals.detail",
            public_id=referral.public_id,
        )
    )


def status_changed_for_recipient(referral: Referral) -> None:
    mail.queue(
        mail.compose(
            organization_contacts(referral.organization),
            _l("A referral was updated"),
            [
                _l(
                    "A referral to your organisation has a new status: %(status)s.",
                    status=STATUS_LABELS[referral.status],
                ),
                PRIVACY_LINE,
            ],
            "referrals.detail",
            public_id=referral.public_id,
        )
    )


def reminder(referral: Referral) -> None:
    mail.queue(
        mail.compose(
            organization_contacts(referral.organization),
            _l("A referral is waiting for your answer"),
            [
                _l(
                    "A referral to your organisation has waited for an answer for more "
                    "than a week. Please accept or decline it."
                ),
                PRIVACY_LINE,
            ],
            "referrals.detail",
            public_id=referral.public_id,
        )
    )

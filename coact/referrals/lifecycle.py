"""The referral lifecycle: allowed transitions, who makes them, labels, FHIR mapping.

One table says which action moves a referral from which statuses to which status
and which side acts: the *requester* (the referring worker and their team) or the
*recipient* (editors of the receiving organisation). Services apply it; the
permission module asks it which side an action belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from coact.models.referrals import (
    CONSENT_ORAL,
    CONSENT_ORAL_INTERPRETER,
    CONSENT_WRITTEN,
    DATA_EMAIL,
    DATA_LANGUAGE,
    DATA_NAME,
    DATA_NEEDS,
    DATA_PHONE,
    STATUS_ACCEPTED,
    STATUS_CANCELLED,
    STATUS_COMPLETED,
    STATUS_DECLINED,
    STATUS_DRAFT,
    STATUS_MEETING_ARRANGED,
    STATUS_NO_SHOW,
    STATUS_SENT,
    STATUS_WITHDRAWN,
)

REQUESTER = "requester"
RECIPIENT = "recipient"


@dataclass(frozen=True)
class Transition:
    action: str
    from_statuses: tuple[str, ...]
    to_status: str
    side: str
    #: Reason codes offered (one is required) for this action; empty when none is asked.
    reasons: tuple[str, ...] = ()


DECLINE_REASONS = ("no_capacity", "not_eligible", "language", "not_running", "other")
CANCEL_REASONS = ("client_cancelled", "could_not_contact", "activity_cancelled", "other")
#: Set by the system when the client withdraws consent from an open referral.
REASON_CONSENT_WITHDRAWN = "consent_withdrawn"

TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition("send", (STATUS_DRAFT,), STATUS_SENT, REQUESTER),
        Transition("accept", (STATUS_SENT,), STATUS_ACCEPTED, RECIPIENT),
        Transition("decline", (STATUS_SENT,), STATUS_DECLINED, RECIPIENT, DECLINE_REASONS),
        Transition(
            "arrange_meeting",
            (STATUS_ACCEPTED, STATUS_MEETING_ARRANGED),
            STATUS_MEETING_ARRANGED,
            RECIPIENT,
        ),
        Transition("complete", (STATUS_MEETING_ARRANGED,), STATUS_COMPLETED, RECIPIENT),
        Transition("no_show", (STATUS_MEETING_ARRANGED,), STATUS_NO_SHOW, RECIPIENT),
        Transition(
            "cancel",
            (STATUS_ACCEPTED, STATUS_MEETING_ARRANGED),
            STATUS_CANCELLED,
            RECIPIENT,
            CANCEL_REASONS,
        ),
        Transition(
            "withdraw",
            (STATUS_DRAFT, STATUS_SENT, STATUS_ACCEPTED, STATUS_MEETING_ARRANGED),
            STATUS_WITHDRAWN,
            REQUESTER,
        ),
    )
}


def actions_from(status: str, side: str) -> list[Transition]:
    """The transitions ``side`` may make from ``status``, in table order."""
    return [t for t in TRANSITIONS.values() if t.side == side and status in t.from_statuses]


STATUS_LABELS = {
    STATUS_DRAFT: _l("Draft"),
    STATUS_SENT: _l("Sent, waiting for an answer"),
    STATUS_ACCEPTED: _l("Accepted"),
    STATUS_DECLINED: _l("Declined"),
    STATUS_MEETING_ARRANGED: _l("Meeting arranged"),
    STATUS_COMPLETED: _l("Completed"),
    STATUS_NO_SHOW: _l("Client did not come"),
    STATUS_CANCELLED: _l("Cancelled"),
    STATUS_WITHDRAWN: _l("Withdrawn by the referring worker"),
}

ACTION_LABELS = {
    "send": _l("Send the referral"),
    "accept": _l("Accept"),
    "decline": _l("Decline"),
    "arrange_meeting": _l("Record the meeting"),
    "complete": _l("Mark completed"),
    "no_show": _l("Client did not come"),
    "cancel": _l("Cancel"),
    "withdraw": _l("Withdraw the referral"),
}

REASON_LABELS = {
    "no_capacity": _l("No capacity at the moment"),
    "not_eligible": _l("The activity does not suit this client"),
    "language": _l("We cannot serve the client's language"),
    "not_running": _l("The activity is not running now"),
    "client_cancelled": _l("The client cancelled"),
    "could_not_contact": _l("We could not reach the client"),
    "activity_cancelled": _l("The activity was cancelled"),
    "other": _l("Other reason (explain in the note)"),
    REASON_CONSENT_WITHDRAWN: _l("The client withdrew consent"),
}

EVENT_LABELS = {
    "consent_recorded": _l("Consent recorded"),
    "consent_withdrawn": _l("Consent withdrawn, personal data erased"),
    "consent_expired": _l("Consent expired, personal data erased"),
    "data_erased": _l("Personal data erased after the retention period"),
}

DATA_ITEM_LABELS = {
    DATA_NAME: _l("Name"),
    DATA_PHONE: _l("Phone"),
    DATA_EMAIL: _l("E-mail"),
    DATA_LANGUAGE: _l("Preferred language"),
    DATA_NEEDS: _l("Short description of needs"),
}

CONSENT_METHOD_LABELS = {
    CONSENT_ORAL: _l("Orally"),
    CONSENT_ORAL_INTERPRETER: _l("Orally with an interpreter"),
    CONSENT_WRITTEN: _l("In writing"),
}

CONSENT_STATE_LABELS = {
    "active": _l("Valid"),
    "withdrawn": _l("Withdrawn"),
    "expired": _l("Expired"),
}

#: Co-Act status → (ServiceRequest.status, Task.status, Task.businessStatus code).
#: The SR belongs to the requester and ends with the referral; the Task carries the
#: NGO's progress (HL7 FHIR SDOH Clinical Care, Task for referral management).
#: Reason codes (decline, cancel) go to Task.statusReason.
FHIR_STATUS = {
    STATUS_DRAFT: ("draft", "draft", None),
    STATUS_SENT: ("active", "requested", None),
    STATUS_ACCEPTED: ("active", "accepted", None),
    STATUS_DECLINED: ("revoked", "rejected", None),
    STATUS_MEETING_ARRANGED: ("active", "in-progress", "meeting-arranged"),
    STATUS_COMPLETED: ("completed", "completed", None),
    STATUS_NO_SHOW: ("revoked", "failed", "no-show"),
    STATUS_CANCELLED: ("revoked", "cancelled", None),
    STATUS_WITHDRAWN: ("revoked", "cancelled", "withdrawn-by-requester"),
}

AUDIT_ACTION_LABELS = {
    "referral.create": _l("Referral created"),
    "referral.status": _l("Status changed"),
    "referral.consent.record": _l("Consent recorded"),
    "referral.consent.withdraw": _l("Consent withdrawn"),
    "referral.consent.expire": _l("Consent expired"),
    "referral.personal_data.view": _l("Personal data viewed"),
    "referral.personal_data.erase": _l("Personal data erased"),
}

"""All models, importable from one place (Alembic and the app see the same metadata)."""

from coact.models.audit import AuditLog
from coact.models.base import utcnow
from coact.models.changes import DirectoryChange
from coact.models.directory import (
    AREA_COUNTY,
    AREA_KINDS,
    AREA_MUNICIPALITY,
    AREA_NATIONWIDE,
    ORGANIZATION_STATUSES,
    SERVICE_STATUSES,
    STATUS_ACTIVE,
    Organization,
    Service,
    ServiceArea,
    ServiceInterpreterLanguage,
    ServiceLanguage,
    ServiceTargetGroup,
    ServiceTheme,
)
from coact.models.imports import DuplicateCandidate, ImportItemError, ImportRun, SourceDiff
from coact.models.notices import AdvanceNotice
from coact.models.referrals import Referral, ReferralClientData, ReferralConsent, ReferralEvent
from coact.models.users import (
    COUNTY_ROLES,
    ROLE_ADMIN,
    ROLE_COORDINATOR,
    ROLE_KOTO_WORKER,
    ROLE_NGO_EDITOR,
    ROLES,
    Team,
    User,
    organization_editors,
)
from coact.models.visits import GroupVisit

__all__ = [
    "AREA_COUNTY",
    "AREA_KINDS",
    "AREA_MUNICIPALITY",
    "AREA_NATIONWIDE",
    "AdvanceNotice",
    "AuditLog",
    "COUNTY_ROLES",
    "DirectoryChange",
    "DuplicateCandidate",
    "GroupVisit",
    "ImportItemError",
    "ImportRun",
    "ORGANIZATION_STATUSES",
    "Organization",
    "ROLES",
    "Referral",
    "ReferralClientData",
    "ReferralConsent",
    "ReferralEvent",
    "ROLE_ADMIN",
    "ROLE_COORDINATOR",
    "ROLE_KOTO_WORKER",
    "ROLE_NGO_EDITOR",
    "SERVICE_STATUSES",
    "STATUS_ACTIVE",
    "Service",
    "ServiceArea",
    "ServiceInterpreterLanguage",
    "ServiceLanguage",
    "ServiceTargetGroup",
    "ServiceTheme",
    "SourceDiff",
    "Team",
    "User",
    "organization_editors",
    "utcnow",
]

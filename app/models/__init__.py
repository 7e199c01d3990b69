"""ORM classes and small value types of the case record. No Qt, no I/O besides the ORM."""

from app.models.audit import AuditEntry
from app.models.base import Actor, Base, SyncedRecord
from app.models.case import (
    Case,
    CaseStep,
    Consent,
    ConsentScopeGrant,
    Diagnosis,
    FamilyMember,
    Referral,
    ServiceLevelDecision,
    TovholderAssignment,
)
from app.models.changelog import ChangeLogEntry
from app.models.conversation import (
    AgreedStep,
    ContentSnapshot,
    Conversation,
    ConversationItem,
    ConversationSection,
    FollowUp,
    OfferReferral,
)
from app.models.network import MapPerson, MapTie, MapVersion, Partner
from app.models.profile import Draft, Profile

__all__ = [
    "Actor",
    "AgreedStep",
    "ContentSnapshot",
    "Conversation",
    "ConversationItem",
    "ConversationSection",
    "FollowUp",
    "MapPerson",
    "MapTie",
    "MapVersion",
    "OfferReferral",
    "Partner",
    "AuditEntry",
    "Base",
    "Case",
    "CaseStep",
    "ChangeLogEntry",
    "Consent",
    "ConsentScopeGrant",
    "Diagnosis",
    "Draft",
    "FamilyMember",
    "Profile",
    "Referral",
    "ServiceLevelDecision",
    "SyncedRecord",
    "TovholderAssignment",
]

"""All models of the capacity_lms app, one migration stream for its subpackages."""

from capacity_lms.attendance.models import (
    AttendanceChange,
    AttendanceRecord,
    AttendanceStatus,
    WalkIn,
)
from capacity_lms.calls.document_models import ApplicationDocument
from capacity_lms.calls.eligibility_models import DocumentRequest, EligibilityCheck
from capacity_lms.calls.followup_models import (
    Agreement,
    IndicatorValue,
    ProjectReport,
    Spending,
    Tranche,
)
from capacity_lms.calls.models import Application, ApplicationVersion, CallEvent
from capacity_lms.calls.pages import (
    CallCriterion,
    CallIndexPage,
    CallPage,
    CallRate,
    CommitteeMember,
    RequiredDocument,
)
from capacity_lms.calls.review_models import Decision, ReviewAssignment, Score
from capacity_lms.certificates.models import (
    Certificate,
    CertificateEvent,
    CertificateRule,
    CertificateSettings,
)
from capacity_lms.core.history import ScopedLogEntry
from capacity_lms.evaluation.models import (
    AreaScore,
    FollowUp,
    LearningGain,
    Questionnaire,
    Reaction,
    ReactionRequest,
    SelfAssessment,
)
from capacity_lms.exchange.models import Post, PostAttachment, PostRevision, Space, Thread
from capacity_lms.exchange.people_models import (
    Follow,
    ModerationEvent,
    Notice,
    NotificationPreference,
    PostReport,
    ReadMarker,
    SpaceRemoval,
)
from capacity_lms.library.models import (
    CaseStudyAttachment,
    CaseStudyIndicator,
    CaseStudyPage,
    CaseStudyTag,
    LibraryIndexPage,
)
from capacity_lms.network.models import AbuseReport, OfferOrNeed, Partnership, RelayedMessage
from capacity_lms.network.pages import DirectoryPage
from capacity_lms.people.models import Association, LearnerProfile, Membership
from capacity_lms.people.records import (
    AssociationDocument,
    MembershipRequest,
    ProfileChange,
    VerificationEvent,
)
from capacity_lms.privacy.models import PersonalDataRequest
from capacity_lms.projects.models import (
    Activity,
    Assumption,
    BudgetLine,
    ExpectedResult,
    Indicator,
    OtherFunder,
    Project,
    ProjectPartner,
    SpecificObjective,
)
from capacity_lms.reports.models import CountryCoordinator
from capacity_lms.taxonomy.models import (
    Country,
    Province,
    Region,
    SpecializedGroup,
    StrategicAxis,
)
from capacity_lms.workbook.models import (
    Deliverable,
    DeliverableFile,
    DeliverableReview,
    DeliverableVersion,
    ReviewAlertChoice,
    Workbook,
)
from capacity_lms.workshops.models import (
    CalendarFeedToken,
    OccurrenceChange,
    Registration,
    ReminderDelivery,
    Session,
    Workshop,
)

__all__ = [
    "AbuseReport",
    "Activity",
    "Agreement",
    "Application",
    "ApplicationDocument",
    "ApplicationVersion",
    "AreaScore",
    "Association",
    "AssociationDocument",
    "Assumption",
    "AttendanceChange",
    "AttendanceRecord",
    "AttendanceStatus",
    "BudgetLine",
    "CalendarFeedToken",
    "CallCriterion",
    "CallEvent",
    "CallIndexPage",
    "CallPage",
    "CallRate",
    "CaseStudyAttachment",
    "CaseStudyIndicator",
    "CaseStudyPage",
    "CaseStudyTag",
    "Certificate",
    "CertificateEvent",
    "CertificateRule",
    "CertificateSettings",
    "CommitteeMember",
    "Country",
    "CountryCoordinator",
    "Decision",
    "Deliverable",
    "DeliverableFile",
    "DeliverableReview",
    "DeliverableVersion",
    "DirectoryPage",
    "DocumentRequest",
    "EligibilityCheck",
    "ExpectedResult",
    "Follow",
    "FollowUp",
    "Indicator",
    "IndicatorValue",
    "LearnerProfile",
    "LearningGain",
    "LibraryIndexPage",
    "Membership",
    "MembershipRequest",
    "ModerationEvent",
    "Notice",
    "NotificationPreference",
    "OccurrenceChange",
    "OfferOrNeed",
    "OtherFunder",
    "Partnership",
    "PersonalDataRequest",
    "Post",
    "PostAttachment",
    "PostReport",
    "PostRevision",
    "ProfileChange",
    "Project",
    "ProjectPartner",
    "ProjectReport",
    "Province",
    "Questionnaire",
    "Reaction",
    "ReactionRequest",
    "ReadMarker",
    "Region",
    "Registration",
    "RelayedMessage",
    "ReminderDelivery",
    "RequiredDocument",
    "ReviewAlertChoice",
    "ReviewAssignment",
    "ScopedLogEntry",
    "Score",
    "SelfAssessment",
    "Session",
    "Space",
    "SpaceRemoval",
    "SpecializedGroup",
    "SpecificObjective",
    "Spending",
    "StrategicAxis",
    "Thread",
    "Tranche",
    "VerificationEvent",
    "WalkIn",
    "Workbook",
    "Workshop",
]

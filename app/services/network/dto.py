"""Plain data for the network map (netværkskort): people, ties, versions, the partner directory.

Geometry: a person's place is polar, like easyNWK's: ``angle`` in degrees (0 = to the right, counter-
clockwise, -180..180) and ``distance`` from the centre (the child and family), where the outer horizon
is 100. The sector follows from the angle (four quadrants) and the horizon from the distance (three
rings); ``sector_of`` and ``horizon_of`` are the only places that decide it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from app.models.network import PARTNER_KINDS as PARTNER_KINDS  # re-exported for the forms
from app.services.validation import add_months

# The four sectors, counter-clockwise from the top right (domain README §5; easyNWK §1.4).
SECTOR_FAMILY = "family"                 # familie og slægt
SECTOR_FRIENDS = "friends"               # venner og naboer
SECTOR_SCHOOL_WORK = "school_work"       # skole, dagtilbud, arbejde og fritid
SECTOR_PROFESSIONAL = "professional"     # professionelle: sundhed, kommune, frivillige, patientforeninger
SECTORS = (SECTOR_FAMILY, SECTOR_FRIENDS, SECTOR_SCHOOL_WORK, SECTOR_PROFESSIONAL)
PRIVATE_SECTORS = (SECTOR_FAMILY, SECTOR_FRIENDS, SECTOR_SCHOOL_WORK)

# Three horizons of closeness: 1 close (distance < 33.33), 2 middle (< 66.67), 3 far (<= 100).
HORIZONS = (1, 2, 3)
HORIZON_EDGES = (100 / 3, 200 / 3, 100.0)

SUPPORT_TYPES = ("practical", "emotional", "informational", "respite")
QUALITIES = ("supportive", "ambivalent", "strained", "conflict")
TIE_QUALITIES = ("", "strained", "conflict")
MAX_DISTANCE = 130.0  # a little beyond the outer horizon is allowed ("outside the map")


def normal_angle(angle: float) -> float:
    """The same direction as an angle in [-180, 180)."""
    return ((angle + 180.0) % 360.0) - 180.0


def sector_of(angle: float) -> str:
    """The sector a position's angle lies in (0 ≤ a < 90 family, 90 ≤ a ≤ 180 friends, ...)."""
    a = normal_angle(angle)
    if 0.0 <= a < 90.0:
        return SECTOR_FAMILY
    if a >= 90.0 or a == -180.0:
        return SECTOR_FRIENDS
    if a < -90.0:
        return SECTOR_SCHOOL_WORK
    return SECTOR_PROFESSIONAL


def horizon_of(distance: float) -> int:
    """1 close, 2 middle, 3 far (the outer ring, and anything beyond it)."""
    if distance < HORIZON_EDGES[0]:
        return 1
    if distance < HORIZON_EDGES[1]:
        return 2
    return 3


def centre_of(sector: str, horizon: int) -> tuple[float, float]:
    """The (angle, distance) in the middle of a sector and horizon: where a person placed from the
    keyboard goes."""
    angle = {SECTOR_FAMILY: 45.0, SECTOR_FRIENDS: 135.0, SECTOR_SCHOOL_WORK: -135.0, SECTOR_PROFESSIONAL: -45.0}[sector]
    inner = 0.0 if horizon == 1 else HORIZON_EDGES[horizon - 2]
    return angle, (inner + HORIZON_EDGES[horizon - 1]) / 2


def to_xy(angle: float, distance: float) -> tuple[float, float]:
    """Screen coordinates (y down) of a polar position, on a map where the outer horizon is 100."""
    rad = math.radians(angle)
    return distance * math.cos(rad), -distance * math.sin(rad)


def from_xy(x: float, y: float) -> tuple[float, float]:
    """The polar position of a screen point (y down)."""
    return math.degrees(math.atan2(-y, x)), math.hypot(x, y)


def sharing_label(name: str, role: str) -> str:
    """A person as shown to people outside the health service: initials and role only."""
    initials = "".join(part[0] for part in name.split() if part)[:3].upper()
    return " · ".join(x for x in (initials, role) if x)


@dataclass(frozen=True)
class PersonInput:
    """A person on the map as typed in the form or the list."""

    name: str
    angle: float
    distance: float
    relation: str = ""
    role: str = ""
    organisation: str = ""
    partner_id: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    support: tuple[str, ...] = ()
    quality: str = "supportive"
    wants_involved: bool = False
    invite: bool = False
    consent_to_share: bool = False
    note: str = ""


@dataclass(frozen=True)
class MapPersonView:
    """A person on a family's map (a plain view; also the shape of a version's snapshot)."""

    id: str
    name: str
    angle: float
    distance: float
    relation: str = ""
    role: str = ""
    organisation: str = ""
    partner_id: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    support: tuple[str, ...] = ()
    quality: str = "supportive"
    wants_involved: bool = False
    invite: bool = False
    consent_to_share: bool = False
    note: str = ""

    @property
    def sector(self) -> str:
        return sector_of(self.angle)

    @property
    def horizon(self) -> int:
        return horizon_of(self.distance)

    def as_input(self, **changes: object) -> PersonInput:
        """The person as the form or the list would send it, with ``changes`` applied."""
        fields = {k: v for k, v in self.__dict__.items() if k != "id"}
        return PersonInput(**{**fields, **changes})  # type: ignore[arg-type]

    @property
    def is_professional(self) -> bool:
        return self.sector == SECTOR_PROFESSIONAL


@dataclass(frozen=True)
class MapTieView:
    """Two people on the map who know each other (undirected; stored once per pair)."""

    id: str
    a_id: str
    b_id: str
    quality: str = ""


@dataclass(frozen=True)
class MapData:
    """The whole map of a family at one moment: the live map or a saved version."""

    people: tuple[MapPersonView, ...] = ()
    ties: tuple[MapTieView, ...] = ()

    def person(self, person_id: str) -> MapPersonView | None:
        return next((p for p in self.people if p.id == person_id), None)


@dataclass(frozen=True)
class MapVersionInfo:
    id: str
    label: str
    saved_on: date
    people: int
    ties: int


@dataclass(frozen=True)
class FamilyMemberChoice:
    """Someone of the family (not a child in the centre) she can put on the map without typing them in
    again: the name and the relation as the case has them."""

    member_id: str
    name: str
    relation: str  # the family catalogue's code (mor, bonusfar, storesoester …)


@dataclass(frozen=True)
class NetworkMapView:
    """What the map screen shows: the family in the centre, the live map, the saved versions, and the
    family's own members to offer on it."""

    case_id: str
    family_name: str
    centre_names: tuple[str, ...]
    data: MapData
    versions: tuple[MapVersionInfo, ...] = ()
    family: tuple[FamilyMemberChoice, ...] = ()


@dataclass(frozen=True)
class ContactPoint:
    """A functional contact point of a partner (e.g. "Visitationen", a shared phone)."""

    name: str
    phone: str = ""
    email: str = ""


def months_before(day: date, months: int) -> date:
    """The same day ``months`` calendar months earlier (the 31st becomes the month's last day)."""
    return add_months(day, -months)


@dataclass(frozen=True)
class InformationVisit:
    """A time the partner was told about the effort (a visit, a meeting, a letter): FR-18."""

    informed_on: date
    how: str = ""  # "Besøg i klinikken", "Personalemøde", "Mail til sekretariatet", ...
    note: str = ""


@dataclass(frozen=True)
class PartnerView:
    """A partner organisation in the directory shared across families (school, GP clinic, ...)."""

    id: str
    kind: str
    name: str
    unit: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    contact_points: tuple[ContactPoint, ...] = ()
    note: str = ""
    information: tuple[InformationVisit, ...] = ()  # newest first

    @property
    def last_informed(self) -> date | None:
        return max((v.informed_on for v in self.information), default=None)

    def informed_since(self, day: date) -> bool:
        """Whether the partner was informed on ``day`` or later."""
        last = self.last_informed
        return last is not None and last >= day


@dataclass(frozen=True)
class Invitee:
    """Someone on the map flagged "invite to network meetings", with the contact details to use."""

    person_id: str
    name: str
    role: str
    organisation: str
    phone: str
    email: str
    consent_to_share: bool
    sector: str


@dataclass(frozen=True)
class CategoryMeasures:
    """The measures of one column, each category counted on its own: everyone ("all"), the family's own
    people without the professionals ("private"), or one sector. A person's degree here counts only her
    ties to others in the same column. ``None`` means no data: a density with fewer than two people (no
    pair is possible), an average or a maximum with nobody in the column."""

    key: str
    people: int = 0
    ties: int = 0
    pairs: int = 0
    density: float | None = None
    degree_mean: float | None = None
    degree_max: int | None = None
    stars: tuple[str, ...] = ()  # who has the highest degree in the column, when it is above 0


@dataclass(frozen=True)
class MapMeasures:
    """The map's simple, explained measures (see ``app.services.network.measures``)."""

    per_cell: dict[tuple[str, int], int] = field(default_factory=dict)
    per_sector: dict[str, int] = field(default_factory=dict)
    per_horizon: dict[int, int] = field(default_factory=dict)
    people: int = 0
    private: int = 0
    professional: int = 0
    professional_share: float | None = None  # None: nobody on the map
    private_ties: int = 0
    private_density: float | None = None     # None: fewer than two of the family's own people
    bridges: tuple[str, ...] = ()
    isolated: tuple[str, ...] = ()
    supportive: int = 0
    ambivalent: int = 0
    strained: int = 0
    conflict: int = 0
    private_pairs: int = 0          # possible ties among the private people: n·(n−1)/2
    degree: dict[str, int] = field(default_factory=dict)  # person id -> her ties to others on the map
    categories: tuple[CategoryMeasures, ...] = ()          # "all", "private", then each sector


@dataclass(frozen=True)
class MapChange:
    """What changed between two versions of a map (people matched by id)."""

    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    ties_added: tuple[tuple[str, str], ...] = ()
    ties_removed: tuple[tuple[str, str], ...] = ()
    ties_changed: tuple[tuple[str, str], ...] = ()

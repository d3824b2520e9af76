"""The facts of one household case, as the ``assess`` rules read them (contracts, section 2).

Plain frozen dataclasses with no input or output: ``portal.rules.contract.assess_io``
builds them from a JSON line, the portal builds them from its records. Each
``Literal`` type has a tuple of its allowed values beside it for validation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal, get_args

Role = Literal["applicant", "joint_applicant", "partner", "child", "other"]
Sex = Literal["male", "female"]
RightToReside = Literal["full", "jobseeker_only", "initial_three_months", "derivative"]
RoomKind = Literal["bedroom", "living_room", "kitchen", "bathroom", "other"]
MedicalLevel = Literal["medium", "high", "urgent"]
Duty = Literal["prevention", "relief", "main", "intentional_priority", "non_cooperation"]
ForcesStatus = Literal[
    "none", "serving_regular", "former_regular", "bereaved_partner", "serving_reservist", "former_reservist"
]
Downsizing = Literal["council", "partner"]
EligibilityClass = Literal[
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T"
]

ROLES: tuple[str, ...] = get_args(Role)
SEXES: tuple[str, ...] = get_args(Sex)
RIGHTS_TO_RESIDE: tuple[str, ...] = get_args(RightToReside)
ROOM_KINDS: tuple[str, ...] = get_args(RoomKind)
MEDICAL_LEVELS: tuple[str, ...] = get_args(MedicalLevel)
DUTIES: tuple[str, ...] = get_args(Duty)
FORCES_STATUSES: tuple[str, ...] = get_args(ForcesStatus)
DOWNSIZING: tuple[str, ...] = get_args(Downsizing)
ELIGIBILITY_CLASSES: tuple[str, ...] = get_args(EligibilityClass)
APPLICANT_ROLES = ("applicant", "joint_applicant")


@dataclass(frozen=True, slots=True)
class Immigration:
    """Immigration facts recorded by an officer from evidence (spec 3)."""

    subject_to_control: bool = False
    eligibility_class: EligibilityClass | None = None
    has_leave: bool = True
    no_recourse_to_public_funds: bool = False
    habitually_resident: bool = True
    habitual_residence_exempt: bool = False
    right_to_reside: RightToReside = "full"


#: What a missing ``immigration`` record means for an applicant: a British citizen living here.
NOT_SUBJECT_TO_CONTROL = Immigration()


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    role: Role
    date_of_birth: dt.date
    sex: Sex
    partner_of: str | None = None
    needs_own_room: bool = False
    main_home_with_applicant: bool = True
    immigration: Immigration | None = None


@dataclass(frozen=True, slots=True)
class Room:
    kind: RoomKind
    area_sqft: Decimal


@dataclass(frozen=True, slots=True)
class CurrentHome:
    type: str  # one of portal.rules.parameters.HOME_TYPES
    bedrooms_available: int | None = None  # None only for home types that are not assessed
    rooms: tuple[Room, ...] | None = None
    shares_kitchen_or_bathroom_with_other_household: bool = False
    category1_hazard: bool = False
    hazard_cannot_be_remedied: bool = False
    prohibition_order: bool = False
    lacks_basic_amenities: bool = False


@dataclass(frozen=True, slots=True)
class Employment:
    since: dt.date
    hours_per_week: Decimal
    permanent: bool


@dataclass(frozen=True, slots=True)
class LocalConnection:
    lived_in_district_since: dt.date | None = None
    employment_in_district: Employment | None = None
    close_family_in_district_since: dt.date | None = None
    medical_connection: bool = False
    needs_to_move_for_care: bool = False


@dataclass(frozen=True, slots=True)
class RentArrears:
    amount: Decimal = Decimal(0)
    arrangement_kept: bool = False


@dataclass(frozen=True, slots=True)
class Finances:
    gross_annual_income: Decimal
    savings: Decimal
    owns_property: bool = False
    property_inaccessible: bool = False
    rent_arrears: RentArrears | None = None


@dataclass(frozen=True, slots=True)
class Behaviour:
    serious_unacceptable_behaviour: bool = False
    deliberate_worsening_within_5_years: bool = False
    reasonable_offers_refused_last_12_months: int = 0


@dataclass(frozen=True, slots=True)
class OfficerAssessments:
    medical_welfare: MedicalLevel | None = None
    medical_welfare_awarded: dt.date | None = None
    urgent_risk_of_harm: bool = False
    move_on_ready: bool = False
    hardship_locality: bool = False


@dataclass(frozen=True, slots=True)
class Homelessness:
    duty: Duty | None = None
    duty_date: dt.date | None = None
    only_because_of_restricted_person: bool = False
    must_leave_by: dt.date | None = None
    nowhere_to_stay_tonight: bool = False
    cannot_stay_where_they_are: bool = False
    placed_outside_district: bool = False


@dataclass(frozen=True, slots=True)
class ArmedForces:
    status: ForcesStatus = "none"
    discharge_date: dt.date | None = None
    service_attributable_injury: bool = False


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """An earlier assessment for the priority date (spec 8); band None: did not qualify or suspended."""

    date: dt.date
    band: int | None


@dataclass(frozen=True, slots=True)
class Case:
    """One household case. ``people`` holds exactly one person with the role ``applicant``."""

    id: str
    as_at: dt.date
    registration_date: dt.date
    people: tuple[Person, ...]
    current_home: CurrentHome
    finances: Finances
    local_connection: LocalConnection = LocalConnection()
    behaviour: Behaviour = Behaviour()
    officer_assessments: OfficerAssessments = OfficerAssessments()
    homelessness: Homelessness = Homelessness()
    armed_forces: ArmedForces = ArmedForces()
    pregnancy_weeks: int | None = None
    overnight_carer: bool = False
    foster_or_adopter_approved: bool = False
    right_to_move: bool = False
    domestic_abuse_needs_move: bool = False
    care_leaver: bool = False
    decant: bool = False
    downsizing: Downsizing | None = None
    history: tuple[HistoryEntry, ...] = ()

    @property
    def applicant(self) -> Person:
        for person in self.people:
            if person.role == "applicant":
                return person
        raise ValueError("A case must have an applicant.")

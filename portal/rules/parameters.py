"""Every scheme parameter, its type and allowed values (allocation scheme, section 2)."""

from __future__ import annotations

from dataclasses import dataclass

HOME_TYPES = (
    "private_rented",
    "council_tenant",
    "housing_association_tenant",
    "owner_occupier",
    "living_with_family",
    "lodger",
    "temporary_accommodation",
    "refuge",
    "supported_housing",
    "hostel",
    "rough_sleeping",
    "sofa_surfing",
    "hospital",
    "prison",
    "other",
)


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str  # int, int_or_null, number, money, fraction, bool, choice, list
    choices: tuple[str, ...] = ()
    minimum: int = 0


PARAMETERS: tuple[Parameter, ...] = (
    # 2.1 Qualification and local connection
    Parameter("min_age", "int"),
    Parameter("residence_months", "int"),
    Parameter("employment_months", "int"),
    Parameter("employment_min_hours_week", "number"),
    Parameter("employment_must_be_permanent", "bool"),
    Parameter("close_family_years", "int_or_null"),
    Parameter("medical_connection_route", "bool"),
    Parameter("income_cap", "money"),
    Parameter("savings_cap", "money"),
    Parameter("homeowner_excluded", "bool"),
    Parameter("unacceptable_behaviour_excluded", "bool"),
    Parameter("housing_need_required", "bool"),
    Parameter("local_exemptions", "list", ("care_or_support", "placed_outside_district")),
    Parameter("af_extend_exemption", "bool"),
    # 2.2 Bedroom need and overcrowding
    Parameter("bedroom_model", "choice", ("SC", "BS")),
    Parameter("count_unborn_from_week", "int_or_null"),
    Parameter("extra_room_overnight_carer", "bool"),
    Parameter("extra_room_disabled_child", "bool"),
    Parameter("extra_room_couple_cannot_share", "bool"),
    Parameter("extra_room_foster_adopt", "bool"),
    Parameter("max_bedroom_need", "int_or_null"),
    Parameter("overcrowding_not_assessed_types", "list", HOME_TYPES),
    # 2.3 Banding, priority date and homelessness
    Parameter("cumulative_uplift", "bool"),
    Parameter("reduced_preference_arrears", "money"),
    Parameter("reduced_preference_offers_refused", "int"),
    Parameter("reduced_preference_deliberate_worsening", "bool"),
    Parameter("pd_policy", "choice", ("compass", "band_entry", "keep_on_down")),
    Parameter("homelessness_notice_days", "int"),
    Parameter("change_effective_from", "choice", ("notified", "event")),
    # 2.4 Affordability
    Parameter("rent_ratio_max", "fraction"),
    Parameter("affordable_rent_fraction", "fraction"),
    Parameter("cap_affordable_rent_at_lha", "bool"),
    Parameter("retained_savings", "money"),
    Parameter("mortgage_multiple", "number"),
    Parameter("mortgage_rate", "fraction"),
    Parameter("mortgage_term_months", "int", minimum=1),
    Parameter("so_income_cap", "money"),
    Parameter("so_income_cap_london", "money"),
    Parameter("so_min_deposit_fraction", "fraction"),
    Parameter("so_min_share", "fraction"),
    Parameter("so_max_share", "fraction"),
    Parameter("so_rent_rate", "fraction"),
    Parameter("so_cost_check", "choice", ("london_only", "always", "never")),
    Parameter("so_cost_ratio_max", "fraction"),
    Parameter("first_homes_enabled", "bool"),
    Parameter("fh_min_discount_percent", "number"),
    Parameter("fh_price_cap", "money"),
    Parameter("fh_price_cap_london", "money"),
    Parameter("fh_income_cap", "money"),
    Parameter("fh_income_cap_london", "money"),
    Parameter("fh_min_mortgage_fraction", "fraction"),
    Parameter("fh_min_deposit_fraction", "fraction"),
)

BY_NAME = {parameter.name: parameter for parameter in PARAMETERS}

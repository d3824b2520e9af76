"""The fixed lists of lettings: tenures, landlords, property types, access categories and statuses.

Names applicants read are marked for translation with ``N_``; the database
checks each column against these lists, so a new kind is added here and in a
migration, never only in a form.
"""

from __future__ import annotations

from portal.rules.text import N_

#: How a home is let or sold.
TENURES: dict[str, str] = {
    "social_rent": N_("Social rent"),
    "affordable_rent": N_("Affordable rent"),
    "shared_ownership": N_("Shared ownership"),
    "first_homes": N_("First Homes"),
}
RENT_TENURES = ("social_rent", "affordable_rent")
OWNERSHIP_TENURES = ("shared_ownership", "first_homes")

#: Who owns the home. A housing association home is let by nomination.
LANDLORD_KINDS: dict[str, str] = {
    "council": N_("Council landlord"),
    "housing_association": N_("Housing association"),
}

PROPERTY_TYPES: dict[str, str] = {
    "flat": N_("Flat"),
    "maisonette": N_("Maisonette"),
    "house": N_("House"),
    "bungalow": N_("Bungalow"),
    "bedsit": N_("Studio or bedsit"),
}

#: How easy the home is to get into and around, always shown in words.
MOBILITY_CATEGORIES: dict[str, str] = {
    "wheelchair": N_("Suitable for someone who uses a wheelchair all the time"),
    "wheelchair_partial": N_("Suitable for someone who uses a wheelchair some of the time"),
    "step_free": N_("Step-free: no steps to get in, for someone who cannot manage stairs"),
    "general": N_("General needs: may have steps or stairs"),
}

#: A bidding cycle: planned (adverts being got ready), open (bids taken), closed (shortlisting).
CYCLE_STATUSES = ("planned", "open", "closed")

#: An advert: draft (officers only), ready (waiting for its cycle to open), open (taking bids),
#: closed (bidding ended, shortlisting), matched (held for a direct match), let, withdrawn.
ADVERT_STATUSES = ("draft", "ready", "open", "closed", "matched", "let", "withdrawn")

BID_STATUSES = ("active", "withdrawn")

#: Where a bidder stands on a shortlist.
SHORTLIST_STATUSES = ("waiting", "verified", "skipped", "offered", "refused", "accepted", "let", "excluded")

#: How a home came to be offered.
LET_ROUTES: dict[str, str] = {
    "bidding": "Bidding",
    "nomination": "Nomination to a housing association",
    "direct_match": "Direct match",
}

OFFER_STATUSES = ("made", "accepted", "refused", "withdrawn")
NOMINATION_OUTCOMES = ("waiting", "accepted", "refused")
DIRECT_MATCH_STATUSES = ("waiting", "approved", "refused")

#: Why an officer passes over a bidder on a shortlist.
SKIP_REASONS: dict[str, str] = {
    "evidence_out_of_date": "Evidence out of date",
    "circumstances_changed": "Circumstances have changed",
    "not_suitable": "Home not suitable for the household's needs",
    "no_contact": "Could not contact the household",
    "arrears": "Rent arrears",
    "other": "Other reason",
}

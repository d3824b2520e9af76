"""The fixed lists of kinds in officers' case work, each with its plain-English name.

The database checks each column against these lists, so a new kind is added here
and in a migration, never only in a form.
"""

from __future__ import annotations

#: Safeguarding and vulnerability flags an officer can put on a case.
FLAG_KINDS: dict[str, str] = {
    "domestic_abuse": "Domestic abuse",
    "child_at_risk": "Child at risk",
    "adult_at_risk": "Adult at risk",
    "self_harm_risk": "Risk of self-harm",
    "armed_forces": "Armed forces",
    "care_leaver": "Care leaver",
}

#: Partner teams and agencies an officer can refer a household to.
PARTNERS: dict[str, str] = {
    "homelessness_prevention": "Homelessness prevention",
    "childrens_social_care": "Children's social care",
    "adults_social_care": "Adults' social care",
    "environmental_health": "Environmental health",
    "benefits": "Benefits",
    "community_safety": "Community safety",
    "fraud": "Fraud",
}

#: How a contact with the applicant happened.
CONTACT_METHODS: dict[str, str] = {
    "phone": "Phone call",
    "visit": "Visit",
    "web_message": "Web message",
    "letter": "Letter",
    "email": "Email",
}

NOTE_KINDS = ("note", "contact")
DIRECTIONS = ("in", "out")

#: What made two applications look like the same household.
DUPLICATE_MATCHES: dict[str, str] = {
    "ni_number": "Same National Insurance number",
    "name_and_birth_date": "Same name and date of birth",
    "email": "Same email address",
}
DUPLICATE_STATUSES = ("open", "not_duplicate", "duplicate")

#: What a determination decided.
OUTCOMES: dict[str, str] = {
    "joins": "Joins the register",
    "not_eligible": "Not eligible",
    "does_not_qualify": "Does not qualify",
}
DECISION_KINDS = ("initial", "reassessment", "review")
ASSESSMENT_STATUSES = ("open", "determined")
REVIEW_STATUSES = ("waiting", "assigned", "decided")
REVIEW_OUTCOMES = ("upheld", "changed")

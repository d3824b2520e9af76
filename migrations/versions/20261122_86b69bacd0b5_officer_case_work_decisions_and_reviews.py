"""officer case work, decisions and reviews

Revision ID: 86b69bacd0b5
Revises: d1e3ff48d930
Create Date: 2026-11-22 13:02:25.734208
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "86b69bacd0b5"
down_revision = "d1e3ff48d930"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("confirmations", sa.JSON(), nullable=False),
        sa.Column("checklist", sa.JSON(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "status IS NULL OR status IN ('open', 'determined')", name=op.f("ck_case_assessments_status")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_case_assessments_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["users.id"], name=op.f("fk_case_assessments_officer_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_assessments")),
    )
    with op.batch_alter_table("case_assessments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_assessments_application_id"), ["application_id"], unique=False)

    op.create_table(
        "case_handling",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("assigned_officer_id", sa.Integer(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sensitive", sa.Boolean(), nullable=False),
        sa.Column("sensitive_reason", sa.String(length=2000), nullable=True),
        sa.Column("sensitive_since", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_case_handling_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assigned_officer_id"],
            ["users.id"],
            name=op.f("fk_case_handling_assigned_officer_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("application_id", name=op.f("pk_case_handling")),
    )
    with op.batch_alter_table("case_handling", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_handling_assigned_officer_id"), ["assigned_officer_id"], unique=False)

    op.create_table(
        "case_named_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_case_named_officers_added_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_case_named_officers_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"], ["users.id"], name=op.f("fk_case_named_officers_officer_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_named_officers")),
        sa.UniqueConstraint("application_id", "officer_id", name=op.f("uq_case_named_officers_application_id")),
    )
    with op.batch_alter_table("case_named_officers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_named_officers_application_id"), ["application_id"], unique=False)

    op.create_table(
        "case_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=True),
        sa.Column("direction", sa.String(length=5), nullable=True),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("direction IS NULL OR direction IN ('in', 'out')", name=op.f("ck_case_notes_direction")),
        sa.CheckConstraint("kind IS NULL OR kind IN ('note', 'contact')", name=op.f("ck_case_notes_kind")),
        sa.CheckConstraint(
            "method IS NULL OR method IN ('phone', 'visit', 'web_message', 'letter', 'email')",
            name=op.f("ck_case_notes_method"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_case_notes_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_case_notes_author_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_notes")),
    )
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_case_notes_application_id"), ["application_id"], unique=False)

    op.create_table(
        "duplicate_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("other_application_id", sa.Integer(), nullable=False),
        sa.Column("matched_on", sa.String(length=30), nullable=False),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("resolved_by_id", sa.Integer(), nullable=True),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("note", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "matched_on IS NULL OR matched_on IN ('ni_number', 'name_and_birth_date', 'email')",
            name=op.f("ck_duplicate_flags_matched_on"),
        ),
        sa.CheckConstraint(
            "status IS NULL OR status IN ('open', 'not_duplicate', 'duplicate')", name=op.f("ck_duplicate_flags_status")
        ),
        sa.CheckConstraint("application_id < other_application_id", name=op.f("ck_duplicate_flags_ordered_pair")),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_duplicate_flags_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["other_application_id"],
            ["applications.id"],
            name=op.f("fk_duplicate_flags_other_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by_id"], ["users.id"], name=op.f("fk_duplicate_flags_resolved_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_flags")),
        sa.UniqueConstraint(
            "application_id", "other_application_id", "matched_on", name=op.f("uq_duplicate_flags_application_id")
        ),
    )
    with op.batch_alter_table("duplicate_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_duplicate_flags_application_id"), ["application_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_duplicate_flags_other_application_id"), ["other_application_id"], unique=False
        )

    op.create_table(
        "duty_referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=True),
        sa.Column("enquirer_name", sa.String(length=200), nullable=False),
        sa.Column("enquirer_contact", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("referred_by_id", sa.Integer(), nullable=True),
        sa.Column("referred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("taken_by_id", sa.Integer(), nullable=True),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("advice", sa.Text(), nullable=True),
        sa.Column("advised_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_duty_referrals_application_id_applications"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["referred_by_id"], ["users.id"], name=op.f("fk_duty_referrals_referred_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["taken_by_id"], ["users.id"], name=op.f("fk_duty_referrals_taken_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_referrals")),
    )
    with op.batch_alter_table("duty_referrals", schema=None) as batch_op:
        batch_op.create_index("ix_duty_referrals_open", ["advised_at"], unique=False)

    op.create_table(
        "partner_referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=40), nullable=False),
        sa.Column("contact", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("referred_by_id", sa.Integer(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "partner IS NULL OR partner IN ('homelessness_prevention', 'childrens_social_care', 'adults_social_care', 'environmental_health', 'benefits', 'community_safety', 'fraud')",
            name=op.f("ck_partner_referrals_partner"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_partner_referrals_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["outcome_by_id"], ["users.id"], name=op.f("fk_partner_referrals_outcome_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["referred_by_id"],
            ["users.id"],
            name=op.f("fk_partner_referrals_referred_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_referrals")),
    )
    with op.batch_alter_table("partner_referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_partner_referrals_application_id"), ["application_id"], unique=False)

    op.create_table(
        "safeguarding_flags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("added_by_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_by_id", sa.Integer(), nullable=True),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("removed_reason", sa.String(length=2000), nullable=True),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('domestic_abuse', 'child_at_risk', 'adult_at_risk', 'self_harm_risk', 'armed_forces', 'care_leaver')",
            name=op.f("ck_safeguarding_flags_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["added_by_id"], ["users.id"], name=op.f("fk_safeguarding_flags_added_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_safeguarding_flags_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["removed_by_id"], ["users.id"], name=op.f("fk_safeguarding_flags_removed_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safeguarding_flags")),
    )
    with op.batch_alter_table("safeguarding_flags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_safeguarding_flags_application_id"), ["application_id"], unique=False)

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("assessment_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("outcome", sa.String(length=30), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("qualifies", sa.Boolean(), nullable=True),
        sa.Column("local_connection", sa.Boolean(), nullable=True),
        sa.Column("bedroom_need", sa.Integer(), nullable=True),
        sa.Column("band", sa.Integer(), nullable=True),
        sa.Column("priority_date", sa.Date(), nullable=True),
        sa.Column("registration_date", sa.Date(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("overrides", sa.JSON(), nullable=False),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("review_by", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('initial', 'reassessment', 'review')", name=op.f("ck_decisions_kind")
        ),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('joins', 'not_eligible', 'does_not_qualify')",
            name=op.f("ck_decisions_outcome"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_decisions_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["case_assessments.id"],
            name=op.f("fk_decisions_assessment_id_case_assessments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"], ["users.id"], name=op.f("fk_decisions_decided_by_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decisions")),
    )
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decisions_application_id"), ["application_id"], unique=False)

    op.create_table(
        "decision_letters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("locale", sa.String(length=10), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("pdf_key", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decisions.id"],
            name=op.f("fk_decision_letters_decision_id_decisions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_decision_letters")),
        sa.UniqueConstraint("decision_id", "locale", name=op.f("uq_decision_letters_decision_id")),
    )
    with op.batch_alter_table("decision_letters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_decision_letters_decision_id"), ["decision_id"], unique=False)

    op.create_table(
        "review_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.Column("requested_by_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("outcome_decision_id", sa.Integer(), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.CheckConstraint(
            "outcome IS NULL OR outcome IN ('upheld', 'changed')", name=op.f("ck_review_requests_outcome")
        ),
        sa.CheckConstraint(
            "status IS NULL OR status IN ('waiting', 'assigned', 'decided')", name=op.f("ck_review_requests_status")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_review_requests_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_review_requests_decision_id_decisions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["outcome_decision_id"],
            ["decisions.id"],
            name=op.f("fk_review_requests_outcome_decision_id_decisions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_id"],
            ["users.id"],
            name=op.f("fk_review_requests_requested_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["users.id"], name=op.f("fk_review_requests_reviewer_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_requests")),
    )
    with op.batch_alter_table("review_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_requests_application_id"), ["application_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_requests_decision_id"), ["decision_id"], unique=False)

    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("title", sa.String(length=200), nullable=True))
        batch_op.add_column(sa.Column("why", sa.String(length=1000), nullable=True))
        batch_op.add_column(sa.Column("requested_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_evidence_items_requested_by_id_users"),
            "users",
            ["requested_by_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("evidence_items", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_evidence_items_requested_by_id_users"), type_="foreignkey")
        batch_op.drop_column("requested_by_id")
        batch_op.drop_column("why")
        batch_op.drop_column("title")

    with op.batch_alter_table("review_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_requests_decision_id"))
        batch_op.drop_index(batch_op.f("ix_review_requests_application_id"))

    op.drop_table("review_requests")
    with op.batch_alter_table("decision_letters", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decision_letters_decision_id"))

    op.drop_table("decision_letters")
    with op.batch_alter_table("decisions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_decisions_application_id"))

    op.drop_table("decisions")
    with op.batch_alter_table("safeguarding_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safeguarding_flags_application_id"))

    op.drop_table("safeguarding_flags")
    with op.batch_alter_table("partner_referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_partner_referrals_application_id"))

    op.drop_table("partner_referrals")
    with op.batch_alter_table("duty_referrals", schema=None) as batch_op:
        batch_op.drop_index("ix_duty_referrals_open")

    op.drop_table("duty_referrals")
    with op.batch_alter_table("duplicate_flags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_duplicate_flags_other_application_id"))
        batch_op.drop_index(batch_op.f("ix_duplicate_flags_application_id"))

    op.drop_table("duplicate_flags")
    with op.batch_alter_table("case_notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_notes_application_id"))

    op.drop_table("case_notes")
    with op.batch_alter_table("case_named_officers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_named_officers_application_id"))

    op.drop_table("case_named_officers")
    with op.batch_alter_table("case_handling", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_handling_assigned_officer_id"))

    op.drop_table("case_handling")
    with op.batch_alter_table("case_assessments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_assessments_application_id"))

    op.drop_table("case_assessments")

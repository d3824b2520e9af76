"""The models and the migrations agree, and requests never leave work uncommitted."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from portal.app import create_app
from portal.data.base import Base
from portal.data.db import Database, UncommittedChangesError, make_engine
from portal.data.migrate import downgrade_database, upgrade_database
from portal.data.models import User


def test_models_and_migrations_agree(db_session):
    connection = db_session.connection()
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_every_model_table_exists_after_migrating(db_session):
    tables = set(inspect(db_session.connection()).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert "alembic_version" in tables


@pytest.mark.db
def test_migrations_downgrade_and_upgrade_again(app, database_url):
    """Every migration can be undone and redone, on SQLite and on PostgreSQL."""
    Database.state(app).engine.dispose()
    downgrade_database(database_url)
    engine = make_engine(database_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    upgrade_database(database_url)
    assert set(Base.metadata.tables) <= set(inspect(engine).get_table_names())
    engine.dispose()


@pytest.fixture
def app_with_careless_view(app, database_url):
    settings = dict(app.config)
    careless = create_app(settings)

    @careless.get("/careless")
    def write_without_commit():
        from portal.extensions import db

        db.session.add(User(email="careless@example.org", full_name="C", password_hash="x"))
        db.session.flush()
        return "done"

    write_without_commit.portal_access = "public"
    yield careless
    Database.state(careless).engine.dispose()


def test_a_request_that_leaves_changes_uncommitted_fails(app_with_careless_view):
    with pytest.raises(UncommittedChangesError):
        app_with_careless_view.test_client().get("/careless")
    engine = Database.state(app_with_careless_view).engine
    with engine.connect() as connection:
        from sqlalchemy import select

        found = connection.execute(select(User.id).where(User.email == "careless@example.org"))
        assert found.first() is None

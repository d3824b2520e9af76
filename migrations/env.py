"""Alembic environment: migrations for SQLite and PostgreSQL from one set of models."""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import engine_from_config, pool

from portal.config import normalise_database_url
from portal.data import (  # noqa: F401
    advert_models,
    application_models,
    case_models,
    change_models,
    decision_models,
    evidence_models,
    letting_models,
    models,
    options,
    support_models,
)
from portal.data.base import Base, UTCDateTime

config = context.config
url = config.get_main_option("sqlalchemy.url") or os.environ.get("DATABASE_URL", "")
if not url:
    raise SystemExit("Set DATABASE_URL, or run migrations through `flask db-upgrade`.")
config.set_main_option("sqlalchemy.url", normalise_database_url(url).replace("%", "%%"))
target_metadata = Base.metadata


def render_item(type_: str, obj: object, autogen_context: object) -> str | bool:
    """Write the portal's own column types as the plain SQLAlchemy types they store."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connectable = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with connectable.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
            render_item=render_item,
        )
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()

"""The database extension: one engine per app, one session per app context.

The transaction boundary is explicit: a view that changes data calls
``commit()``. A request that leaves changes uncommitted is an error, raised
in testing and logged in production, so work is never silently lost.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from flask import Flask, Response, current_app, g
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

_PENDING = "portal_pending_writes"


class UncommittedChangesError(RuntimeError):
    """A request changed data and did not commit or roll back."""


@dataclass
class DatabaseState:
    engine: Engine
    factory: sessionmaker[Session]


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin,
    # so savepoints and rollbacks behave as they do on PostgreSQL.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


IMMEDIATE = "portal_begin_immediate"


def _begin_sqlite_transaction(connection: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock at once, so a second writer waits its turn (up to the timeout)
    # instead of failing when it finds the first one has written since it began reading.
    immediate = connection.get_execution_options().get(IMMEDIATE)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _mark_pending(session: Session, *_args: Any) -> None:
    session.info[_PENDING] = True


def _clear_pending(session: Session, *_args: Any) -> None:
    session.info.pop(_PENDING, None)


def has_uncommitted_changes(session: Session) -> bool:
    return bool(session.new or session.dirty or session.deleted or session.info.get(_PENDING))


def begin_writing(session: Session) -> None:
    """Make the session's next work a transaction that holds the write lock from its start.

    On SQLite a read-only transaction in progress ends first (nothing is lost:
    nothing is pending), and the next one begins IMMEDIATE, so concurrent
    writers queue. PostgreSQL needs nothing here: its callers lock rows.
    """
    if session.get_bind().dialect.name != "sqlite" or has_uncommitted_changes(session):
        return
    if session.in_transaction():
        session.commit()
    session.connection(execution_options={IMMEDIATE: True})


def make_session_factory(bind: Any, **options: Any) -> sessionmaker[Session]:
    factory = sessionmaker(bind=bind, expire_on_commit=False, **options)
    event.listen(factory, "after_flush", _mark_pending)
    event.listen(factory, "after_commit", _clear_pending)
    event.listen(factory, "after_soft_rollback", _clear_pending)
    return factory


class Database:
    def init_app(self, app: Flask) -> None:
        engine = make_engine(app.config["DATABASE_URL"])
        app.extensions["database"] = DatabaseState(engine, make_session_factory(engine))
        app.after_request(self._check_committed)
        app.teardown_appcontext(self._close)

    @staticmethod
    def state(app: Flask | None = None) -> DatabaseState:
        return (app or current_app).extensions["database"]  # type: ignore[no-any-return]

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            g.db_session = self.state().factory()
        return g.db_session  # type: ignore[no-any-return]

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    @staticmethod
    def _check_committed(response: Response) -> Response:
        session: Session | None = g.get("db_session")
        if session is not None and has_uncommitted_changes(session):
            session.rollback()
            message = "A request left database changes uncommitted; they were rolled back."
            if current_app.testing:
                raise UncommittedChangesError(message)
            log.error(message)
        return response

    @staticmethod
    def _close(_exc: BaseException | None) -> None:
        session: Session | None = g.pop("db_session", None)
        if session is not None:
            session.rollback()
            session.close()


db = Database()

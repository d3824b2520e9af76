"""Production refuses to start without its secrets and services."""

from __future__ import annotations

import pytest

from portal.app import create_app
from portal.config import ConfigurationError, ProductionConfig, config_from_environment

PRODUCTION_ENV = {
    "SECRET_KEY": "a" * 40,
    "DATABASE_URL": "postgresql://portal@db.internal/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SMTP_HOST": "smtp.internal",
    "MAIL_FROM": "housing@council.example",
    "BASE_URL": "https://housing.council.example",
}


@pytest.fixture
def production_env(monkeypatch):
    for name, value in PRODUCTION_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PORTAL_ENV", "production")


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_each_setting(production_env, monkeypatch, missing):
    monkeypatch.delenv(missing)
    with pytest.raises(ConfigurationError, match=missing):
        ProductionConfig()


def test_production_refuses_a_short_secret_key(production_env, monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "too-short")
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        config_from_environment()


def test_unknown_environment_name(monkeypatch):
    monkeypatch.setenv("PORTAL_ENV", "staging")
    with pytest.raises(ConfigurationError, match="PORTAL_ENV"):
        config_from_environment()


def test_production_app_has_no_demo_pages_and_sends_hsts(production_env):
    app = create_app()
    assert app.config["DATABASE_URL"].startswith("postgresql+psycopg://")
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert not app.config["DEMO_MODE"]
    assert not any(rule.rule.startswith("/dev") for rule in app.url_map.iter_rules())
    runner = app.test_cli_runner()
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 1
    assert "only created in development" in result.output
    with app.test_request_context("/brand.css"):
        response = app.full_dispatch_request()
        assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def test_development_config_uses_sqlite_in_the_instance_folder(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("PORTAL_ENV", "development")
    app = create_app()
    assert app.config["DATABASE_URL"].startswith("sqlite:///")
    assert app.config["DATABASE_URL"].endswith("instance/portal.sqlite3")
    assert app.config["DEMO_MODE"] is True


def test_production_trusts_one_proxy_for_client_addresses(production_env):
    app = create_app()

    @app.get("/whoami")
    def whoami():
        from flask import request

        return f"{request.remote_addr} {request.scheme}"

    whoami.portal_access = "public"
    response = app.test_client().get(
        "/whoami", headers={"X-Forwarded-For": "203.0.113.9", "X-Forwarded-Proto": "https"}
    )
    assert response.get_data(as_text=True) == "203.0.113.9 https"

"""Production refuses to start without its secrets and services."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from portal.app import create_app
from portal.config import PROJECT_ROOT, ConfigurationError, ProductionConfig, TestingConfig, config_from_environment
from portal.storage import LocalFileStore, S3FileStore, file_store

PRODUCTION_ENV = {
    "SECRET_KEY": "a" * 40,
    "DATABASE_URL": "postgresql://portal@db.internal/portal",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "SMTP_HOST": "smtp.internal",
    "MAIL_FROM": "housing@council.example",
    "BASE_URL": "https://housing.council.example",
    "S3_BUCKET": "council-evidence",
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


def test_production_with_local_files_does_not_need_a_bucket(production_env, monkeypatch):
    monkeypatch.delenv("S3_BUCKET")
    monkeypatch.setenv("FILE_STORAGE", "local")
    config = ProductionConfig()
    assert config.FILE_STORAGE == "local"


def test_production_refuses_an_unknown_file_storage(production_env, monkeypatch):
    monkeypatch.setenv("FILE_STORAGE", "ftp")
    with pytest.raises(ConfigurationError, match="FILE_STORAGE"):
        ProductionConfig()


def test_production_keeps_files_in_the_configured_bucket(production_env, monkeypatch):
    monkeypatch.setenv("S3_REGION", "eu-west-2")
    monkeypatch.setenv("S3_ENDPOINT_URL", "https://objects.council.example")
    app = create_app()
    store = file_store(app)
    assert isinstance(store, S3FileStore)
    assert store.bucket == "council-evidence"
    assert store.client.meta.region_name == "eu-west-2"
    assert store.client.meta.endpoint_url == "https://objects.council.example"
    assert file_store(app) is store  # made once per app


def test_development_keeps_files_in_the_upload_folder(tmp_path):
    settings = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings.update(UPLOAD_DIR=str(tmp_path / "uploads"), DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    store = file_store(create_app(settings))
    assert isinstance(store, LocalFileStore)
    assert store.root == (tmp_path / "uploads").resolve()


def test_upload_folder_is_outside_the_web_root_by_default():
    folder = Path(TestingConfig.UPLOAD_DIR).resolve()
    assert not folder.is_relative_to(PROJECT_ROOT / "static")
    if "UPLOAD_DIR" not in os.environ:
        assert folder == PROJECT_ROOT / "instance" / "uploads"


def test_upload_folder_inside_the_static_folder_is_refused(tmp_path):
    settings = {key: getattr(TestingConfig, key) for key in dir(TestingConfig) if key.isupper()}
    settings.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    app = create_app(settings)
    app.config["UPLOAD_DIR"] = str(Path(app.static_folder) / "uploads")
    with pytest.raises(ConfigurationError, match="UPLOAD_DIR"):
        file_store(app)


def test_request_limit_leaves_room_for_one_file_and_the_form():
    assert TestingConfig.UPLOAD_MAX_BYTES == 10 * 1024 * 1024
    assert (
        TestingConfig.UPLOAD_MAX_BYTES
        < TestingConfig.MAX_CONTENT_LENGTH
        <= TestingConfig.UPLOAD_MAX_BYTES + 1024 * 1024
    )

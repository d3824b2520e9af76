"""The application factory."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import Any

from flask import Flask
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from werkzeug.middleware.proxy_fix import ProxyFix

from portal import errors, explanations, i18n, security
from portal.auth import passwords, sessions
from portal.config import PROJECT_ROOT, BaseConfig, config_from_environment, normalise_database_url
from portal.extensions import babel, csrf, db, limiter
from portal.options.council_config import current_council
from portal.templating import init_templating


def _load_config(app: Flask, config: BaseConfig | dict[str, Any] | None) -> None:
    if isinstance(config, dict):
        base = config_from_environment() if "ENV_NAME" not in config else None
        if base is not None:
            app.config.from_object(base)
        app.config.update(config)
    else:
        app.config.from_object(config or config_from_environment())
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if not app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = f"sqlite:///{Path(app.instance_path) / 'portal.sqlite3'}"
    app.config["DATABASE_URL"] = normalise_database_url(app.config["DATABASE_URL"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret_key(Path(app.instance_path))
    app.config.setdefault("OUTBOX_DIR", str(Path(app.instance_path) / "outbox"))
    app.config.setdefault("UPLOAD_DIR", str(Path(app.instance_path) / "uploads"))


def _instance_secret_key(instance: Path) -> str:
    """A random key made once per development machine and kept in the instance folder."""
    path = instance / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def create_app(config: BaseConfig | dict[str, Any] | None = None) -> Flask:
    app = Flask(
        __name__,
        static_folder=str(PROJECT_ROOT / "static"),
        template_folder=None,
        instance_path=str(PROJECT_ROOT / "instance"),
        instance_relative_config=True,
    )
    _load_config(app, config)
    logging.basicConfig(level=logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(PROJECT_ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    if app.config.get("TESTING"):
        passwords.configure(time_cost=1, memory_cost=8192)

    db.init_app(app)
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    limiter.init_app(app)
    WTFormsHelpers(app)
    sessions.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    init_templating(app)
    errors.init_app(app)
    explanations.init_app(app)

    _register_blueprints(app)
    from portal.support.acting_views import init_app as init_acting

    init_acting(app)
    with app.app_context():
        current_council()  # a council file with a mistake stops the portal starting, naming the key
    if app.config.get("PROXY_COUNT"):
        hops = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]
    from portal import cli

    cli.init_app(app)
    from officer_review.cli import init_app as init_officer_cli

    init_officer_cli(app)
    from officer_review.lettings_cli import init_app as init_lettings_cli

    init_lettings_cli(app)
    from portal.homes.cli import init_app as init_homes_cli

    init_homes_cli(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from officer_review import bp as officer_bp
    from portal.account.routes import bp as account_bp
    from portal.apply.routes import bp as apply_bp
    from portal.homes.routes import bp as homes_bp
    from portal.options.routes import bp as options_bp
    from portal.pages.routes import bp as pages_bp
    from portal.support.routes import bp as support_bp

    for blueprint in (pages_bp, account_bp, options_bp, apply_bp, homes_bp, support_bp):
        app.register_blueprint(blueprint)
    app.register_blueprint(officer_bp, url_prefix="/officer")
    if app.config.get("DEMO_MODE"):
        from portal.dev.routes import bp as dev_bp

        app.register_blueprint(dev_bp, url_prefix="/dev")

"""Configuration classes.

Development and testing have safe local defaults so the portal runs on a
laptop. Production takes every secret and service address from the
environment and refuses to start when one is missing.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

SHIPPED_LOCALES = ("en", "pl", "ro", "ar", "ur")
RTL_LOCALES = frozenset({"ar", "ur"})
FILE_STORAGES = ("local", "s3")
# Room for the other fields of a form that carries one upload (CSRF token, answers, multipart boundaries).
UPLOAD_FORM_ALLOWANCE = 256 * 1024


class ConfigurationError(RuntimeError):
    """Raised when the portal cannot start because its configuration is incomplete."""


def normalise_database_url(url: str) -> str:
    """Use the psycopg 3 driver for plain postgresql:// addresses."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


class BaseConfig:
    ENV_NAME = "base"
    DEMO_MODE = False
    TESTING = False

    COUNCIL_NAME = os.environ.get("COUNCIL_NAME", "Example Borough Council")
    COUNCIL_COLOUR = os.environ.get("COUNCIL_COLOUR", "#1d70b8")
    COUNCIL_LOGO = os.environ.get("COUNCIL_LOGO", "")
    COUNCIL_CONTACT_EMAIL = os.environ.get("COUNCIL_CONTACT_EMAIL", "housing@example.org")
    COUNCIL_PHONE = os.environ.get("COUNCIL_PHONE", "01234 567890")
    # Where paper application forms are posted; empty means "the housing register team at <council>".
    COUNCIL_POSTAL_ADDRESS = os.environ.get(
        "COUNCIL_POSTAL_ADDRESS", "Housing Register Team, Town Hall, Example Street, Exampleton EX1 1AA"
    )
    # A council file (TOML) for the housing options advice; unset means the shipped example council.
    COUNCIL_FILE = os.environ.get("COUNCIL_FILE") or None
    # Empty means the translated default name, "Apply for social housing".
    SERVICE_NAME = os.environ.get("SERVICE_NAME", "")
    PHASE = os.environ.get("PHASE", "beta")
    FEEDBACK_URL = os.environ.get("FEEDBACK_URL", "mailto:housing@example.org")

    LANGUAGES = SHIPPED_LOCALES
    BABEL_DEFAULT_LOCALE = "en"
    BABEL_TRANSLATION_DIRECTORIES = str(PROJECT_ROOT / "translations")
    LANGUAGE_COOKIE = "portal_lang"

    SESSION_COOKIE_NAME = "portal_session"
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_SECURE = True
    PERMANENT_SESSION_LIFETIME = timedelta(hours=12)
    IDLE_TIMEOUT_SECONDS = int(os.environ.get("IDLE_TIMEOUT_SECONDS", 30 * 60))
    IDLE_WARNING_SECONDS = int(os.environ.get("IDLE_WARNING_SECONDS", 2 * 60))

    WTF_CSRF_ENABLED = True
    WTF_CSRF_TIME_LIMIT = None

    # Uploaded evidence: the largest file a person may upload, and where files are kept.
    UPLOAD_MAX_BYTES = int(os.environ.get("UPLOAD_MAX_BYTES", 10 * 1024 * 1024))
    # Werkzeug refuses a bigger request body (413) before reading it.
    MAX_CONTENT_LENGTH = UPLOAD_MAX_BYTES + UPLOAD_FORM_ALLOWANCE
    # Local storage: a folder outside the web root (the app's instance folder by default).
    UPLOAD_DIR = os.environ.get("UPLOAD_DIR") or str(PROJECT_ROOT / "instance" / "uploads")
    # S3-compatible storage; credentials come from boto3's usual sources (AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY, a profile or an instance role), never from this file.
    S3_BUCKET = os.environ.get("S3_BUCKET", "")
    S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
    S3_REGION = os.environ.get("S3_REGION", "")

    # Finding an address by postcode (the Ordnance Survey Places API, like https://api.os.uk/search/places/v1).
    # Empty means no lookup: people type their address. The key is a secret: never log it.
    ADDRESS_LOOKUP_URL = os.environ.get("ADDRESS_LOOKUP_URL", "")
    ADDRESS_LOOKUP_KEY = os.environ.get("ADDRESS_LOOKUP_KEY", "")

    # The officer area: cases older than this many working days are highlighted in the queues; an applicant
    # may ask for a review this many days after a decision, and the council decides it within this many weeks.
    CASE_TARGET_WORKING_DAYS = int(os.environ.get("CASE_TARGET_WORKING_DAYS", 20))
    REVIEW_REQUEST_DAYS = int(os.environ.get("REVIEW_REQUEST_DAYS", 21))
    REVIEW_DECISION_WEEKS = int(os.environ.get("REVIEW_DECISION_WEEKS", 8))

    # Lettings: bids each household may hold in a bidding cycle (new cycles start with this), days a household
    # has to answer an offer, and the months of lets the waiting-time estimates are worked out from.
    BID_LIMIT_PER_CYCLE = int(os.environ.get("BID_LIMIT_PER_CYCLE", 3))
    OFFER_RESPONSE_DAYS = int(os.environ.get("OFFER_RESPONSE_DAYS", 3))
    WAITING_TIME_MONTHS = int(os.environ.get("WAITING_TIME_MONTHS", 12))

    RATELIMIT_STORAGE_URI = "memory://"
    RATELIMIT_HEADERS_ENABLED = True
    RATE_LIMIT_SIGN_IN = "10 per minute; 50 per hour"
    RATE_LIMIT_REGISTER = "5 per minute; 30 per hour"
    RATE_LIMIT_RESET = "5 per minute; 30 per hour"
    RATE_LIMIT_VERIFY = "10 per minute; 60 per hour"
    RATE_LIMIT_BID = "20 per minute; 100 per hour"

    TOKEN_LIFETIME_RESET = timedelta(hours=1)
    TOKEN_LIFETIME_VERIFY = timedelta(days=3)

    MAIL_BACKEND = "outbox"
    MAIL_FROM = os.environ.get("MAIL_FROM", "housing@example.org")
    SMTP_HOST = os.environ.get("SMTP_HOST", "")
    SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
    SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "")
    SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")
    SMTP_USE_TLS = os.environ.get("SMTP_USE_TLS", "true").lower() != "false"

    HSTS = False
    PREFERRED_URL_SCHEME = "http"
    # The address people use to reach the portal; links in emails sent from
    # the command line or background jobs start with it.
    BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:5000")
    # How many reverse proxies stand in front of the app and set X-Forwarded-* headers.
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))


class DevelopmentConfig(BaseConfig):
    """The embedded default: SQLite and files in the instance folder."""

    ENV_NAME = "development"
    DEMO_MODE = True
    SESSION_COOKIE_SECURE = False
    REMEMBER_COOKIE_SECURE = False
    # Without SECRET_KEY, the factory makes a random key kept in the instance folder.
    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    DATABASE_URL = os.environ.get("DATABASE_URL", "")  # default set by the factory
    FILE_STORAGE = "local"


class TestingConfig(DevelopmentConfig):
    ENV_NAME = "testing"
    TESTING = True
    DEMO_MODE = True
    SECRET_KEY = secrets.token_hex(32)
    RATELIMIT_ENABLED = True
    SERVER_NAME = None


class ProductionConfig(BaseConfig):
    """Production: every secret and service from the environment."""

    ENV_NAME = "production"
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "1"))
    HSTS = True
    PREFERRED_URL_SCHEME = "https"
    MAIL_BACKEND = "smtp"

    REQUIRED = ("SECRET_KEY", "DATABASE_URL", "REDIS_URL", "SMTP_HOST", "MAIL_FROM", "BASE_URL")
    # Also required when FILE_STORAGE is s3 (the default in production).
    REQUIRED_FOR_S3 = ("S3_BUCKET",)

    def __init__(self) -> None:
        self.FILE_STORAGE = os.environ.get("FILE_STORAGE", "s3")
        if self.FILE_STORAGE not in FILE_STORAGES:
            raise ConfigurationError(
                f"FILE_STORAGE is {self.FILE_STORAGE!r}; it must be one of {', '.join(FILE_STORAGES)}."
            )
        required = self.REQUIRED + (self.REQUIRED_FOR_S3 if self.FILE_STORAGE == "s3" else ())
        missing = [name for name in required if not os.environ.get(name)]
        if missing:
            raise ConfigurationError(
                "The portal cannot start in production because these environment "
                f"variables are not set: {', '.join(missing)}. "
                "See the Configuration section of README.md."
            )
        self.SECRET_KEY = os.environ["SECRET_KEY"]
        if len(self.SECRET_KEY) < 32:
            raise ConfigurationError("SECRET_KEY must be at least 32 characters long.")
        self.DATABASE_URL = os.environ["DATABASE_URL"]
        self.RATELIMIT_STORAGE_URI = os.environ["REDIS_URL"]
        self.SMTP_HOST = os.environ["SMTP_HOST"]
        self.BASE_URL = os.environ["BASE_URL"]
        self.S3_BUCKET = os.environ.get("S3_BUCKET", "")
        self.S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
        self.S3_REGION = os.environ.get("S3_REGION", "")


CONFIGS: dict[str, type[BaseConfig]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_environment() -> BaseConfig:
    name = os.environ.get("PORTAL_ENV", "development")
    try:
        cls = CONFIGS[name]
    except KeyError as exc:
        raise ConfigurationError(f"PORTAL_ENV is {name!r}; it must be one of {', '.join(CONFIGS)}.") from exc
    return cls()

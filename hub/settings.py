"""
Settings for the Safer Children Hub.

One file, read from environment variables through the small typed helpers below.
A missing or malformed variable stops start-up with a message naming it: an
operator should never find out at three in the morning that a typo made the hub
fall back to something insecure.
"""

import os
from datetime import timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} is required.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if raw.strip().lower() in _TRUE:
        return True
    if raw.strip().lower() in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str, default: str | None = None) -> str | None:
    """A secret from the file named by `<name>_FILE` (Docker and Kubernetes secrets), else `name`.

    The file wins over plain environment, which leaks into `docker inspect`, crash reports and
    child processes; setting both is refused, so nobody wonders which one is in force.
    """
    path = os.environ.get(f"{name}_FILE")
    if not path:
        return os.environ.get(name, default)
    if name in os.environ:
        raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both.")
    try:
        return Path(path).read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise ImproperlyConfigured(
            f"{name}_FILE names {path!r}, which cannot be read: {exc}."
        ) from None


# --- Core -----------------------------------------------------------------------------

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_secret("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off. "
            "For local development set DEBUG=true (make run does)."
        )
    SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = env_str("SITE_NAME", "Safer Children Hub")
# Absolute address of the hub, used in emails sent by background jobs that have no request.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Where people reach the operator: shown on the help and contact pages and every blocked page.
SUPPORT_EMAIL = env_str("SUPPORT_EMAIL", "")
SUPPORT_PHONE = env_str("SUPPORT_PHONE", "")

INSTALLED_APPS = [
    # Before the admin: per-language fields of curated content, edited side by side (issue 21).
    "modeltranslation",
    "hub.apps.HubAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.usersessions",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",  # Second factor (issue 4): passkeys
    "django_filters",
    "simple_history",
    "csp",
    "hub",
    "accounts",
    "twofactor",
    "notifications",
    "catalog",
    "guidance",
    "wellbeing",
    "providers",  # Technology providers (issue 23)
    "community",  # Meet other officers (issue 22)
]

MIDDLEWARE = [
    # First: everything after it (limits, the audit trail) sees the client, not the proxy.
    "hub.middleware.ProxiedClientMiddleware",
    # Metrics (issue 17): requests and latencies per view, measured around everything else.
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every response behind sign-in is no-store; outside the rest, so it sees each response.
    "hub.access.PrivateResponsesMiddleware",
    "hub.middleware.SecurityHeadersMiddleware",
    "hub.middleware.AuditContextMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in person's saved language wins over the cookie and the browser (issue 21).
    "hub.middleware.UserLanguageMiddleware",
    # Curated content keeps its history; this records who made each change in the admin.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Second factor (issue 4): idle and absolute session limits; needs the user and messages.
    "twofactor.middleware.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
    # Sign-in and sign-up quotas per address, counted in the database (POST only).
    "hub.middleware.AuthQuotaMiddleware",
    # Last, so that it sees the resolved user, second factor and session.
    "hub.access.AccessPolicyMiddleware",
]

ROOT_URLCONF = "hub.urls"
WSGI_APPLICATION = "hub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hub.context_processors.hub",
                # Every app's header count in one query (`notifications.header`).
                "notifications.context_processors.unread",
            ],
        },
    },
]

# --- Data -----------------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'hub.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# The password apart from DATABASE_URL, so that it can come from a secret file.
if _database_password := env_secret("DATABASE_PASSWORD"):
    DATABASES["default"]["PASSWORD"] = _database_password
# Behind PgBouncer in transaction mode a connection may change server between transactions:
# no server-side cursors, no prepared statements (deploy/RUNNING_AT_SCALE.md).
if env_bool("DATABASE_TRANSACTION_POOLING", False):
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_url_with_db(url: str, offset: int) -> str:
    """`url` pointing at the Redis database `offset` numbers after its own (db 0 if none)."""
    parts = urlsplit(url)
    try:
        db = int(parts.path.strip("/") or 0)
    except ValueError:
        raise ImproperlyConfigured(
            f"The Redis URL {url!r} must end in a database number."
        ) from None
    return parts._replace(path=f"/{db + offset}").geturl()


# One Redis server may hold both the cache and the broker, in separate databases: the cache on
# REDIS_URL's database, the broker on the next (redis://redis:6379/0 -> /0 and /1). Only the cache
# may be evicted: give its server maxmemory with an eviction policy (README, "Redis"), or point
# CACHE_REDIS_URL at a Redis server of its own.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_REDIS_URL = os.environ.get("CACHE_REDIS_URL", REDIS_URL)
if CACHE_REDIS_URL:
    CACHES = {
        "default": {
            # Degrades to "nothing cached" while Redis is down: pages come from the database.
            "BACKEND": "hub.cache.DegradingRedisCache",
            "LOCATION": CACHE_REDIS_URL,
            "KEY_PREFIX": "hub",
            "OPTIONS": {
                # A Redis that stopped answering costs a page a fraction of a second, not a hang.
                "socket_connect_timeout": 0.5,
                "socket_timeout": 1,
                "RETRY_AFTER": 5,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Production runs several processes, usually on several machines: every rate limit, the
# second-factor lock and the catalogue's cache must be shared (Redis), and search needs
# PostgreSQL (SQLite's fallback is correct but slow). An operator who knowingly runs one process
# on one machine says so; `make run` (DEBUG on) keeps SQLite and the local-memory cache.
ALLOW_SINGLE_PROCESS = env_bool("ALLOW_SINGLE_PROCESS", False)
if not DEBUG and not ALLOW_SINGLE_PROCESS:
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        raise ImproperlyConfigured(
            "DATABASE_URL must point at PostgreSQL when DEBUG is off (SQLite is for development). "
            "To run one process on one machine anyway, set ALLOW_SINGLE_PROCESS=true."
        )
    if not REDIS_URL:
        raise ImproperlyConfigured(
            "REDIS_URL is required when DEBUG is off: without a shared cache every web process "
            "counts rate limits on its own. To run one process on one machine anyway, set "
            "ALLOW_SINGLE_PROCESS=true."
        )

# Sessions live in the database so that losing the cache signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Accounts and authentication -------------------------------------------------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "landing"

# NIST SP 800-63B: 12 to 128 characters, checked against common passwords and the person's
# own details; no composition rules (the all-digits check is a blocklist, not a rule).
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "full_name")},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "accounts.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Sign-up collects the application (accounts.forms.ApplicationSignupForm.signup creates it).
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.ApplicationSignupForm"
# Two simultaneous sign-ups with one address: the second gets the usual answer, not a 500.
ACCOUNT_FORMS = {"signup": "accounts.signup_forms.HubSignupForm"}
# Lockouts after too many failed sign-ins go to the audit trail (allauth sends no signal).
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
# allauth counts its limits in the cache; the cache may be away and allauth keys the sign-in
# limit on the Host header. Signing in and signing up are therefore limited by hub.ratelimit
# (HUB_RATE_LIMITS below, counted in the database) and allauth's own are off for them.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "",
    "login": "",
    "signup": "",
    "reset_password": "5/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "",
    "change_password": "5/m/user",
    # Entering the password again is limited like signing in: a hijacked session must not
    # become a way to guess the password.
    "reauthenticate": "5/5m/user",
}
# (amount, window in seconds), counted in the database by hub.ratelimit; SECURITY.md explains
# each. Failed sign-ins are counted per account and address tightly, per account loosely and
# per address; the loose per-account limit refuses only addresses that have failed for that
# account, so a stranger guessing from many addresses cannot keep the member out.
HUB_RATE_LIMITS = {
    "signin_failed_account_address": (5, 15 * 60),
    "signin_failed_account": (20, 60 * 60),
    "signin_failed_address": (5, 5 * 60),
    # Every POST to the sign-in and sign-up forms (GET, HEAD and OPTIONS are free).
    "signin_address": (30, 60),
    "signup_address": (10, 60 * 60),
    # Confirmation emails sent to one address.
    "confirm_email_address": (3, 5 * 60),
    # Wrong second-factor codes: per session tightly; per account loosely, refusing only
    # sessions that have failed themselves, so guesses elsewhere never lock out the member.
    "twofactor_failed_session": (5, 15 * 60),
    "twofactor_failed_account": (20, 60 * 60),
    # Community (issue 22): contact requests a member sends a day, messages an hour.
    "community_contact_requests": (10, 24 * 60 * 60),
    "community_messages": (120, 60 * 60),
}

# The version of the terms of engagement that applicants accept now; stored with each acceptance.
TERMS_VERSION = env_str("TERMS_VERSION", "2026-11")
MEMBERSHIP_MONTHS = env_int("MEMBERSHIP_MONTHS", 12)
# Technology providers (issue 23): the version of the providers' own terms of engagement.
PROVIDER_TERMS_VERSION = env_str("PROVIDER_TERMS_VERSION", "2026-12")
# Free-mail domains beyond accounts/free_mail.py's list (a supervisor there is a warning signal).
EXTRA_FREE_MAIL_DOMAINS = {d.lower().lstrip("@") for d in env_list("EXTRA_FREE_MAIL_DOMAINS", "")}

# Sessions: 12-hour absolute lifetime; the 30-minute idle limit is enforced by middleware.
SESSION_COOKIE_AGE = int(timedelta(hours=12).total_seconds())
SESSION_IDLE_TIMEOUT = int(timedelta(minutes=30).total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Every session is recorded at sign-in, so that people can see and end theirs and suspension
# ends them all. allauth's own activity tracking writes on every request (five queries);
# twofactor.middleware.SessionLimitsMiddleware refreshes "last seen" once a minute instead.
USERSESSIONS_TRACK_ACTIVITY = False

OTP_TOTP_ISSUER = SITE_NAME
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Jobs -----------------------------------------------------------------------------

CELERY_BROKER_URL = os.environ.get(
    "CELERY_BROKER_URL", redis_url_with_db(REDIS_URL, 1) if REDIS_URL else ""
)
# Without a broker, tasks run in-process when the transaction that enqueued them commits.
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 120)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 90)
# A task is acknowledged after it ran, and given back if its worker dies mid-way: the outbox
# claim makes the second run harmless.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Keep publishing from a request short when the broker is down: the outbox sweep catches up.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1}
CELERY_TIMEZONE = "UTC"
# Jobs (issue 7): the periodic jobs, run by exactly ONE beat. Each is also a management command
# for an operator who runs cron instead (README, "Background jobs"); each is safe to run twice.
# Beat remembers when it last sent each job, in a file that must outlive the beat's container (a
# volume; not /tmp): a beat restarted with no memory skipped the minute it was down, and one
# restored from a stale file sent a minute twice. Written after every job sent, so a restart
# resumes where it stopped: a job due while beat was down runs once when it is back. The jobs
# tolerate both anyway (each is safe to run twice, and the next run does what a skipped one
# left), so losing the file costs at most one doubled or one skipped run.
CELERY_BEAT_SCHEDULE_FILENAME = env_str(
    "CELERY_BEAT_SCHEDULE_FILENAME", str(BASE_DIR / "var" / "celerybeat-schedule")
)
CELERY_BEAT_SYNC_EVERY = 1
CELERY_BEAT_SCHEDULE = {
    "sweep-outbox": {
        "task": "notifications.tasks.sweep_outbox",
        "schedule": crontab(),  # every minute
        "options": {"expires": 55},
    },
    "membership-expiry": {
        "task": "accounts.tasks.run_membership_expiry",
        "schedule": crontab(minute=15, hour=2),  # daily
    },
    "tools-due-for-review": {
        "task": "catalog.tasks.flag_tools_due_for_review",
        "schedule": crontab(minute=30, hour=3, day_of_week="mon"),  # weekly
    },
    "purge-rate-limits": {
        "task": "hub.tasks.purge_rate_limits",
        "schedule": crontab(minute=5),  # hourly
        "options": {"expires": 3000},
    },
    "saved-search-digests": {
        "task": "catalog.tasks.send_saved_search_digests",
        "schedule": crontab(minute=0, hour=7, day_of_week="mon"),  # weekly
    },
    # Housekeeping (issue 17). The audit log has no such job: it is kept (README, "Data safety").
    "clear-sessions": {
        "task": "hub.tasks.clear_expired_sessions",
        "schedule": crontab(minute=45, hour=2),  # daily
    },
    "purge-delivered-outbox": {
        "task": "notifications.tasks.purge_delivered_outbox",
        "schedule": crontab(minute=0, hour=3),  # daily
    },
    # Community (issue 22): what happened in the threads members follow.
    "community-thread-digests": {
        "task": "community.tasks.send_thread_digests",
        "schedule": crontab(minute=15, hour=7, day_of_week="mon"),  # weekly
    },
}
# Delivered emails are removed this many days after they were sent (pending and failed stay).
OUTBOX_RETENTION_DAYS = env_int("OUTBOX_RETENTION_DAYS", 90)

# --- Email ----------------------------------------------------------------------------

EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Safer Children Hub <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Metrics (hub/metrics.py) --------------------------------------------------------

# Prometheus scrapes /metrics (and a worker's CELERY_METRICS_PORT) from this host or with
# "Authorization: Bearer <METRICS_TOKEN>"; without a token, only from this host.
METRICS_TOKEN = env_secret("METRICS_TOKEN", "")
CELERY_METRICS_PORT = env_int("CELERY_METRICS_PORT", 0)

# --- Internationalisation -------------------------------------------------------------

# The six official UN languages (issue 21). Each is named in itself: that is how the picker and
# the account's preference show them, whatever language the page is in. No i18n_patterns: URLs
# stay the same; the language comes from the person's saved preference (hub.middleware
# .UserLanguageMiddleware), else the language cookie, else Accept-Language, else English.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", "العربية"),
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("fr", "Français"),
    ("ru", "Русский"),
    ("es", "Español"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Curated content (django-modeltranslation): one column per language, English the fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# Dates by format name (`|date:"DATE_FORMAT"`): English's are the hub's own (hub/formats/en),
# the other languages' are Django's.
FORMAT_MODULE_PATH = ["hub.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static files ---------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Security -------------------------------------------------------------------------

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    # Only behind a proxy that sets this header itself and strips it from clients.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Behind one proxy of ours (Caddy, an ingress controller), REMOTE_ADDR is the proxy: every
# per-address limit would count all clients as one. With this on, the client is the address the
# proxy appended last to X-Forwarded-For (hub.middleware.ProxiedClientMiddleware).
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)
SECURE_HSTS_SECONDS = 0 if DEBUG else int(timedelta(days=365).total_seconds())
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
# __Host- cookies are bound to this exact host over HTTPS, path /.
SESSION_COOKIE_NAME = "sessionid" if DEBUG else "__Host-sessionid"
CSRF_COOKIE_NAME = "csrftoken" if DEBUG else "__Host-csrftoken"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
# Typed as `set_cookie` takes it (hub/views.py passes it on).
LANGUAGE_COOKIE_SAMESITE: Literal["Lax", "Strict", "None"] = "Lax"
# The picker's choice outlives the browser session (a visitor has no account to keep it on).
LANGUAGE_COOKIE_AGE = int(timedelta(days=365).total_seconds())

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# WebAuthn (passkeys) for the hub's own origin only; every other powerful feature is off.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=(), "
    "publickey-credentials-get=(self), publickey-credentials-create=(self)"
)

# /healthz and /healthz/ready show their checks to a request with "Authorization: Bearer <this>"
# (and to one from this host, not through a proxy); everyone else reads "ok" or "unavailable".
HEALTH_TOKEN = env_str("HEALTH_TOKEN", "")
if HEALTH_TOKEN and len(HEALTH_TOKEN) < 32:
    raise ImproperlyConfigured("HEALTH_TOKEN must be at least 32 characters (or unset).")

# --- Logging --------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"database_outage": {"()": "hub.outages.DatabaseOutageFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # PostgreSQL away is an outage (a 503 and a warning), not a bug (a 500 and an error).
        "django.request": {"filters": ["database_outage"]},
        # The audit trail, one JSON object a line, for shipping to a separate system.
        "hub.audit": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

FORM_RENDERER = "hub.forms.HubFormRenderer"

SILENCED_SYSTEM_CHECKS = [
    # User.email is unique case-insensitively (a functional UniqueConstraint on Lower(email)),
    # which is stricter than the plain unique=True this check looks for.
    "auth.W004",
]

# --- Second factor and passkeys -------------------------------------------------------

# django-otp also slows each device down on its own (OTP_TOTP_THROTTLE_FACTOR: 1 s, doubling
# per failure); the per-session and per-account limits are in HUB_RATE_LIMITS.
# Changing factors needs a password and a code entered within this many seconds; changing
# email addresses needs the password again (allauth's reauthentication).
ACCOUNT_REAUTHENTICATION_TIMEOUT = 5 * 60
ACCOUNT_REAUTHENTICATION_REQUIRED = True

# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password: there
# is one way in. WebAuthn binds credentials to the hub's host name; browsers accept plain http
# for "localhost" only, so for passkeys in development open http://localhost:8000.
_site = urlsplit(SITE_URL)
_rp_host = "localhost" if _site.hostname in {"127.0.0.1", "::1"} else (_site.hostname or "")
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_ID = _rp_host
OTP_WEBAUTHN_RP_NAME = SITE_NAME
OTP_WEBAUTHN_ALLOWED_ORIGINS = [
    f"{_site.scheme}://{_rp_host}" + (f":{_site.port}" if _site.port else "")
]

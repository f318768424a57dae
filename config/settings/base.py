"""Settings shared by every environment.

The environment is read here and only here (django-environ): every variable the project
understands is declared once below with its type and default, and listed in the README.
"""

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A local .env file is optional; real environments set variables directly.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Proxies in front of the site (addresses or networks) whose X-Forwarded-For is believed:
# the visitor's address in rate limits, lock-outs and the consent log (core/client_address.py).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])

INSTALLED_APPS = [
    "core",
    "home",
    "news",
    "media",
    "newsletter",
    "legal",
    "members",
    "enrollment",
    "registrations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "anymail",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: a cached page is answered before any other work, with the headers the rest of
    # this list gave it when it was stored (core/page_cache.py).
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # After the language, which is part of where an address leads (core/routing.py).
    "core.routing.RememberedRoutesMiddleware",
    # After the language is known (the 400 page is in it), before anything reads the input.
    "core.nul_bytes.RefuseNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Right after the user is known: an idle session ends before anything acts on it.
    "members.sessions.IdleSessionMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "members.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.csp.ContentSecurityPolicyMiddleware",
    "core.headers.PermissionsPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: refuses logins while an address or account is locked out.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/ is the site shell: shared templates live there, not in a Python package
        # (see docs/decisions.md for why it cannot be one).
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run` serves each request on its own thread, and the admin autosaves while an
    # editor publishes. SQLite's default (deferred transactions that read, then try to write)
    # answers such overlaps with "database is locked" at once; taking the write lock when a
    # transaction begins, waiting up to 20 s for it, queues them instead. WAL lets pages be
    # read meanwhile (and with it synchronous=NORMAL is safe and faster to commit). Options
    # given in DATABASE_URL win.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis that degrades to misses when it is down (core/cache.py); short timeouts,
            # so that an unreachable server delays a request by a fraction of a second.
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "shitufi",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Wagtail's lookups of image renditions, in each process's memory: a page asks for dozens,
# and from Redis each is a round trip (the news page rendered in 42 ms instead of 28). A
# rendition does not change once made; when an editor replaces an image's file, another
# process may show the old rendition for up to TIMEOUT.
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "renditions",
    "TIMEOUT": 5 * 60,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}
# Public pages are kept this long for anonymous visitors, and dropped at once when content
# changes (core/page_cache.py); 0 turns the page cache off. The signup forms' minimum-time
# check relies on it staying well under a day.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# A caching proxy or CDN in front (optional): the address that takes its PURGE requests.
# Publishing or unpublishing a page purges that page's addresses there; other pages (the
# lists that show it) wait out the proxy's own lifetime, so keep that short. Cloudflare or
# CloudFront: set WAGTAILFRONTENDCACHE as Wagtail's frontend_cache documents.
FRONTEND_CACHE_PURGE_URL = env.str("FRONTEND_CACHE_PURGE_URL", default="")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

# Background work (Wagtail's own tasks and ours): "immediate" runs a task inline, in the
# request that asked for it; "database" queues it for `manage.py db_worker` (`make worker`),
# which is how production always runs (claims, recovery, a Send that returns at once).
# The tests run inline whatever this says.
TASK_BACKENDS = {
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND is 'immediate' or 'database', not {TASKS_BACKEND!r}."
    )
TASKS = {"default": TASK_BACKENDS[TASKS_BACKEND]}

AUTH_USER_MODEL = "members.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: counts failures, refuses while locked
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "account:login"
LOGIN_REDIRECT_URL = "account:home"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_USER_LOGIN_FORM = "members.forms.AdminLoginForm"
# Brute-force protection on every login form (the site's and the admin's): five failures
# for one username from one address lock that pair for a quarter of an hour, never for good;
# twenty from one address, whatever the usernames, lock the address (members/lockout.py).
AXES_FAILURE_LIMIT = 5
LOGIN_FAILURES_PER_ADDRESS = 20
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "members.lockout.LockoutHandler"
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/locked_out.html"
AXES_LOCKOUT_CALLABLE = "members.lockout.lockout_response"  # the template, told which lock
AXES_VERBOSE = False
# Two-factor authentication for everyone who enters the admin (members/two_factor.py).
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = "shitufi"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Hebrew first, at "/"; English under "/en/".
LANGUAGE_CODE = "he"
LANGUAGES = [("he", "עברית"), ("en", "English")]
LANGUAGES_BIDI = ["he"]
# Our own strings first; then admin_locale/: the Hebrew of Wagtail's and wagtail-localize's
# admin, which their packages translate only in part (docs/decisions.md). A separate folder,
# because `makemessages --no-obsolete` would drop from locale/ every string not in our code.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "admin_locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Jerusalem"

WAGTAIL_I18N_ENABLED = True
# A page being translated stays unpublished in English until its translation is published;
# wagtail-localize's default would put the untranslated Hebrew page live under /en/ at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Wagtail leaves Hebrew out of the admin's default list; offer it explicitly.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Videos: the providers' privacy modes, from their oEmbed answers; a host that cannot reach
# YouTube and Vimeo builds the same players from the videos' addresses (core/embeds.py).
VIDEO_EMBEDS_OFFLINE = env.bool("VIDEO_EMBEDS_OFFLINE", default=False)
_VIDEO_FINDER = "OfflineVideoFinder" if VIDEO_EMBEDS_OFFLINE else "PrivacyOEmbedFinder"
WAGTAILEMBEDS_FINDERS = [{"class": f"core.embeds.{_VIDEO_FINDER}"}]
WAGTAIL_SITE_NAME = _("Association of Cooperative Kibbutzim")
# The site's address in links that leave it (emails, Wagtail's notifications; the seed
# gives the default Site record the same address, for page.full_url). Production sets it;
# development defaults to where `make run` serves, HOST:PORT (config/settings/dev.py).
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
HOST = env.str("HOST", default="127.0.0.1")
PORT = env.int("PORT", default=8000)
# "simple": no stemming. PostgreSQL's default configuration would stem Hebrew as English.
WAGTAILSEARCH_BACKENDS = {
    # Wagtail's database backend, with Hebrew queries asked for under all their words' forms.
    "default": {"BACKEND": "core.search_backend", "SEARCH_CONFIG": "simple"}
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Slugs in Latin letters, transliterated from Hebrew titles (core/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: the admin would send a hash of each editor's email to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_USER_TIME_ZONES = ["Asia/Jerusalem"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "xlsx", "pptx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_MODERATION_ENABLED = True
# The widest picture the seed draws for the demo content (core/illustrations.py).
SEED_ILLUSTRATION_WIDTH = 1600

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
# Uploads live under var/, because the top-level media/ folder is the media & outreach app.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "uploads")
# Legal requests' files: outside MEDIA_ROOT, no URL, served only by permission-checked views
# (legal/downloads.py); behind nginx set PRIVATE_ACCEL_PREFIX to an internal location.
PRIVATE_ROOT = env.path("PRIVATE_ROOT", default=VAR_DIR / "private")
PRIVATE_ACCEL_PREFIX = env.str("PRIVATE_ACCEL_PREFIX", default="")
# Closed legal requests are deleted after this many days (seven years).
LEGAL_RETENTION_DAYS = env.int("LEGAL_RETENTION_DAYS", default=7 * 365 + 2)
# HQ's list of people who joined (enrollment/retention.py, the privacy notice): a request
# never confirmed is kept a month, an enrollment three years after its last confirmation.
ENROLLMENT_PENDING_DAYS = env.int("ENROLLMENT_PENDING_DAYS", default=30)
ENROLLMENT_RETENTION_DAYS = env.int("ENROLLMENT_RETENTION_DAYS", default=3 * 365 + 1)
# A place freed at an event is offered to the next person waiting for this long
# (registrations/booking.py); then it moves on to the one after.
REGISTRATION_OFFER_HOURS = env.int("REGISTRATION_OFFER_HOURS", default=48)
LEGAL_PROBE_LIMIT = env.int("LEGAL_PROBE_LIMIT", default=10)
LEGAL_PROBE_WINDOW_SECONDS = env.int("LEGAL_PROBE_WINDOW_SECONDS", default=3600)
MEDIA_URL = "/uploads/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# S3-compatible object storage, for when several web hosts share the work: a bucket name
# moves those files off the local disk. Credentials are not settings: boto3 reads
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY from the environment (or an instance role).
S3_BUCKET = env.str("S3_BUCKET", default="")  # images and documents
S3_PRIVATE_BUCKET = env.str("S3_PRIVATE_BUCKET", default="")  # legal requests' files
S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="")  # empty: AWS itself
S3_REGION = env.str("S3_REGION", default="")
# How long a link to a legal file signed for someone allowed to have it stays valid.
S3_SIGNED_URL_SECONDS = env.int("S3_SIGNED_URL_SECONDS", default=60)


def _s3_storage(bucket, **options):
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": S3_ENDPOINT_URL or None,
            "region_name": S3_REGION or None,
            "signature_version": "s3v4",
            # No ACL on upload: the bucket decides (AWS refuses ACLs on buckets that
            # disable them, its default); the uploads bucket is the public one.
            "default_acl": None,
            **options,
        },
    }


if S3_BUCKET:
    # Plain URLs (pages and their caches keep them); a second "photo.jpg" gets a new name.
    STORAGES["default"] = _s3_storage(S3_BUCKET, querystring_auth=False, file_overwrite=False)
if S3_PRIVATE_BUCKET:
    # Never a plain URL: every link is signed and short-lived (legal/downloads.py).
    STORAGES["private"] = _s3_storage(
        S3_PRIVATE_BUCKET, querystring_auth=True, querystring_expire=S3_SIGNED_URL_SECONDS
    )

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Email: files in var/mail unless a backend is configured.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
# The SMTP server, when EMAIL_BACKEND is SMTP (production's default).
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="shitufi@tkz.co.il")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL = env.dict("ANYMAIL", default={})
# Key of the hashes that let the suppression lists and the consent logs (newsletter, people
# who joined) recognise an address without keeping it. Production must set its own (and
# keep it: a new key forgets them all).
EMAIL_HASH_KEY = env.str("EMAIL_HASH_KEY", default="dev-only-email-hash-key")
# How a campaign is sent: recipients claimed at a time by providers without batch sending
# (newsletter/providers.py), an optional override of the batch table, e.g.
# NEWSLETTER_BATCH=size=1000,merge_field=-{}- , and messages per minute at most.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)
NEWSLETTER_BATCH = env.dict("NEWSLETTER_BATCH", default={})
NEWSLETTER_RATE_PER_MINUTE = env.int("NEWSLETTER_RATE_PER_MINUTE", default=6000)
# After this long, recipients claimed by a worker that died count as of unknown outcome, and
# `recover_campaigns` hands a campaign that stopped moving to the workers again.
NEWSLETTER_STALE_CLAIM_SECONDS = env.int("NEWSLETTER_STALE_CLAIM_SECONDS", default=15 * 60)

SESSION_COOKIE_HTTPONLY = True
# A login lasts until the browser closes, and ends after a while without a request: sooner
# for those who can enter the admin (staff, counsel, editors), whose sessions reach the legal
# requests (members/sessions.py).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_IDLE_SECONDS_ADMIN = env.int("SESSION_IDLE_SECONDS_ADMIN", default=30 * 60)
SESSION_IDLE_SECONDS_MEMBERS = env.int("SESSION_IDLE_SECONDS_MEMBERS", default=2 * 60 * 60)
# The database forgets a session left idle that long even if no request comes to end it.
SESSION_COOKIE_AGE = max(SESSION_IDLE_SECONDS_ADMIN, SESSION_IDLE_SECONDS_MEMBERS)
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page needs; full screen only for the video players we embed.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "display-capture=(), browsing-topics=(), "
    'fullscreen=(self "https://www.youtube-nocookie.com" "https://player.vimeo.com")'
)

# "json": one JSON object per line (core/logging.py), for a log collector; production
# always logs so.
LOG_FORMAT = env.str("LOG_FORMAT", default="text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT is 'text' or 'json', not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(message)s"},
        "json": {"()": "core.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # One line per task run is noise when tasks run inline; failures still show.
    "loggers": {"django_tasks": {"level": "WARNING"}},
}

# Content Security Policy: strict on the public site; the Wagtail admin gets the looser
# ADMIN_CONTENT_SECURITY_POLICY it needs (see core/csp.py).
_CSP_COMMON = {
    "default-src": ["'self'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "img-src": ["'self'", "data:"],
    "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {**_CSP_COMMON, "script-src": ["'self'"], "style-src": ["'self'"]},
}
ADMIN_CONTENT_SECURITY_POLICY = {
    **_CSP_COMMON,
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],  # the admin previews pages in an iframe...
    "frame-src": [*_CSP_COMMON["frame-src"], "'self'"],  # ...which it must be allowed to open
}

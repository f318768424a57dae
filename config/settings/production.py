"""Production: every secret comes from the environment, and a missing one stops start-up."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _required(name, cast=env.str):
    try:
        value = cast(name)
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured(f"Production needs the environment variable {name}.") from exc
    if not value:
        raise ImproperlyConfigured(f"Production needs the environment variable {name}.")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
ALLOWED_HOSTS = _required("ALLOWED_HOSTS", env.list)
# The documented nginx, on this host (docs/operations.md).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=["127.0.0.1", "::1"])
EMAIL_HASH_KEY = _required("EMAIL_HASH_KEY")
DATABASES = {"default": env.db_url_config(_required("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

# Every process must see when content changes and the page cache is dropped; only a shared
# cache (Redis) shows them that, so without REDIS_URL the page cache stays off.
if not env.str("REDIS_URL", default=""):
    PAGE_CACHE_SECONDS = 0

TASKS = {"default": TASK_BACKENDS["database"]}  # whatever TASKS_BACKEND says

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# One JSON object per line on stderr, for the log collector (core/logging.py).
LOGGING["handlers"]["console"]["formatter"] = "json"

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Not optional in production: the admin holds the legal requests.
TWO_FACTOR_REQUIRED = True

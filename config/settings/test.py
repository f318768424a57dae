"""The test suite: fast hashing, in-memory cache and mail, inline tasks."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Uploads of one test session, removed when it ends (tests/conftest.py).
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="shitufi-test-uploads-"))
PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="shitufi-test-private-"))
# Local files whatever the environment says; tests/legal/test_object_storage.py turns S3 on.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tasks inline, even where TASKS_BACKEND asks for the queue (tests that need it set TASKS).
TASKS = {"default": TASK_BACKENDS["immediate"]}

# The seed's demo pictures, small: drawing them at full size is most of a seed's time.
SEED_ILLUSTRATION_WIDTH = 320

# whitenoise serves straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# No internet here: video players are built from their addresses (core/embeds.py).
WAGTAILEMBEDS_FINDERS = [{"class": "core.embeds.OfflineVideoFinder"}]

# The provider webhooks' secrets, for the tests that post to them.
ANYMAIL = {
    "WEBHOOK_SECRET": "webhook:test-secret",
    "MAILGUN_WEBHOOK_SIGNING_KEY": "test-signing-key",
}

# Tests about other things enter the admin with one factor; tests/members/test_two_factor.py
# and the end-to-end tests turn it back on.
TWO_FACTOR_REQUIRED = False

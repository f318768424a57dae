"""Local development: `make run`. SQLite, mail written to var/mail, tasks run inline."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
# Only for this machine; production refuses to start without its own key.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

# whitenoise serves straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# No internet here: video players are built from their addresses (core/embeds.py).
WAGTAILEMBEDS_FINDERS = [{"class": "core.embeds.OfflineVideoFinder"}]

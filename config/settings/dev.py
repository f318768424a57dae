"""Local development: `make run`. SQLite, mail written to var/mail, tasks run inline
unless TASKS_BACKEND=database (then `make worker` runs them)."""

from .base import *  # noqa: F403
from .base import HOST, PORT, env

DEBUG = env.bool("DEBUG", default=True)
# Only for this machine; production refuses to start without its own key.
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-never-used-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
# Emailed links lead to where `make run` serves, whatever port it was given.
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default=f"http://{HOST}:{PORT}")

# whitenoise serves straight from the source folders; no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# No internet here: video players are built from their addresses (core/embeds.py).
WAGTAILEMBEDS_FINDERS = [{"class": "core.embeds.OfflineVideoFinder"}]

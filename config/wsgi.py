import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
django_application = get_wsgi_application()

from core.page_cache import answer_hits  # noqa: E402 — needs the settings, set up just above

# Pages in the page cache are answered before Django's handler (core/page_cache.py).
application = answer_hits(django_application)

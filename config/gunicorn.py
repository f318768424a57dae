"""gunicorn's settings for production: `gunicorn -c config/gunicorn.py config.wsgi`.

Sync workers, two per core plus one (WEB_CONCURRENCY overrides), each recycled after a
few thousand requests; logs to stdout (access) and stderr (errors) for the process manager
to collect, one JSON object per line like the site's own (core/logging.py)."""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
accesslog = "-"
errorlog = "-"
logger_class = "core.logging.JsonGunicornLogger"
# Behind nginx: trust its X-Forwarded-* headers only when it runs on this host.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

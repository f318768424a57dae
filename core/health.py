"""/healthz: what a load balancer or a monitor asks. The database must answer (else 503);
the cache and the task queue are reported, and a broken cache only degrades (the site
serves without it). Nothing secret: states and counts only."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # reported as down, never as a traceback
        logger.exception("Health check: the database does not answer")
        return "down"
    return "ok"


def _cache():
    try:
        cache.set("healthz", "ok", timeout=10)
        return "ok" if cache.get("healthz") == "ok" else "down"
    except Exception:
        logger.warning("Health check: the cache does not answer", exc_info=True)
        return "down"


def _tasks():
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db"):
        return {"backend": "inline"}
    try:
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY).count()
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
    except Exception:
        return {"backend": "database", "state": "down"}
    return {"backend": "database", "waiting": waiting, "failed": failed}


@never_cache
@require_GET
def healthz(request):
    database = _database()
    report = {"database": database, "cache": _cache(), "tasks": _tasks()}
    if database != "ok":
        report["status"] = "down"
    elif report["cache"] != "ok":
        report["status"] = "degraded"
    else:
        report["status"] = "ok"
    return JsonResponse(report, status=503 if database != "ok" else 200)

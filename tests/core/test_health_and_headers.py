"""/healthz, and the security headers every page carries."""

import pytest
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_parts_without_secrets(client, settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    report = response.json()
    assert report == {
        "database": "ok",
        "cache": "ok",
        "tasks": {"backend": "inline"},
        "status": "ok",
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_counts_the_task_backlog(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for status in ("READY", "READY", "FAILED", "SUCCESSFUL"):
        DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [1], "kwargs": {}},
            task_path="legal.tasks.send_notices",
            backend_name="default",
            run_after=timezone.now(),
        )
    tasks = client.get("/healthz").json()["tasks"]
    assert tasks == {"backend": "database", "waiting": 2, "failed": 1}


def test_a_broken_cache_degrades_and_a_broken_database_fails(client, settings, monkeypatch):
    # Nothing listens on port 1: every cache call fails (Django swaps the cache handler
    # when the setting changes).
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.DegradingRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    report = client.get("/healthz")
    assert (report.status_code, report.json()["cache"], report.json()["status"]) == (
        200,
        "down",
        "degraded",
    )

    def broken(*args, **kwargs):
        raise connection.OperationalError("gone")

    monkeypatch.setattr(connection, "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "down"


@pytest.mark.parametrize("path", ["/", "/en/", "/account/login/"])
def test_security_headers(client, path):
    response = client.get(path)
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_admin_may_frame_its_own_preview(admin_client):
    """The admin's preview panel is an iframe of our own pages: without 'self' in frame-src,
    the browser leaves it blank."""
    policy = admin_client.get("/admin/")["Content-Security-Policy"]
    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert "'self'" in frame_src.split()


def test_a_preview_may_be_framed_by_the_admin_and_a_public_page_may_not(admin_client, client, home):
    """The preview panel shows the page in an iframe of the admin: its response must let
    the admin frame it, while the same page served to readers may be framed by nobody."""
    page = StandardPageFactory(parent=home)
    preview = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/?in_preview_panel=true")
    assert preview.status_code == 200
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    public = client.get(page.url)
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]

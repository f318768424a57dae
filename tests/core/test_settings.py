"""Production settings refuse to start without their secrets, and pass `check --deploy`."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "shitufi.example",
    "DATABASE_URL": "sqlite:////tmp/shitufi-settings-check.sqlite3",
    "NEWSLETTER_HASH_KEY": secrets.token_urlsafe(32),
}


def _manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in PRODUCTION_ENV and k != "DJANGO_SETTINGS_MODULE"
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert f"Production needs the environment variable {missing}" in result.stderr


def test_production_refuses_an_empty_secret_key():
    result = _manage("check", **(PRODUCTION_ENV | {"SECRET_KEY": ""}))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deploy_check_without_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_uses_the_database_task_queue():
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.TASKS['default']['BACKEND'])",
        **PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "django_tasks_db.DatabaseBackend", result.stderr


@pytest.mark.parametrize(
    ("settings_module", "env"),
    [
        ("config.settings.production", PRODUCTION_ENV),
        ("config.settings.dev", {"LOG_FORMAT": "json"}),
    ],
)
def test_logs_are_json_lines_in_production_and_on_request(settings_module, env):
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "import logging; logging.getLogger('shitufi.check').warning('one line')",
        **env,
        DJANGO_SETTINGS_MODULE=settings_module,
    )
    entry = json.loads(result.stderr.strip().splitlines()[-1])
    assert entry["logger"] == "shitufi.check"
    assert entry["level"] == "WARNING"
    assert entry["message"] == "one line"


def test_an_unknown_log_format_is_refused():
    result = _manage("check", **PRODUCTION_ENV, LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT is 'text' or 'json'" in result.stderr

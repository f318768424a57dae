"""What the settings make of the environment: production refuses to start without its
secrets and passes `check --deploy`; development follows HOST, PORT and TASKS_BACKEND."""

import json
import secrets

import pytest

from tests.settings_probe import manage as _manage
from tests.settings_probe import setting

PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "shitufi.example",
    "DATABASE_URL": "sqlite:////tmp/shitufi-settings-check.sqlite3",
    "EMAIL_HASH_KEY": secrets.token_urlsafe(32),
}


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


IMMEDIATE = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_QUEUE = "django_tasks_db.DatabaseBackend"


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        (PRODUCTION_ENV | {"TASKS_BACKEND": "immediate"}, DATABASE_QUEUE),
        ({"DJANGO_SETTINGS_MODULE": "config.settings.dev"}, IMMEDIATE),
        (
            {"DJANGO_SETTINGS_MODULE": "config.settings.dev", "TASKS_BACKEND": "database"},
            DATABASE_QUEUE,
        ),
        (
            {"DJANGO_SETTINGS_MODULE": "config.settings.test", "TASKS_BACKEND": "database"},
            IMMEDIATE,
        ),
    ],
    ids=["production-always-queues", "dev-inline", "dev-queue-on-request", "tests-always-inline"],
)
def test_tasks_run_on_the_queue_in_production_and_in_development_on_request(env, backend):
    assert setting("TASKS", **env)["default"]["BACKEND"] == backend


def test_an_unknown_tasks_backend_is_refused():
    result = _manage("check", **PRODUCTION_ENV, TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND is 'immediate' or 'database'" in result.stderr


@pytest.mark.parametrize(
    ("env", "base_url"),
    [
        ({"PORT": "8123"}, "http://127.0.0.1:8123"),
        ({"HOST": "localhost", "PORT": "8123"}, "http://localhost:8123"),
        ({"PORT": "8123", "WAGTAILADMIN_BASE_URL": "https://dev.example"}, "https://dev.example"),
    ],
)
def test_development_links_lead_to_where_make_run_serves(env, base_url):
    dev = {"DJANGO_SETTINGS_MODULE": "config.settings.dev", **env}
    assert setting("WAGTAILADMIN_BASE_URL", **dev) == base_url


def test_production_links_never_follow_the_port_of_make_run():
    env = PRODUCTION_ENV | {"PORT": "8123"}
    assert "8123" not in setting("WAGTAILADMIN_BASE_URL", **env)
    public = setting(
        "WAGTAILADMIN_BASE_URL", **env, WAGTAILADMIN_BASE_URL="https://shitufi.example"
    )
    assert public == "https://shitufi.example"


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

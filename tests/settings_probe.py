"""manage.py in a new process, with the settings module and environment a test chooses:
settings read the environment once, at start-up, which a running test process cannot redo."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Variables the tests set themselves, and where files go (S3_*): never inherited from the
# shell that runs them.
CHOSEN = {
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "EMAIL_HASH_KEY",
    "WAGTAILADMIN_BASE_URL",
    "HOST",
    "PORT",
    "TASKS_BACKEND",
    "LOG_FORMAT",
    "LOG_LEVEL",
}


def python(*args, timeout=120, **env):
    """Python in a new process at the project's root, with the production settings unless
    `env` names another module."""
    environment = {
        k: v for k, v in os.environ.items() if k not in CHOSEN and not k.startswith("S3_")
    }
    environment |= {"DJANGO_SETTINGS_MODULE": "config.settings.production", **env}
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def manage(*args, **env):
    """`manage.py *args` with the production settings, unless `env` names another module."""
    return python("manage.py", *args, **env)


def setting(name, **env):
    """The value of one setting (JSON-serialisable) as `manage(**env)` would see it: read from
    the settings module itself, which is all Django reads it from (starting Django for it
    would take a second and a half)."""
    code = (
        "import importlib, json, os; settings = importlib.import_module("
        f"os.environ['DJANGO_SETTINGS_MODULE']); print(json.dumps(settings.{name}))"
    )
    result = python("-c", code, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])

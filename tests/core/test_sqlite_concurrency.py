"""`make run`'s SQLite takes the admin's autosave and Publish of one page at the same moment.

The suite's own SQLite database is in memory and shared by threads, which cannot show the
fault: tests/core/sqlite_race.py races them on a file, in a process with the dev settings.
"""

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def database_file(tmp_path_factory, django_db_setup, django_db_blocker):
    """The race's database file: a copy of this session's database, migrated and seeded
    already (migrating a new file takes half a minute). Module-scoped, so that it is copied
    outside any test's transaction: one that has begun IMMEDIATE holds the write lock, and
    the copy would wait for it."""
    path = tmp_path_factory.mktemp("race") / "db.sqlite3"
    with django_db_blocker.unblock(), closing(sqlite3.connect(path)) as copy:
        connection.ensure_connection()
        connection.connection.backup(copy)
    return path


# The race is on a SQLite file whatever the suite runs on: the SQLite run has the session's
# database to copy; the PostgreSQL run would migrate a new file to check the same again.
@pytest.mark.skipif(connection.vendor != "sqlite", reason="run with the SQLite suite")
@pytest.mark.django_db  # the session's database, for database_file
def test_autosave_and_publish_at_the_same_moment_both_succeed(database_file, tmp_path):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{database_file}",
        "TWO_FACTOR_REQUIRED": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "MEDIA_ROOT": str(tmp_path / "uploads"),
        "PRIVATE_ROOT": str(tmp_path / "private"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.core.sqlite_race"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout.splitlines()[-1]) == []

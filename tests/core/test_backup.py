"""`backup` and `restore` on SQLite and on a real PostgreSQL: content made in databases and
folders of the test's own, backed up by the command as cron runs it, restored into a fresh
database and fresh folders, where the rows and the files' bytes must be the same."""

import contextlib
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import uuid
from pathlib import Path

import environ
import psycopg
import pytest
from django.core.management import CommandError, call_command

from tests.settings_probe import python

TABLES = ["wagtailcore_page", "members_kibbutz", "legal_legalrequest", "legal_attachment"]


def _server_url():
    """The PostgreSQL server of the suite's DATABASE_URL, else the local one."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else "postgres://postgres@127.0.0.1:5432/postgres"


def _database_url(name):
    return _server_url().rsplit("/", 1)[0] + "/" + name


def _psql(sql):
    return subprocess.run(
        ["psql", "--no-psqlrc", _database_url("postgres"), "--command", sql],
        capture_output=True,
        text=True,
        timeout=60,
    )


@contextlib.contextmanager
def _postgres_databases(*names):
    if _psql("SELECT 1").returncode:
        pytest.skip(f"no PostgreSQL server answers at {_server_url()}")
    for name in names:
        assert _psql(f"CREATE DATABASE {name}").returncode == 0
    try:
        yield [_database_url(name) for name in names]
    finally:
        for name in names:
            _psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def backed_up(request, tmp_path_factory):
    """Content in a source database and folders, and the archive `manage.py backup` made."""
    work = tmp_path_factory.mktemp(request.param)
    with contextlib.ExitStack() as stack:
        if request.param == "sqlite":
            source, target = (f"sqlite:///{work / name}.sqlite3" for name in ("source", "target"))
        else:
            prefix = f"shitufi_backup_test_{uuid.uuid4().hex[:8]}"
            source, target = stack.enter_context(
                _postgres_databases(f"{prefix}_source", f"{prefix}_target")
            )
        environment = {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": source,
            "PRIVATE_ROOT": str(work / "private"),
            "MEDIA_ROOT": str(work / "uploads"),
        }
        for command in (
            ["-m", "tests.core.backup_content"],
            ["manage.py", "backup", f"--output-dir={work / 'backups'}"],
        ):
            result = python(*command, timeout=300, **environment)
            assert result.returncode == 0, result.stderr
        yield {
            "archive": result.stdout.strip().splitlines()[-1],
            "source": source,
            "target": target,
            "work": work,
        }


def _query(url, sql):
    config = environ.Env.db_url_config(url)
    if config["ENGINE"].endswith("sqlite3"):
        connect = sqlite3.connect(config["NAME"])
    else:
        connect = psycopg.connect(url)
    with contextlib.closing(connect) as connection:
        return connection.execute(sql).fetchall()


def _rows(url, table):
    return _query(url, f"SELECT * FROM {table} ORDER BY id")  # noqa: S608


def _files(folder):
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def _restore(backed_up, into, **options):
    call_command(
        "restore",
        backed_up["archive"],
        database_url=backed_up["target"],
        private_root=str(into / "private"),
        media_root=str(into / "uploads"),
        **options,
    )


def _the_archive_is_private_and_lists_every_file(backed_up):
    archive = Path(backed_up["archive"])
    assert archive.name.startswith("shitufi-") and archive.suffix == ".tar"
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        for name, digest in manifest["sha256"].items():
            assert hashlib.sha256(tar.extractfile(name).read()).hexdigest() == digest
    names = set(manifest["sha256"])
    assert names & {"database.sqlite3", "database.pgdump"}
    assert "uploads/documents/minutes.txt" in names
    assert [n for n in names if n.startswith("private/legal/")]


def _restore_into_a_fresh_database_and_folders(backed_up):
    restored = backed_up["work"] / "restored"
    _restore(backed_up, restored)
    for table in TABLES:
        rows = _rows(backed_up["source"], table)
        assert rows, table
        assert _rows(backed_up["target"], table) == rows, table
    for folder in ("private", "uploads"):
        source = _files(backed_up["work"] / folder)
        assert source
        assert _files(restored / folder) == source
    ((file_name,),) = _query(backed_up["target"], "SELECT file FROM legal_attachment")
    assert (restored / "private" / file_name).read_bytes().startswith(b"%PDF-")

    # Now the database is in use: a second restore is refused unless forced.
    with pytest.raises(CommandError, match="Not empty: database"):
        _restore(backed_up, backed_up["work"] / "elsewhere")
    _restore(backed_up, restored, force=True)
    assert _rows(backed_up["target"], "legal_legalrequest") == _rows(
        backed_up["source"], "legal_legalrequest"
    )


def _a_damaged_archive_is_refused_before_anything_is_written(backed_up, tmp_path):
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(backed_up["archive"]) as original, tarfile.open(damaged, "w") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name.startswith("uploads/"):
                data = data[::-1]
            copy.addfile(member, io.BytesIO(data))
    with pytest.raises(CommandError, match="uploads/documents/minutes.txt is damaged"):
        call_command(
            "restore",
            str(damaged),
            database_url=f"sqlite:///{tmp_path / 'new.sqlite3'}",
            private_root=str(tmp_path / "private"),
            media_root=str(tmp_path / "uploads"),
        )
    assert list(tmp_path.iterdir()) == [damaged]


def test_backup_and_restore(backed_up, tmp_path):
    """One test, in one process, for the three checks: making the archive takes seconds."""
    _the_archive_is_private_and_lists_every_file(backed_up)
    _restore_into_a_fresh_database_and_folders(backed_up)
    _a_damaged_archive_is_refused_before_anything_is_written(backed_up, tmp_path)

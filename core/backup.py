"""Backups: one tar archive with the database (pg_dump's custom format, or for SQLite a
consistent copy made by SQLite's backup API), the legal files (PRIVATE_ROOT) and the
uploads (MEDIA_ROOT), and last a manifest with the SHA-256 of every member.

The database is dumped before the files are read: a file is written before the row that
names it, so every attachment in the dump has its file in the archive. The archive holds
confidential legal files: it is created readable by its owner only."""

import contextlib
import datetime
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"
POSTGRESQL = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"
# The database's member in the archive, by engine.
DUMP_NAMES = {POSTGRESQL: "database.pgdump", SQLITE: "database.sqlite3"}


class BackupError(Exception):
    pass


def create(output_dir, database, folders, now=None):
    """Write shitufi-<UTC time>.tar into output_dir and return its path. `folders` maps a
    member prefix ("private", "uploads") to the folder whose files go under it."""
    now = now or datetime.datetime.now(datetime.UTC)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    path = output_dir / f"shitufi-{now:%Y%m%dT%H%M%SZ}.tar"
    partial = path.with_name(path.name + ".partial")
    dump_name = _dump_name(database)
    checksums = {}
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / dump_name
        _dump(database, dump)
        # Owner-only from the first byte; renamed into place only when complete.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as output, tarfile.open(fileobj=output, mode="w") as tar:
            _add(tar, dump, dump_name, checksums)
            for prefix, folder in folders.items():
                for file in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
                    _add(tar, file, f"{prefix}/{file.relative_to(folder).as_posix()}", checksums)
            manifest = {
                "created": now.isoformat(),
                "database": dump_name,
                "folders": sorted(folders),
                "sha256": checksums,
            }
            data = json.dumps(manifest, indent=2).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
    partial.rename(path)
    return path


def restore(archive, database, folders, force=False):
    """Put the archive's database and files back into `database` and `folders` (prefix to
    folder, as for create). Refuses a database or folder that is not empty unless force."""
    with tarfile.open(archive, "r:") as tar:
        manifest = _verified_manifest(tar)
        if manifest["database"] != _dump_name(database):
            raise BackupError(
                f"The archive holds {manifest['database']}; the target is {database['ENGINE']}."
            )
        occupied = [str(folder) for folder in folders.values() if _has_files(folder)]
        if _has_tables(database):
            occupied.insert(0, f"database {database['NAME']}")
        if occupied and not force:
            raise BackupError(f"Not empty: {', '.join(occupied)}. Use --force to overwrite.")
        with tempfile.TemporaryDirectory() as scratch:
            tar.extract(manifest["database"], scratch, filter="data")
            _load(database, Path(scratch) / manifest["database"], clean=bool(occupied))
        for prefix, folder in folders.items():
            members = [m for m in tar.getmembers() if m.name.startswith(f"{prefix}/")]
            for member in members:
                relative = member.replace(name=member.name.removeprefix(f"{prefix}/"))
                tar.extract(relative, folder, filter="data")
    return manifest


def _add(tar, path, name, checksums):
    with open(path, "rb") as file:
        checksums[name] = hashlib.file_digest(file, "sha256").hexdigest()
    tar.add(path, arcname=name, recursive=False)


def _verified_manifest(tar):
    """The manifest, once every member is in it and matches its checksum."""
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except KeyError:
        raise BackupError("Not a backup archive: it has no manifest.") from None
    members = {m.name: m for m in tar.getmembers() if m.isfile() and m.name != MANIFEST}
    if set(members) != set(manifest["sha256"]):
        raise BackupError("The archive's files differ from its manifest.")
    for name, member in members.items():
        digest = hashlib.file_digest(tar.extractfile(member), "sha256").hexdigest()
        if digest != manifest["sha256"][name]:
            raise BackupError(f"{name} is damaged: its checksum does not match the manifest.")
    return manifest


def _has_files(folder):
    return Path(folder).is_dir() and any(p.is_file() for p in Path(folder).rglob("*"))


def _dump_name(database):
    try:
        return DUMP_NAMES[database["ENGINE"]]
    except KeyError:
        raise BackupError(f"Cannot back up a {database['ENGINE']} database.") from None


def _dump(database, target):
    if database["ENGINE"] == POSTGRESQL:
        _run("pg_dump", "--format=custom", f"--file={target}", database=database)
    else:
        _sqlite_copy(database["NAME"], target)


def _load(database, dump, clean):
    if database["ENGINE"] == POSTGRESQL:
        # --clean drops what the dump recreates; objects that are not in it stay.
        _run(
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            *(["--clean", "--if-exists"] if clean else []),
            f"--dbname={database['NAME']}",
            str(dump),
            database=database,
        )
    else:
        Path(database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        _sqlite_copy(dump, database["NAME"])


def _has_tables(database):
    if database["ENGINE"] == POSTGRESQL:
        count = _run(
            "psql",
            "--no-psqlrc",
            "--tuples-only",
            "--no-align",
            "--command=SELECT count(*) FROM information_schema.tables"
            " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
            database=database,
        )
        return int(count) > 0
    if not Path(database["NAME"]).exists():
        return False
    with contextlib.closing(sqlite3.connect(database["NAME"])) as connection:
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0


def _sqlite_copy(source, target):
    # The backup API copies a consistent state even while the site writes to the source,
    # and replaces everything in the target.
    with (
        contextlib.closing(sqlite3.connect(source)) as origin,
        contextlib.closing(sqlite3.connect(target)) as copy,
    ):
        origin.backup(copy)


def _run(*command, database):
    """A PostgreSQL client program, connected through libpq's environment variables so
    that the password never appears on a command line."""
    options = database.get("OPTIONS", {})
    connection = {
        "PGHOST": database.get("HOST"),
        "PGPORT": database.get("PORT"),
        "PGUSER": database.get("USER"),
        "PGPASSWORD": database.get("PASSWORD"),
        "PGDATABASE": database.get("NAME"),
        "PGSSLMODE": options.get("sslmode"),
    }
    environment = os.environ | {key: str(value) for key, value in connection.items() if value}
    try:
        result = subprocess.run(  # noqa: S603 (fixed programs, no shell)
            command, env=environment, capture_output=True, text=True, check=True
        )
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from None
    return result.stdout.strip()

"""A copy of the seeded test database, taken once per test process and put back after each
test that commits (the end-to-end tests, whose live server must see their data, and tests
of concurrent workers), so that every test starts from the seeded site.

Plain SQL, the same on both databases: each table is copied into a schema of its own on
PostgreSQL, an attached in-memory database on SQLite, and put back with DELETE and
INSERT ... SELECT in one transaction (Django's foreign keys are checked at its end). The id
sequences stay where the test left them, past every copied row. This takes a tenth of a
second; Django's serialized rollback (TRUNCATE, then one INSERT per row) took seconds, and
seeding again many more."""

from django.db import connection, transaction

COPY = "seeded_copy"


def _tables():
    """The site's tables, quoted. The names are the database's own: no outside input reaches
    the SQL below (hence the S608 exemptions)."""
    quote = connection.ops.quote_name
    names = connection.introspection.table_names()
    return [quote(name) for name in names if name != "django_migrations"]


def take():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            # Attached to this connection, which the live server's threads share (an
            # in-memory database has one connection).
            cursor.execute(f"ATTACH DATABASE ':memory:' AS {COPY}")
        else:
            cursor.execute(f"DROP SCHEMA IF EXISTS {COPY} CASCADE")
            cursor.execute(f"CREATE SCHEMA {COPY}")
        for table in _tables():
            cursor.execute(f"CREATE TABLE {COPY}.{table} AS SELECT * FROM {table}")  # noqa: S608
        if connection.vendor == "postgresql":
            # Planner statistics for the tables the seed filled: without them the media
            # listing's query takes a second in each test that renders it.
            cursor.execute("ANALYZE")


def restore():
    with transaction.atomic(), connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"DELETE FROM {table}")  # noqa: S608
            cursor.execute(f"INSERT INTO {table} SELECT * FROM {COPY}.{table}")  # noqa: S608

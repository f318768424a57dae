"""Recall and precision of the Hebrew site search: a measurement, not a test.

    .venv/bin/python bench/search_quality.py [--details]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name> .venv/bin/python bench/search_quality.py

The corpus of tests/search/ (word families with their forms, and short documents written
for it) as one live Hebrew page per document, then every form of every family searched the
way the site searches (tests/search/quality.py): per family, its forms, the documents that
contain one of them, the pages found over all its queries, recall and precision; then the
totals, micro and macro. tests/search/test_quality.py asserts the targets on the same
measurement.

Without DATABASE_URL (or --database), a SQLite database in a fresh directory under /tmp,
removed afterwards. With a PostgreSQL URL, that database (created if missing) is migrated
and the corpus is built in a transaction that is rolled back: nothing of it stays. The dev
settings, DEBUG off. --details lists, per family, the forms that missed pages (with the
family's words in them) and the words through which wrong pages were found.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from newsletter_send import ensure_postgres_database

ROOT = Path(__file__).resolve().parent.parent


def hebrew_parent():
    """A Hebrew home page of the bench's own under the tree's root, for the corpus."""
    from wagtail.models import Locale, Page

    from home.factories import HomePageFactory

    hebrew = Locale.objects.get(language_code="he")
    return HomePageFactory(
        parent=Page.get_first_root_node(), title="Bench", slug="bench-search", locale=hebrew
    )


def database_name():
    from django.db import connection

    if connection.vendor == "postgresql":
        version = connection.pg_version
        return f"PostgreSQL {version // 10000}.{version % 10000}"
    return f"SQLite {connection.Database.sqlite_version}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL"),
        help="a PostgreSQL URL (created if missing; default: $DATABASE_URL) instead of SQLite",
    )
    parser.add_argument(
        "--details", action="store_true", help="the misses and wrong pages of each family"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-search-", dir="/tmp"))
    try:
        database = args.database or f"sqlite:///{workdir / 'bench.sqlite3'}"
        if urlsplit(database).scheme.startswith("postgres"):
            ensure_postgres_database(database)
        os.environ.pop("REDIS_URL", None)
        os.environ.update(
            {
                "DJANGO_SETTINGS_MODULE": "config.settings.dev",
                "DATABASE_URL": database,
                "DEBUG": "false",
                "LOG_LEVEL": "WARNING",
                "MEDIA_ROOT": str(workdir / "uploads"),
            }
        )
        import django

        django.setup()
        from django.core.management import call_command
        from django.db import connection, transaction

        from tests.search import quality

        call_command("migrate", interactive=False, verbosity=0)
        with transaction.atomic():
            parent = hebrew_parent()
            started = time.perf_counter()
            root, pages = quality.build(parent)
            built = time.perf_counter()
            result = quality.measure(root, pages, connection.vendor)
            measured = time.perf_counter()
            transaction.set_rollback(True)
        queries = len(result.queries)
        seconds = measured - built
        print(  # noqa: T201 — the report is the script's output
            f"Search quality benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"{database_name()}\n"
            f"{len(pages)} pages built in {built - started:.1f} s; {queries} searches in "
            f"{seconds:.1f} s ({seconds / queries * 1000:.0f} ms each)\n"
        )
        print(quality.table(result))  # noqa: T201
        if args.details:
            print(f"\n{quality.details(result)}")  # noqa: T201
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

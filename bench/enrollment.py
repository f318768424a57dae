"""Benchmark of HQ's list of people who joined: not a test, a measurement.

    .venv/bin/python bench/enrollment.py [--people 5000,20000] [--kibbutzim 250]
                                         [--database URL] [-v]

Builds a throwaway database (SQLite in a fresh directory under /tmp, or the PostgreSQL
database given with --database, dropped and made anew), with the dev settings and DEBUG
off: migrates, creates the groups, then for each size adds people in bulk up to that count,
spread over the kibbutzim, and measures in a fresh process, with Django's test client logged
in as a member of the Enrollment group: the list (unfiltered, filtered and searched, a deep
page), the counts, the network, and the CSV and XLSX exports of the whole list streamed to
the end (time, tracemalloc peak, and the highest resident size). Only the table is printed
(progress goes to stderr with -v).
"""

import argparse
import contextlib
import datetime
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from urllib.parse import urlsplit

import benchsite

ROOT = Path(__file__).resolve().parent.parent
SIZES = [5000, 20000]
KIBBUTZIM = 250
REPEAT = 5  # timed requests per page; the median is reported
LIST = "/admin/enrollment/people/"
PAGES = {
    "list": LIST,
    "list, page 100": f"{LIST}?p=100",
    "list, filtered": f"{LIST}?region=north&status=confirmed&wants_to_be_contact=true",
    "list, searched": f"{LIST}?q=כהן",
    "counts": f"{LIST}counts/",
    "counts, filtered": f"{LIST}counts/?region=south&age_band=20-29",
    "network": "/admin/enrollment/network/",
}
EXPORTS = {"CSV": f"{LIST}?export=csv", "XLSX": f"{LIST}?export=xlsx"}

log, check = benchsite.log, benchsite.require


def environment(workdir, database):
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "false",  # with DEBUG, Django keeps every query in memory
        "ALLOWED_HOSTS": "testserver",
        "TWO_FACTOR_REQUIRED": "false",  # the admin's second login step: not measured here
        "MEDIA_ROOT": str(workdir / "uploads"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


# --- the throwaway database --------------------------------------------------------------


def build(kibbutz_count):
    """Migrate, make the groups, the kibbutzim, six volunteering areas and an Enrollment
    user; return the user's pk."""
    from django.core.management import call_command
    from wagtail.models import Locale

    from core.groups import ENROLLMENT
    from core.seed.groups import ensure_groups
    from enrollment.filters import Kibbutz
    from enrollment.models import Interest, KibbutzMeeting
    from members.factories import UserFactory

    log("migrating")
    call_command("migrate", interactive=False, verbosity=0)
    ensure_groups()
    regions = [value for value, _label in Kibbutz._meta.get_field("region").choices]
    statuses = [value for value, _label in Kibbutz._meta.get_field("status").choices]
    kibbutzim = Kibbutz.objects.bulk_create(
        Kibbutz(
            name_he=f"קיבוץ {n}",
            name_en=f"Kibbutz {n}",
            region=regions[n % len(regions)],
            status=statuses[n % len(statuses)],
        )
        for n in range(kibbutz_count)
    )
    hebrew = Locale.objects.get(language_code="he")
    Interest.objects.bulk_create(
        Interest(name=name, sort_order=n, locale=hebrew)
        for n, name in enumerate(["חינוך", "תקשורת", "כלכלה", "צעירים", "חקלאות", "תרבות"])
    )
    KibbutzMeeting.objects.bulk_create(
        KibbutzMeeting(kibbutz=kibbutz) for kibbutz in kibbutzim[::3]
    )
    return UserFactory(groups=[ENROLLMENT]).pk


def add_people(count):
    """People up to `count` in all: most confirmed, one in twelve pending, one in ten
    willing to be a contact person and one in forty appointed, each with two areas."""
    from django.db import connection
    from django.utils import timezone

    from enrollment.filters import Kibbutz
    from enrollment.models import AgeBand, Interest, Person

    have = Person.objects.count()
    log(f"adding {count - have} people")
    chance = random.Random(have)  # noqa: S311 (not cryptography)
    kibbutzim = list(Kibbutz.objects.values_list("pk", flat=True))
    interests = list(Interest.objects.values_list("pk", flat=True))
    bands = AgeBand.values
    now = timezone.now()
    surnames = ["כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא"]
    people = []
    for n in range(have, count):
        pending = n % 12 == 0
        created = now - datetime.timedelta(minutes=n * 7)
        people.append(
            Person(
                first_name=f"אדם {n}",
                last_name=surnames[n % len(surnames)],
                email=f"person{n:06d}@bench.example.org",
                phone=f"+97250{n:07d}",
                kibbutz_id=kibbutzim[n % len(kibbutzim)] if n % 20 else None,
                other_community="" if n % 20 else "חיפה",
                age_band=bands[n % len(bands)],
                wants_to_be_contact=n % 10 == 0,
                contact_appointed_at=now if n % 40 == 0 and not pending else None,
                status=Person.Status.PENDING if pending else Person.Status.CONFIRMED,
                created_at=created,
                confirmed_at=None if pending else created,
            )
        )
    people = Person.objects.bulk_create(people, batch_size=1000)
    Person.interests.through.objects.bulk_create(
        (
            Person.interests.through(person_id=person.pk, interest_id=interest)
            for person in people
            for interest in chance.sample(interests, 2)
        ),
        batch_size=2000,
    )
    if connection.vendor == "postgresql":
        # What autovacuum does a while after a bulk load: plans from current statistics.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


# --- measuring (in a fresh process per size) ---------------------------------------------


def rss_mb():
    """The highest resident size of this process since the last reset, in MiB (VmHWM; not
    ru_maxrss, which carries the parent's peak across exec)."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(status["VmHWM"].split()[0]) / 1024


def reset_peak_rss():
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def page_figures(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)  # warm: templates, caches
    check(response.status_code == 200, f"{url}: {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries)  # now: the context reads the connection's log when asked
    timings = []
    for _n in range(REPEAT):
        started = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - started)
        check(response.status_code == 200, url)
    return {"queries": count, "ms": 1000 * statistics.median(timings)}


def download(client, url):
    response = client.get(url)
    check(response.status_code == 200 and response.streaming, url)
    return sum(len(chunk) for chunk in response.streaming_content)


def export_figures(client, url):
    """Time and size of one download, then its tracemalloc peak and the rise of the
    resident size in a second one."""
    started = time.perf_counter()
    size = download(client, url)
    seconds = time.perf_counter() - started
    reset_peak_rss()
    rss_before = rss_mb()
    tracemalloc.start()
    download(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "s": seconds,
        "MB": size / 2**20,
        "py_peak_MB": peak / 2**20,
        "rss_rise_MB": rss_mb() - rss_before,
    }


def measure(user_pk):
    from django.contrib.auth import get_user_model
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections
    from django.test import Client

    # As in the tests: one connection throughout, so that its queries can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)

    from enrollment.models import Person

    client = Client()
    client.force_login(get_user_model().objects.get(pk=user_pk))
    figures = {"people": Person.objects.count()}
    figures["pages"] = {name: page_figures(client, url) for name, url in PAGES.items()}
    figures["exports"] = {name: export_figures(client, url) for name, url in EXPORTS.items()}
    print(json.dumps(figures))  # noqa: T201 (read by the parent process)


def measure_in_child(user_pk):
    output = subprocess.run(  # noqa: S603 (this very script)
        [sys.executable, __file__, "--measure", str(user_pk)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    sys.stderr.write(output.stderr)
    if output.returncode:
        raise SystemExit(f"the measuring process failed ({output.returncode})")
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- report ------------------------------------------------------------------------------


def report(results, header):
    sizes = [r["people"] for r in results]
    pages = [["page", *(f"{n} people: SQL  ms" for n in sizes)]]
    for name in PAGES:
        pages.append(
            [
                name,
                *(
                    f"{r['pages'][name]['queries']:3d} {r['pages'][name]['ms']:7.1f}"
                    for r in results
                ),
            ]
        )
    exports = [["export", "people", "seconds", "rows/s", "MB", "py peak MB", "RSS rise MB"]]
    for name in EXPORTS:
        for r in results:
            e = r["exports"][name]
            exports.append(
                [
                    name,
                    r["people"],
                    f"{e['s']:.2f}",
                    f"{r['people'] / e['s']:.0f}",
                    f"{e['MB']:.1f}",
                    f"{e['py_peak_MB']:.1f}",
                    f"{e['rss_rise_MB']:.1f}",
                ]
            )
    return "\n".join(
        [
            *header,
            "",
            benchsite.table(pages[0], pages[1:], right=range(1, len(sizes) + 1)),
            "",
            benchsite.table(exports[0], exports[1:], right=range(1, 7)),
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", default=",".join(map(str, SIZES)))
    parser.add_argument("--kibbutzim", type=int, default=KIBBUTZIM)
    parser.add_argument(
        "--database", help="a PostgreSQL URL (dropped and made anew) instead of SQLite"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    benchsite.VERBOSE = args.verbose
    sys.path.insert(0, str(ROOT))

    if args.measure:  # the environment is the parent's
        import django

        django.setup()
        measure(args.measure)
        return

    sizes = sorted({int(n) for n in args.people.split(",")})
    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-enrollment-", dir="/tmp"))
    try:
        if args.database and urlsplit(args.database).scheme.startswith("postgres"):
            benchsite.fresh_postgres_database(args.database)
        os.environ.pop("REDIS_URL", None)
        os.environ.update(environment(workdir, args.database))
        import django

        django.setup()
        from django.db import connection, connections

        user_pk = build(args.kibbutzim)
        results = []
        for size in sizes:
            add_people(size)
            connections.close_all()  # the child reads the same database
            log(f"measuring with {size} people")
            results.append(measure_in_child(user_pk))
        vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(
            connection.vendor, connection.vendor
        )
        header = [
            f"Enrollment benchmark, {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, "
            f"nproc {len(os.sched_getaffinity(0))}, {vendor}, {args.kibbutzim} kibbutzim",
            "dev settings, DEBUG off; Django's test client as an Enrollment-group user;",
            f"pages: SQL queries of one request, median ms of {REPEAT};",
            "exports: the whole list, streamed to the end; py peak = tracemalloc peak,",
            "RSS rise = highest resident size during a download minus before it",
        ]
        print(report(results, header))  # noqa: T201 (the report is the script's output)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

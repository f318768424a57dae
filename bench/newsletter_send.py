"""Benchmark of sending one newsletter issue: not a test, a measurement.

    .venv/bin/python bench/newsletter_send.py [--subscribers 5000,10000,20000]
                                              [--database URL] [-v]

Builds a throwaway site (a SQLite database in a fresh directory under /tmp, or the
PostgreSQL database given with --database, created if missing), with the dev settings and
DEBUG off: migrates, runs `seed`, then for each size adds active Hebrew subscribers in bulk
up to that count, starts a campaign of the seeded Hebrew issue the way
newsletter.control.start does, and sends it through anymail's test backend in a fresh
process: queueing (newsletter.sending.queue_deliveries) and sending
(newsletter.sending.run_campaign) are timed separately, then run again under tracemalloc
for the peak of Python allocations. Only the table is printed (progress goes to stderr
with -v). Nothing leaves the machine: the test backend sends nothing.
"""

import argparse
import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import benchsite

ROOT = Path(__file__).resolve().parent.parent
SIZES = [5000, 10000, 20000]
DOMAIN = "@bench.example.org"  # every subscriber the benchmark adds, and only those
LANGUAGE = "he"
TARGET = 2000  # messages per second, from the issue

log, check = benchsite.log, benchsite.require


# --- the throwaway site ------------------------------------------------------------------


def environment(workdir, database):
    """The environment of this process and of the measuring processes."""
    return {
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "DEBUG": "false",  # dev defaults to DEBUG on, which logs every query in memory
        "MEDIA_ROOT": str(workdir / "uploads"),
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }


def ensure_postgres_database(url):
    """Create the database named in `url` if it does not exist yet."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(urlsplit(url)._replace(path="/postgres").geturl()) as admin:
        admin.autocommit = True
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            log(f"creating the database {name}")
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def build_site():
    """Migrate and seed; return the seeded Hebrew issue."""
    from django.core.management import call_command

    from newsletter.models import NewsletterIssuePage, Subscriber

    log("migrating")
    call_command("migrate", interactive=False, verbosity=0)
    log("seeding")
    call_command("seed", verbosity=0)
    if Subscriber.objects.exclude(email__endswith=DOMAIN).exists():
        raise SystemExit("This database has subscribers of its own: give a throwaway one.")
    return NewsletterIssuePage.objects.get(locale__language_code=LANGUAGE)


def clear(issue):
    """Remove what the benchmark added: the campaign (and its deliveries), the subscribers."""
    from newsletter.models import Campaign, Subscriber

    Campaign.objects.filter(issue=issue).delete()
    Subscriber.objects.filter(email__endswith=DOMAIN).delete()


def add_subscribers(count):
    """Active Hebrew subscribers up to `count` in all, added in bulk."""
    from newsletter.models import Subscriber, new_token

    have = Subscriber.objects.filter(email__endswith=DOMAIN).count()
    log(f"adding {count - have} subscribers")
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{n:06d}{DOMAIN}",
                language=LANGUAGE,
                status=Subscriber.Status.ACTIVE,
                token=new_token(),
            )
            for n in range(have, count)
        ),
        batch_size=1000,
    )


def start_campaign(issue):
    """What newsletter.control.start does before queueing: freeze the rendering. An issue
    has one campaign, so the previous size's campaign goes first."""
    from newsletter.emails import render_issue
    from newsletter.models import Campaign

    Campaign.objects.filter(issue=issue).delete()
    rendered = render_issue(issue)
    return Campaign.objects.create(
        issue=issue,
        language=LANGUAGE,
        subject=rendered.subject,
        html=rendered.html,
        text=rendered.text,
    )


# --- measuring (in a fresh process per size) ---------------------------------------------


def test_backend():
    """anymail's test backend, minus its memory (see newsletter_backends)."""
    from newsletter_backends import OutboxlessBackend

    return OutboxlessBackend()


# The steps of a send, timed separately (newsletter.sending looks them up at call time).
STEPS = {
    "claim_batch": "claim",  # the atomic claim of a batch, and reading it back
    "_batch_message": "build",  # the AnymailMessage of one call, with the merge data
    "send_messages": "anymail",  # the backend: anymail's payload, the test "provider"
    "_record_outcomes": "record",  # writing back every recipient's outcome
}


def one_run(campaign):
    """Queue and send the campaign; return the seconds of each, the seconds of each step
    of the send, and the backend."""
    from django.db import transaction

    from newsletter import sending

    steps = dict.fromkeys(STEPS.values(), 0.0)

    def timed(function, step):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                steps[step] += time.perf_counter() - started

        return wrapper

    started = time.perf_counter()
    with transaction.atomic():  # as in control.start
        sending.queue_deliveries(campaign)
    queued = time.perf_counter()
    backend = test_backend()
    backend.send_messages = timed(backend.send_messages, STEPS["send_messages"])
    with contextlib.ExitStack() as patches:
        for name, step in STEPS.items():
            if hasattr(sending, name):
                original = getattr(sending, name)
                patches.enter_context(mock.patch.object(sending, name, timed(original, step)))
        sending.run_campaign(campaign, per_minute=10**9, connection=backend)
    sent = time.perf_counter()
    return queued - started, sent - queued, steps, backend


def verify(campaign, expected, backend):
    from django.db.models import Count

    from newsletter.models import Campaign

    statuses = dict(campaign.deliveries.order_by().values_list("status").annotate(Count("pk")))
    check(statuses == {"sent": expected}, f"deliveries {statuses}, expected {expected} sent")
    check(backend.recipients == expected, f"{backend.recipients} recipients sent")
    calls = math.ceil(expected / 1000)
    check(backend.calls == calls, f"{backend.calls} provider calls, expected {calls}")
    campaign.refresh_from_db()
    check(campaign.status == Campaign.Status.DONE, f"campaign {campaign.status}")


def reset(campaign):
    from newsletter.models import Campaign

    campaign.deliveries.all().delete()
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING, finished_at=None)


def rss_mb(pid="self"):
    """(resident now, highest resident since the last reset) of a process, in MiB.

    Not ru_maxrss: Linux carries the high-water mark of the process that started us across
    exec, so the measuring process would report the parent's peak (migrate and seed)."""
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    status = dict(line.split(":", 1) for line in lines)
    return tuple(int(status[key].split()[0]) / 1024 for key in ("VmRSS", "VmHWM"))


def reset_peak_rss():
    """Lower the high-water mark to what is resident now (Linux, /proc/PID/clear_refs);
    where that is not allowed, the peak counts from the start of the process."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def profile_run(campaign, expected):
    """One more run under cProfile; the heaviest functions go to stderr."""
    import cProfile
    import io
    import pstats

    reset(campaign)
    profiler = cProfile.Profile()
    profiler.enable()
    *_, backend = one_run(campaign)
    profiler.disable()
    verify(campaign, expected, backend)
    out = io.StringIO()
    ours = pstats.Stats(profiler, stream=out)
    out.write(f"\n=== cProfile, {expected} subscribers: newsletter and anymail code ===\n")
    ours.sort_stats("cumulative").print_stats(r"/newsletter/|/anymail/", 30)
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    out.write(f"=== cProfile, {expected} subscribers: by own time ===\n")
    stats.sort_stats("tottime").print_stats(25)
    out.write(f"=== cProfile, {expected} subscribers: by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(40)
    sys.stderr.write(out.getvalue())


def measure(campaign_id, profile=False):
    """Run in a fresh process: one timed run (no tracing, which slows every allocation),
    then the same run again under tracemalloc. Prints the figures as JSON."""
    from newsletter import sending
    from newsletter.models import Campaign, Subscriber

    campaign = Campaign.objects.get(pk=campaign_id)
    expected = Subscriber.objects.filter(
        status=Subscriber.Status.ACTIVE, language=campaign.language
    ).count()
    sending.unsubscribe_url("warm-up", campaign.language)  # URLconf and catalog, once
    rss_before, _ = rss_mb()
    reset_peak_rss()

    queue_s, send_s, steps, backend = one_run(campaign)
    _, rss_peak = rss_mb()
    verify(campaign, expected, backend)

    reset(campaign)
    tracemalloc.start()
    *_, traced_backend = one_run(campaign)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    verify(campaign, expected, traced_backend)

    if profile:
        profile_run(campaign, expected)

    figures = {
        "subscribers": expected,
        "calls": backend.calls,
        "queue_s": queue_s,
        "send_s": send_s,
        "steps": steps,
        "peak_mb": peak / 2**20,
        "rss_before_mb": rss_before,
        "rss_peak_mb": rss_peak,
    }
    print(json.dumps(figures))  # noqa: T201 — read by the parent process


def measure_in_child(campaign_id, profile):
    command = [sys.executable, __file__, "--measure", str(campaign_id)]
    if profile:
        command.append("--profile")
    output = subprocess.run(  # noqa: S603 — this very script
        command, capture_output=True, text=True, check=False, cwd=ROOT
    )
    sys.stderr.write(output.stderr)  # warnings, and the profile with --profile
    if output.returncode:
        raise SystemExit(f"the measuring process failed ({output.returncode})")
    return json.loads(output.stdout.strip().splitlines()[-1])


# --- report ------------------------------------------------------------------------------


def table(columns, rows):
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(v.rjust(widths[i]) for i, v in enumerate(values))

    return [line(columns), line("-" * w for w in widths), *map(line, cells)]


def report(results, header):
    figures = []
    for r in results:
        n, total = r["subscribers"], r["queue_s"] + r["send_s"]
        figures.append(
            [
                n,
                r["calls"],
                f"{r['queue_s']:.2f}",
                f"{r['send_s']:.2f}",
                f"{n / r['queue_s']:.0f}",
                f"{n / r['send_s']:.0f}",
                f"{n / total:.0f}",
                f"{r['peak_mb']:.1f}",
                f"{r['rss_before_mb']:.0f}",
                f"{r['rss_peak_mb']:.0f}",
            ]
        )
    shares = []
    for r in results:
        steps = r["steps"]
        other = r["send_s"] - sum(steps.values())
        shares.append(
            [
                r["subscribers"],
                *(f"{100 * seconds / r['send_s']:.0f}%" for seconds in steps.values()),
                f"{100 * other / r['send_s']:.0f}%",
            ]
        )
    columns = ["subscribers", "calls", "queue s", "send s", "queue msg/s", "send msg/s"]
    columns += ["total msg/s", "py peak MB", "RSS MB", "RSS peak MB"]
    rates = [r["subscribers"] / (r["queue_s"] + r["send_s"]) for r in results]
    peaks = [r["peak_mb"] for r in results]
    rss = [r["rss_peak_mb"] for r in results]
    summary = (
        f"Target: {TARGET} msg/s or more, memory flat. Here: {min(rates):.0f}-{max(rates):.0f} "
        f"msg/s; py peak {min(peaks):.1f}-{max(peaks):.1f} MB, RSS peak "
        f"{min(rss):.0f}-{max(rss):.0f} MB from {results[0]['subscribers']} to "
        f"{results[-1]['subscribers']} subscribers."
    )
    return "\n".join(
        [
            *header,
            "",
            *table(columns, figures),
            "",
            summary,
            "",
            "Where the send time goes (share of send s):",
            *table(["subscribers", *STEPS.values(), "other"], shares),
        ]
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--subscribers",
        default=",".join(map(str, SIZES)),
        help="comma-separated subscriber counts (default %(default)s)",
    )
    parser.add_argument(
        "--database", help="a PostgreSQL URL (created if missing) instead of a SQLite file"
    )
    parser.add_argument(
        "--profile", action="store_true", help="one more run per size under cProfile (stderr)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    benchsite.VERBOSE = args.verbose
    sys.path.insert(0, str(ROOT))

    if args.measure:  # the environment is the parent's
        import django

        django.setup()
        measure(args.measure, args.profile)
        return

    sizes = sorted({int(n) for n in args.subscribers.split(",")})
    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-send-", dir="/tmp"))
    try:
        if args.database and urlsplit(args.database).scheme.startswith("postgres"):
            ensure_postgres_database(args.database)
        os.environ.pop("REDIS_URL", None)
        os.environ.update(environment(workdir, args.database))
        import django

        django.setup()
        from django.db import connection, connections

        issue = build_site()
        clear(issue)  # a reused database: what an earlier run left
        results = []
        try:
            for size in sizes:
                add_subscribers(size)
                campaign = start_campaign(issue)
                connections.close_all()  # the child writes to the same database
                log(f"sending to {size} subscribers")
                results.append(measure_in_child(campaign.pk, args.profile))
                check(results[-1]["subscribers"] == size, "subscriber count")
        finally:
            clear(issue)
        vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(
            connection.vendor, connection.vendor
        )
        nproc = len(os.sched_getaffinity(0))
        header = [
            f"Newsletter sending benchmark, {time.strftime('%Y-%m-%d')}, nproc {nproc}",
            f"{vendor}, dev settings, DEBUG off; anymail test backend, 1000 recipients a call",
            "msg/s = subscribers / seconds of our processing (queue, send, both)",
            "py peak MB = tracemalloc peak of Python allocations in queue+send (a run of its own)",
            "RSS MB = resident size of the measuring process before its timed run; peak: during",
        ]
        print(report(results, header))  # noqa: T201 — the report is the script's output
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Benchmark of the public pages with a thousand HQ updates: not a test, a measurement.

    .venv/bin/python bench/news_pages.py [--requests 300] [--duration 10] [--keep] [-v]

Builds a throwaway site in a fresh directory under /tmp (SQLite database, uploads, static
files), with the production settings and DEBUG off: migrates, runs `seed`, adds 1,000
updates under the news index in bulk, requests every update once so that the image
renditions exist, then serves the site with gunicorn (2 sync workers) on a free port of
127.0.0.1 and measures the home page, the news index, an update and the media index:
requests per second, median and 95th-percentile latency, and the SQL queries of one
request. Only the table is printed (progress goes to stderr with -v); the directory is
removed at the end unless --keep. Loopback only: nothing leaves the machine.
"""

import argparse
import contextlib
import http.client
import os
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk")
BULK_UPDATES = 1000
WORKERS = 2
WRK_THREADS, WRK_CONNECTIONS = 2, 8
PYTHON_CLIENTS = 4

# Production settings with what a throwaway local copy needs instead: its own static
# directory, and video players built offline (production asks YouTube over the internet).
SETTINGS = """\
from config.settings.production import *  # noqa: F403

STATIC_ROOT = {static_root!r}
WAGTAILEMBEDS_FINDERS = [{{"class": "core.embeds.OfflineVideoFinder"}}]
"""

# wrk reports latency percentiles in microseconds; this prints the ones we need.
WRK_SCRIPT = """\
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.status,
    e.connect + e.read + e.write + e.timeout))
end
"""


VERBOSE = False


def log(message):
    if VERBOSE:
        sys.stderr.write(f"[bench] {message}\n")
        sys.stderr.flush()


# --- the throwaway site ------------------------------------------------------------------


def environment(workdir):
    """The environment of both this process and gunicorn."""
    settings = workdir / "bench_settings.py"
    settings.write_text(SETTINGS.format(static_root=str(workdir / "static")))
    env = {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'db.sqlite3'}",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(workdir / "uploads"),
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)]),
    }
    os.environ.pop("REDIS_URL", None)  # each process caches in its own memory
    return env


def build_site(updates):
    from django.core.management import call_command
    from wagtail.models import Locale, Site

    from news.models import NewsIndexPage

    log("migrating")
    call_command("migrate", interactive=False, verbosity=0)
    log("collecting static files")
    call_command("collectstatic", interactive=False, verbosity=0)
    log("seeding")
    call_command("seed", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:  # the seed command does not create the updates yet
        from news.seed import seed_news

        index = seed_news(home, Locale.objects.get(language_code="en"))
    log(f"adding {updates} updates")
    bulk_create_updates(index, updates)
    return home, index


def bulk_create_updates(index, count):
    """`count` live updates under `index`, written in a few bulk queries: copies of the
    seeded updates (body, image, categories, tags), dated before them. Like loaddata, this
    bypasses the search index and the reference index."""
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.db.models import F
    from django.utils import timezone
    from wagtail.models import Page, Revision

    from news.models import NewsPage, NewsPageTag

    samples = list(NewsPage.objects.child_of(index).prefetch_related("categories", "tagged_items"))
    oldest = min(s.published_at for s in samples)
    page_type = ContentType.objects.get_for_model(NewsPage)
    base_type = ContentType.objects.get_for_model(Page)
    last = index.get_last_child()
    first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    now = timezone.now()

    updates = []
    for i in range(count):
        sample = samples[i % len(samples)]
        slug = f"update-{i + 1:04d}"
        title = f"{sample.title} ({i + 1})"
        updates.append(
            NewsPage(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=page_type,
                locale_id=index.locale_id,
                translation_key=uuid.uuid4(),
                path=Page._get_path(index.path, index.depth + 1, first_step + i),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                introduction=sample.introduction,
                published_at=oldest - datetime.timedelta(hours=12 * (i + 1)),
                hero_image_id=sample.hero_image_id,
                hero_alt=sample.hero_alt,
                body=sample.body.get_prep_value(),
            )
        )
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    with transaction.atomic():
        pages = Page.objects.bulk_create(
            [Page(**{f.attname: getattr(u, f.attname) for f in page_fields}) for u in updates],
            batch_size=250,
        )
        for update, page in zip(updates, pages, strict=True):
            update.id = update.page_ptr_id = page.pk
            # raw: only the news_newspage row, as loaddata does (the page row exists)
            update.save_base(raw=True, force_insert=True)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=page_type,
                    base_content_type=base_type,
                    object_id=str(u.pk),
                    created_at=now,
                    content=u.serializable_data(),
                    object_str=u.title,
                )
                for u in updates
            ],
            batch_size=250,
        )
        for page, revision in zip(pages, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
        Page.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=250)
        categories, tags = [], []
        for i, update in enumerate(updates):
            sample = samples[i % len(samples)]
            categories += [
                NewsPage.categories.through(newspage_id=update.pk, newscategory_id=c.pk)
                for c in sample.categories.all()
            ]
            tags += [
                NewsPageTag(content_object_id=update.pk, tag_id=t.tag_id)
                for t in sample.tagged_items.all()
            ]
        NewsPage.categories.through.objects.bulk_create(categories, batch_size=500)
        NewsPageTag.objects.bulk_create(tags, batch_size=500)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)


# --- measuring ---------------------------------------------------------------------------


def targets(home, index):
    """(name, path) of the measured pages; the media index may not exist yet."""
    newest = index.updates().first()
    return [
        ("home", home.url),
        ("news index", index.url),
        ("news page", newest.url),
        ("media index", "/media/"),
    ]


def warm_up(client, index, pages):
    """Request every page once: image renditions and embeds are made on first view."""
    from news.models import NewsPage

    urls = [url for _name, url in pages]
    urls += [p.url for p in NewsPage.objects.child_of(index).live()]
    log(f"requesting {len(urls)} pages once")
    for url in urls:
        client.get(url)


def count_queries(client, pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for name, url in pages:
        client.get(url)  # once more, so that caches are as warm as a worker's
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        counts[name] = (response.status_code, len(queries))
    return counts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env, workdir):
    port = free_port()
    command = [
        *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
        *("--workers", str(WORKERS), "--worker-class", "sync"),
        *("--bind", f"127.0.0.1:{port}", "--chdir", str(ROOT)),
        *("--log-level", "warning", "--error-logfile", str(workdir / "gunicorn.log")),
    ]
    log(f"starting gunicorn on 127.0.0.1:{port}")
    process = subprocess.Popen(  # noqa: S603 — our own fixed command line
        command,
        env={**os.environ, **env},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: the master and its workers
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped; see {workdir / 'gunicorn.log'}")
            with contextlib.suppress(OSError):
                if get(port, "/") == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not answer within a minute")
            time.sleep(0.2)
        yield port
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def measure_wrk(port, path, duration, workdir):
    script = workdir / "report.lua"
    script.write_text(WRK_SCRIPT)
    command = [
        WRK,
        *(f"-t{WRK_THREADS}", f"-c{WRK_CONNECTIONS}", f"-d{duration}s", "--timeout", "10s"),
        *("-s", str(script), f"http://127.0.0.1:{port}{path}"),
    ]
    output = subprocess.run(  # noqa: S603 — our own fixed command line
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, micros, p50, p95, bad_status, errors = (int(v) for v in line.split()[1:])
    return {
        "requests": requests,
        "rps": requests / (micros / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "failed": bad_status + errors,
    }


def measure_python(port, path, requests):
    lock, latencies, failed = threading.Lock(), [], [0]

    def one(_):
        start = time.perf_counter()
        try:
            ok = get(port, path) == 200
        except OSError:
            ok = False
        elapsed = time.perf_counter() - start
        with lock:
            latencies.append(elapsed)
            failed[0] += not ok

    start = time.perf_counter()
    with ThreadPoolExecutor(PYTHON_CLIENTS) as pool:
        list(pool.map(one, range(requests)))
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "requests": requests,
        "rps": requests / wall,
        "p50": statistics.median(latencies) * 1000,
        "p95": latencies[max(0, round(0.95 * len(latencies)) - 1)] * 1000,
        "failed": failed[0],
    }


# --- report ------------------------------------------------------------------------------


def table(rows, header):
    columns = ["page", "path", "status", "requests", "req/s", "p50 ms", "p95 ms", "SQL"]
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    right = {2, 3, 4, 5, 6, 7}

    def line(values):
        return "  ".join(
            v.rjust(widths[i]) if i in right else v.ljust(widths[i]) for i, v in enumerate(values)
        ).rstrip()

    return "\n".join([*header, "", line(columns), line("-" * w for w in widths), *map(line, cells)])


def main():
    global VERBOSE
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=BULK_UPDATES, help="updates to add")
    parser.add_argument("--duration", type=int, default=10, help="seconds per page (wrk)")
    parser.add_argument("--requests", type=int, default=300, help="requests per page (without wrk)")
    parser.add_argument("--no-wrk", action="store_true", help="measure with Python only")
    parser.add_argument("--keep", action="store_true", help="keep the directory in /tmp")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    VERBOSE = args.verbose
    use_wrk = WRK is not None and not args.no_wrk

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-", dir="/tmp"))
    try:
        env = environment(workdir)
        os.environ.update(env)
        sys.path[:0] = [str(workdir), str(ROOT)]
        import django

        django.setup()
        from django.test import Client

        home, index = build_site(args.updates)
        pages = targets(home, index)
        client = Client()
        warm_up(client, index, pages)
        queries = count_queries(client, pages)
        from news.models import NewsPage

        total = NewsPage.objects.live().count()

        rows = []
        with gunicorn(env, workdir) as port:
            for name, path in pages:
                status, sql = queries[name]
                if status != 200:
                    rows.append([name, path, status, "-", "skipped", "-", "-", "-"])
                    continue
                log(f"measuring {path}")
                for _ in range(20):  # both workers compile templates, fill their caches
                    get(port, path)
                if use_wrk:
                    result = measure_wrk(port, path, args.duration, workdir)
                else:
                    result = measure_python(port, path, args.requests)
                requests = f"{result['requests']}" + (
                    f" ({result['failed']} failed)" if result["failed"] else ""
                )
                rows.append(
                    [
                        name,
                        path,
                        status,
                        requests,
                        f"{result['rps']:.1f}",
                        f"{result['p50']:.1f}",
                        f"{result['p95']:.1f}",
                        sql,
                    ]
                )
        load = (
            f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{args.duration}s"
            if use_wrk
            else f"{args.requests} requests, {PYTHON_CLIENTS} client threads (http.client)"
        )
        nproc = len(os.sched_getaffinity(0))
        header = [
            f"HQ updates benchmark, {time.strftime('%Y-%m-%d')}, nproc {nproc}",
            f"{total} live updates (he+en), SQLite, production settings, DEBUG off",
            f"gunicorn {WORKERS} sync workers on 127.0.0.1; load: {load}",
            "SQL = queries of one warm request, in-process (Django test client)",
        ]
        print(table(rows, header))  # noqa: T201 — the report is the script's output
    finally:
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

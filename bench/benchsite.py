"""A throwaway copy of the site for the benchmarks (pages.py, load.py): built in a fresh
directory under /tmp with the production settings and DEBUG off, served by gunicorn on a free
port of 127.0.0.1, loaded with wrk. Nothing leaves the machine.

The settings module written into the directory changes only what a local copy needs: its
own static directory, video players built offline (production asks YouTube), plain HTTP on
the loopback, and a URLconf that adds `/bench/ceiling/`, a view answering a constant 20 KB
through the whole middleware stack: the ceiling of what gunicorn and Django can serve here.
The same view answers `/bench/bare/`, which pages.py serves with no middleware at all
(bare_wsgi.py).
"""

import contextlib
import datetime
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk")
CEILING = "/bench/ceiling/"

SETTINGS = """\
from config.settings.production import *  # noqa: F403

STATIC_ROOT = {static_root!r}
WAGTAILEMBEDS_FINDERS = [{{"class": "core.embeds.OfflineVideoFinder"}}]
ROOT_URLCONF = "bench_urls"
"""

URLS = """\
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site

BODY = b"x" * 20 * 1024


def ceiling(request):
    return HttpResponse(BODY, content_type="text/plain")


urlpatterns = [path("bench/ceiling/", ceiling), path("bench/bare/", ceiling), *site]
"""

# wrk's report: requests, duration (µs), latency percentiles (µs), error counts; `paths`
# (if set) is the mix of addresses each request picks from at random.
WRK_SCRIPT = """\
paths = {paths}
if #paths > 0 then
  request = function() return wrk.format("GET", paths[math.random(#paths)]) end
end
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


def require(condition, message):
    """The figures mean nothing if this is not so."""
    if not condition:
        raise RuntimeError(message)


def url_path(path):
    """The path as wrk must send it: percent-encoded (Hebrew slugs and queries)."""
    return quote(path, safe="/?=&%")


def environment(workdir, database_url, redis_url):
    """The environment of this process and of gunicorn; `os.environ` is updated too."""
    (workdir / "bench_settings.py").write_text(SETTINGS.format(static_root=str(workdir / "static")))
    (workdir / "bench_urls.py").write_text(URLS)
    env = {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
        "REDIS_URL": redis_url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_HASH_KEY": secrets.token_urlsafe(20),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "MEDIA_ROOT": str(workdir / "uploads"),
        "PRIVATE_ROOT": str(workdir / "private"),
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on the loopback
        "SECURE_HSTS_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join([str(workdir), str(ROOT)]),
    }
    os.environ.update(env)
    sys.path[:0] = [str(workdir), str(ROOT)]
    return env


def fresh_postgres_database(url):
    """Drop and create the database named in `url`: it must be one of the benchmark's own."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def build_site(updates):
    """Migrate, collect static files, seed, add `updates` HQ updates in bulk and build the
    search index. Returns the home page and the Hebrew news index."""
    from django.core.management import call_command
    from wagtail.models import Site

    from news.models import NewsIndexPage

    log("migrating")
    call_command("migrate", interactive=False, verbosity=0)
    log("collecting static files")
    call_command("collectstatic", interactive=False, verbosity=0)
    log("seeding")
    call_command("seed", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = NewsIndexPage.objects.child_of(home).get()
    log(f"adding {updates} updates")
    bulk_create_updates(index, updates)
    # Production settings queue index updates for a worker the benchmark does not run:
    # built here, the search finds what it would find on the site.
    log("building the search index")
    call_command("update_index", verbosity=0)
    return home, index


def bulk_create_updates(index, count):
    """`count` live updates under `index`, written in a few bulk queries: copies of the
    seeded updates (body, image, categories, tags), dated before them. Like loaddata, this
    bypasses the search index and the reference index."""
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


def public_pages(home, index):
    """(name, path) of the measured page types."""
    from media.models import GalleryPage, MediaIndexPage

    return [
        ("home", home.url),
        ("news index", index.url),
        ("news page", index.updates().first().url),
        ("search", "/search/?q=קיבוץ"),
        ("media index", MediaIndexPage.objects.live().filter(locale=home.locale).get().url),
        ("media page", GalleryPage.objects.live().filter(locale=home.locale).first().url),
    ]


def render_everything(client, index, pages):
    """Request every page once, so that image renditions and embeds exist before anything
    is timed."""
    from wagtail.models import Page

    urls = [url for _name, url in pages]
    urls += [p.url for p in Page.objects.live().exclude(depth__lte=1).specific()]
    log(f"requesting {len(urls)} pages once")
    for url in urls:
        client.get(url)


def count_queries(client, pages):
    """SQL queries of one request to each page, with the page cache off (what a miss costs)."""
    from django.conf import settings
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = {}
    kept, settings.PAGE_CACHE_SECONDS = settings.PAGE_CACHE_SECONDS, 0
    try:
        for name, url in pages:
            client.get(url)  # once more, so that caches are as warm as a worker's
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            counts[name] = (response.status_code, len(queries))
    finally:
        settings.PAGE_CACHE_SECONDS = kept
    return counts


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path, headers=None):
    """(status, headers, body) of one GET."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", url_path(path), headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env, workdir, workers=2, extra_env=None, app="config.wsgi:application"):
    """gunicorn serving `app` on a free port, in its own process group: `workers` sync
    workers, or with workers=None production's config/gunicorn.py."""
    port = free_port()
    command = [sys.executable, "-m", "gunicorn", app]
    if workers is None:
        command += ["-c", str(ROOT / "config" / "gunicorn.py")]
    else:
        command += ["--workers", str(workers), "--worker-class", "sync"]
    command += [
        *("--bind", f"127.0.0.1:{port}", "--chdir", str(ROOT)),
        *("--log-level", "warning", "--error-logfile", str(workdir / "gunicorn.log")),
    ]
    log(f"starting gunicorn ({workers} workers) on 127.0.0.1:{port} {extra_env or ''}")
    process = subprocess.Popen(  # noqa: S603 — our own fixed command line
        command,
        env={**os.environ, **env, **(extra_env or {})},
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
                if get(port, "/healthz")[0] in (200, 503):
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


def wrk(port, paths, workdir, threads=2, connections=8, duration=10):
    """Load `paths` (one address, or several picked at random per request) with wrk.
    Returns requests, req/s, p50 and p95 latency (ms), and failed: responses of 4xx/5xx
    plus connection errors and timeouts."""
    if WRK is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    paths = [url_path(p) for p in ([paths] if isinstance(paths, str) else paths)]
    script = workdir / "report.lua"
    mix = paths if len(paths) > 1 else []
    script.write_text(WRK_SCRIPT.format(paths="{" + ", ".join(f'"{p}"' for p in mix) + "}"))
    command = [
        WRK,
        *(f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"),
        *("-s", str(script), f"http://127.0.0.1:{port}{paths[0]}"),
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


def table(columns, rows, right=()):
    cells = [[str(c) for c in row] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(
            v.rjust(widths[i]) if i in right else v.ljust(widths[i]) for i, v in enumerate(values)
        ).rstrip()

    return "\n".join([line(columns), line("-" * w for w in widths), *map(line, cells)])

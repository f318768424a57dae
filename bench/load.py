"""Load and faults: not a test, a measurement.

    .venv/bin/python bench/load.py [--updates 300] [--subscribers 3000] [-v]

Builds a throwaway site (benchsite.py) on a PostgreSQL cluster and a Redis server of its
own (started here on free ports, so that restarting or killing them disturbs nothing else),
served by gunicorn with config/gunicorn.py (production's workers per core), then:

1. mixed: 60 s of `wrk -t2 -c50` over a random mix of every public page (both languages),
   searches and the style sheet, page cache on, through nginx over HTTPS (the configuration
   `manage.py nginx_config` prints, with a self-signed certificate) as deployed, each
   address requested once before, while an editor autosaves a draft every second through
   nginx too (autosave.py). Passes with no failed response and no failed autosave; reports
   the page cache's hit ratio, wrk's p95 (corrected for coordinated omission: inflated by
   every slow answer) and nginx's own plain p50, p95 and p99 of the GETs.
2. PostgreSQL restart: page cache off, so every request needs the database; 30 s of load,
   with `pg_ctl restart -m fast` at 10 s; then 10 s more. Passes when the site answers
   everything after the restart without being restarted itself (CONN_HEALTH_CHECKS).
3. Redis down: page cache on; 30 s of load, with Redis killed at 10 s. Passes with no
   failed response; Redis is then started again and the cache is used again.
4. worker killed: a newsletter to N subscribers, sent over SMTP to a local server that
   records every message, by `manage.py db_worker`; the worker gets SIGKILL once a third is
   sent; a new worker starts and `recover_campaigns` runs as cron would. Passes when
   nobody got the issue twice, and everyone either got it or is marked unknown.
"""

import argparse
import collections
import contextlib
import http.client
import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import autosave
import benchsite as bench

STALE_CLAIM_SECONDS = 10  # production waits 15 minutes before calling a claim stale


# --- services of our own -----------------------------------------------------------------


@contextlib.contextmanager
def postgres_cluster(workdir):
    """A PostgreSQL cluster in `workdir`, on a free port; yields (port, restart)."""
    version = sorted(os.listdir("/usr/lib/postgresql"))[-1]
    binaries = Path("/usr/lib/postgresql") / version / "bin"
    data = workdir / "pg"
    data.mkdir()
    as_owner = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        workdir.chmod(0o755)
        shutil.chown(data, "postgres")
        as_owner = ["runuser", "-u", "postgres", "--"]
    quiet = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    subprocess.run(  # noqa: S603 — our own fixed command line
        [*as_owner, binaries / "initdb", "-D", data, "-A", "trust", "-U", "postgres", "-N"],
        **quiet,
    )
    port = bench.free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    ctl = [*as_owner, binaries / "pg_ctl", "-D", data, "-l", data / "log", "-w", "-o", options]
    subprocess.run([*ctl, "start"], **quiet)  # noqa: S603
    bench.log(f"PostgreSQL {version} on 127.0.0.1:{port}")
    try:
        yield port, lambda: subprocess.run([*ctl, "restart", "-m", "fast"], **quiet)  # noqa: S603
    finally:
        subprocess.run([*ctl, "stop", "-m", "immediate"], check=False, capture_output=True)  # noqa: S603


class RedisServer:
    """A Redis server on a free port, keeping nothing on disk."""

    def __init__(self):
        self.port = bench.free_port()
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        import redis

        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(redis.exceptions.ConnectionError):
                redis.Redis(port=self.port).ping()
                return
            bench.require(time.monotonic() < deadline, "Redis did not start")
            time.sleep(0.1)

    def kill(self):
        self.process.kill()
        self.process.wait()


# --- the phases --------------------------------------------------------------------------


def load_with_fault(port, paths, workdir, fault, before=10, total=30):
    """Load for `total` seconds; `fault()` runs `before` seconds in."""
    with ThreadPoolExecutor(1) as pool:
        running = pool.submit(
            bench.wrk, port, paths, workdir, threads=2, connections=50, duration=total
        )
        time.sleep(before)
        started = time.monotonic()
        fault()
        took = time.monotonic() - started
        return running.result(), took


def mixed_paths():
    """Every public page in both languages, a few searches and the style sheet."""
    from django.templatetags.static import static
    from wagtail.models import Page, PageViewRestriction

    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    pages = Page.objects.live().filter(depth__gt=1)
    for path in restricted:
        pages = pages.exclude(path__startswith=path)
    paths = [page.url for page in pages.specific()]
    paths += ["/search/?q=קיבוץ", "/search/?q=חזון", "/en/search/?q=vision"]
    return [*paths, static("css/site.css")]


def _row(phase, what, passed, result=None):
    figures = ["", "", "", ""]
    if result:
        figures = [result["requests"], f"{result['rps']:.0f}", f"{result['p95']:.0f}"]
        figures.append(result["failed"])
    verdict = passed if isinstance(passed, str) else ("yes" if passed else "NO")
    return [phase, what, *figures, verdict]


@contextlib.contextmanager
def nginx(workdir, upstream_port):
    """nginx in front of gunicorn as deployed: the configuration `manage.py nginx_config`
    prints, HTTPS on a free port with a certificate of its own. Yields that port."""
    from django.core.management import call_command

    from tests.deploy.nginx import NGINX, main_config  # the deployed topology's tests' own

    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subprocess.run(  # noqa: S603 — our own fixed command line
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"]
        + ["-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"],
        check=True,
        capture_output=True,
    )
    https_port, http_port = bench.free_port(), bench.free_port()
    site = io.StringIO()
    call_command(
        "nginx_config",
        *("--server-name", "127.0.0.1", "--upstream", f"127.0.0.1:{upstream_port}"),
        *("--certificate", str(cert), "--certificate-key", str(key)),
        *("--https-listen", f"127.0.0.1:{https_port}", "--http-listen", f"127.0.0.1:{http_port}"),
        stdout=site,
    )
    (workdir / "shitufi.conf").write_text(site.getvalue())
    (workdir / "nginx.conf").write_text(main_config(workdir))
    process = subprocess.Popen(  # noqa: S603 — our own fixed command line
        [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-g", "daemon off;"],
        stderr=open(workdir / "nginx-error.log", "ab"),  # noqa: SIM115
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            bench.require(process.poll() is None, f"nginx stopped; see {workdir}/nginx-error.log")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", https_port)):
                break
            bench.require(time.monotonic() < deadline, "nginx did not listen within 30 s")
            time.sleep(0.2)
        yield https_port
    finally:
        process.terminate()
        process.wait()


def _get_through_nginx(port, path):
    connection = http.client.HTTPSConnection(
        "127.0.0.1", port, timeout=60, context=autosave.UNVERIFIED
    )
    try:
        connection.request("GET", bench.url_path(path))
        connection.getresponse().read()
    finally:
        connection.close()


def phase_mixed(env, workdir, paths, duration):
    from news.models import NewsPage

    update = NewsPage.objects.live().filter(locale__language_code="he").order_by("path").first()
    cookies, csrf = autosave.editor_cookies()
    with bench.gunicorn(env, workdir, workers=None) as port, nginx(workdir, port) as https:
        base_url = f"https://127.0.0.1:{https}"
        for path in paths:  # each address once: visitors find the pages cached, as they would
            _get_through_nginx(https, path)
        saver = autosave.Autosaver(base_url, update, cookies, csrf)
        log = workdir / "nginx-access.log"
        logged_before = log.stat().st_size
        saver.start()
        try:
            result = autosave.wrk_mix(base_url, paths, workdir, duration, connections=50)
        finally:
            saver.stopping.set()
            saver.join()
    with log.open("rb") as lines:
        lines.seek(logged_before)
        timed = nginx_times(lines)
    what = (
        f"{duration} s, 50 connections through nginx (HTTPS), {len(paths)} addresses, "
        f"an editor autosaving ({saver.saved} saves, {saver.failed} failed); "
        f"hit ratio {result['ratio']:.3f} ({result['hits']} hits, {result['misses']} misses, "
        f"{result['others']} uncached: static files); nginx's own times of the GETs: "
        + ", ".join(f"p{p} {timed[p]:.0f} ms" for p in (50, 95, 99))
    )
    passed = result["failed"] == 0 and saver.failed == 0 and saver.saved > 0
    return [_row("mixed", what, passed, result)]


def nginx_times(lines):
    """Percentiles (ms) of nginx's `$request_time` of the GETs in `lines` of its access log
    (tests/deploy/nginx.py's format). wrk's own percentiles are corrected for coordinated
    omission (synthetic samples behind every slow answer); these are the plain ones."""
    times = sorted(float(line.split(b" ", 1)[0]) * 1000 for line in lines if b' "GET ' in line)
    bench.require(times, "nginx logged no GET")
    return {p: times[min(len(times) - 1, len(times) * p // 100)] for p in (50, 95, 99)}


def phase_postgres(env, workdir, paths, restart):
    with bench.gunicorn(env, workdir, workers=None, extra_env={"PAGE_CACHE_SECONDS": "0"}) as port:
        during, took = load_with_fault(port, paths, workdir, restart)
        after = bench.wrk(port, paths, workdir, threads=2, connections=50, duration=10)
    return [
        _row("PostgreSQL restart", f"30 s, restart at 10 s (took {took:.1f} s)", "-", during),
        _row("  then", "10 s more, same processes", after["failed"] == 0, after),
    ]


def phase_redis(env, workdir, paths, redis_server):
    with bench.gunicorn(env, workdir, workers=None) as port:
        during, _took = load_with_fault(port, paths, workdir, redis_server.kill)
        redis_server.start()
        time.sleep(6)  # each process asks Redis again 5 s after its last error
        for _ in range(20):
            bench.get(port, "/")
        _status, headers, _body = bench.get(port, "/")
    back = headers.get("X-Page-Cache") == "hit"
    return [
        _row("Redis down", "30 s, Redis killed at 10 s", during["failed"] == 0, during),
        _row("  then", "Redis started again: home page from the cache", back),
    ]


def phase_worker(env, workdir, subscribers):
    from aiosmtpd.controller import Controller
    from django.db import connections

    from newsletter import control
    from newsletter.models import Campaign, Delivery, NewsletterIssuePage, Subscriber, new_token

    connections.close_all()  # this process's connection did not live through the restart
    received = collections.Counter()
    lock = threading.Lock()

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            with lock:
                received.update(envelope.rcpt_tos)
            return "250 OK"

    smtp = Controller(Sink(), hostname="127.0.0.1", port=bench.free_port())
    smtp.start()
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n:05d}@load.example", language="he", status="active", token=new_token()
        )
        for n in range(subscribers)
    )
    worker_env = {
        **os.environ,
        **env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
    }

    def worker():
        command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
        return subprocess.Popen(  # noqa: S603 — our own fixed command line
            command,
            cwd=bench.ROOT,
            env=worker_env,
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=open(workdir / "worker.log", "ab"),  # noqa: SIM115
        )

    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="he").first()
    campaign = control.start(issue, None)
    first = worker()
    sent = campaign.deliveries.filter(status=Delivery.Status.SENT)
    claimed = campaign.deliveries.filter(status=Delivery.Status.CLAIMED)
    # The harder moment: a third sent, and a batch claimed and half on the wire.
    while sent.count() < subscribers // 3 or not claimed.exists():
        bench.require(first.poll() is None, "the worker stopped by itself")
        time.sleep(0.01)
    os.killpg(first.pid, signal.SIGKILL)
    first.wait()
    killed_at = sent.count()
    bench.log(f"worker killed after {killed_at} sent")
    second = worker()
    try:
        deadline = time.monotonic() + 300
        while campaign.status != Campaign.Status.DONE:
            bench.require(time.monotonic() < deadline, "the campaign did not finish in 5 min")
            time.sleep(1)
            control.recover_stalled()  # what cron does every few minutes
            campaign.refresh_from_db()
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait()
        smtp.stop()
    statuses = collections.Counter(campaign.deliveries.values_list("status", flat=True))
    twice = [address for address, times in received.items() if times > 1]
    unknown = set(campaign.deliveries.filter(status="unknown").values_list("email", flat=True))
    mailed = set(campaign.deliveries.filter(status="sent").values_list("email", flat=True))
    accounted = mailed <= set(received) and set(received) <= mailed | unknown
    ok = not twice and accounted and statuses["sent"] + statuses["unknown"] == subscribers
    detail = (
        f"{subscribers} subscribers, killed after {killed_at} sent: "
        f"{statuses['sent']} sent, {statuses['unknown']} unknown, "
        f"{len(twice)} mailed twice, {sum(received.values())} messages received"
    )
    return [_row("worker killed", detail, ok)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=300, help="updates to add")
    parser.add_argument("--subscribers", type=int, default=3000, help="newsletter recipients")
    parser.add_argument("--duration", type=int, default=60, help="seconds of mixed load")
    parser.add_argument("--keep", action="store_true", help="keep the directory in /tmp")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    bench.VERBOSE = args.verbose

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-load-", dir="/tmp"))
    redis_server = RedisServer()
    try:
        with postgres_cluster(workdir) as (pg_port, restart_postgres):
            redis_server.start()
            database = f"postgres://postgres@127.0.0.1:{pg_port}/shitufi_load"
            bench.fresh_postgres_database(database)
            os.environ["NEWSLETTER_STALE_CLAIM_SECONDS"] = str(STALE_CLAIM_SECONDS)
            env = bench.environment(workdir, database, f"redis://127.0.0.1:{redis_server.port}/0")
            env["PRIVATE_ACCEL_PREFIX"] = os.environ["PRIVATE_ACCEL_PREFIX"] = "/_private/"
            import django

            django.setup()
            from django.test import Client

            _home, index = bench.build_site(args.updates)
            paths = mixed_paths()
            bench.render_everything(Client(), index, [])
            rows = phase_mixed(env, workdir, paths, args.duration)
            rows += phase_postgres(env, workdir, paths, restart_postgres)
            rows += phase_redis(env, workdir, paths, redis_server)
            rows += phase_worker(env, workdir, args.subscribers)
            from django.db import connections

            connections.close_all()  # before the cluster stops
    finally:
        with contextlib.suppress(Exception):
            redis_server.kill()
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    columns = ["phase", "what", "requests", "req/s", "wrk p95 ms", "failed", "passed"]
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    print(  # noqa: T201 — the report is the script's output
        f"Load and faults, {when}, nproc {len(os.sched_getaffinity(0))}, "
        "PostgreSQL + Redis of its own, gunicorn -c config/gunicorn.py\n\n"
        + bench.table(columns, rows, right={2, 3, 4, 5})
    )


if __name__ == "__main__":
    main()

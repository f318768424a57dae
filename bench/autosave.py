"""Benchmark of the page cache while an editor works: not a test, a measurement.

    .venv/bin/python bench/autosave.py [--rounds 3] [--duration 20] [--updates 300]
                                       [--before COMMIT] [--database URL] [-v]

Builds a throwaway site (benchsite.py), serves it with gunicorn (2 sync workers, production
settings, the page cache in Redis), warms the cache, then loads a mix of public pages with
`wrk -t2 -c8` while an editor autosaves a draft of one of them every second: a real HTTP
POST to Wagtail 8's edit view with `Accept: application/json`, from a logged-in session
(past the two-factor step), overwriting its own revision after the first, as the editor's
script does. wrk counts the answers by their X-Page-Cache header.

Three modes per round: `before` (the invalidation of `--before`, by default the commit
before issue 18, loaded over today's in the workers: every Page save empties the cache),
`after` (this checkout), and `quiet` (this checkout, nobody editing: the ceiling of the hit
ratio). Rounds interleave the modes, because this machine is noisy; the report gives every
round and the median.
"""

import argparse
import http.client
import json
import os
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import benchsite as bench

REDIS_URL = "redis://127.0.0.1:6379/13"  # a database of its own, emptied before and after
BEFORE = "ed32cd6"  # the last commit before issue 18's invalidation
EDITOR = "bench-editor"
UNVERIFIED = ssl._create_unverified_context()  # noqa: S323 — our own certificate, on loopback

# Loaded in each gunicorn worker in the `before` mode: today's site, with the invalidation of
# another commit's core/page_cache.py in place of today's (the serving code is the same).
BEFORE_WSGI = """\
import importlib.util

from config.wsgi import application  # noqa: F401 — sets Django up, today's signals connected
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail import signals

for signal in (post_save, post_delete, m2m_changed, signals.page_published,
               signals.page_unpublished, signals.published, signals.unpublished,
               signals.post_page_move, signals.page_slug_changed):
    signal.disconnect(dispatch_uid="page_cache")
spec = importlib.util.spec_from_file_location("page_cache_before", {path!r})
before = importlib.util.module_from_spec(spec)
spec.loader.exec_module(before)
before.connect_signals()
"""

# wrk: a random page of the mix per request; each thread counts the X-Page-Cache answers.
WRK_SCRIPT = """\
paths = {paths}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) hits, misses, others = 0, 0, 0 end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
response = function(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then hits = hits + 1
  elseif state == "miss" then misses = misses + 1
  else others = others + 1 end
end
done = function(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    h, m, o = h + thread:get("hits"), m + thread:get("misses"), o + thread:get("others")
  end
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(95),
    e.status + e.connect + e.read + e.write + e.timeout, h, m, o))
end
"""


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def editor_cookies():
    """Cookies of a logged-in editor who passed the second step (what django_otp's login
    records), and the CSRF secret. The session is in the database, which outlives Redis's
    flushes between runs."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.utils.crypto import get_random_string
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    from core.groups import EDITORS

    user = get_user_model().objects.create_user(EDITOR, f"{EDITOR}@example.org")
    user.groups.add(Group.objects.get(name=EDITORS))
    device = StaticDevice.objects.create(user=user, name="bench")
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    csrf = get_random_string(32)  # a CSRF secret, sent as the cookie and as the header
    cookies = {settings.SESSION_COOKIE_NAME: session.session_key, settings.CSRF_COOKIE_NAME: csrf}
    return cookies, csrf


class Autosaver(threading.Thread):
    """Posts the edit form of `page` every second as Wagtail's autosave does, until stopped."""

    def __init__(self, base_url, page, cookies, csrf):
        super().__init__(daemon=True)
        from tests.news.forms import update_form

        self.base_url, self.page_id, self.csrf = base_url, page.pk, csrf
        self.form = lambda n: update_form(f"{page.title} (טיוטה {n})", page.slug)
        self.cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        self.revision = None
        self.saved, self.failed = 0, 0
        self.stopping = threading.Event()

    def run(self):
        n = 0
        while not self.stopping.is_set():
            started = time.monotonic()
            n += 1
            try:
                self.save(n)
            except (OSError, ValueError, KeyError) as error:
                bench.log(f"autosave {n} failed: {error!r}")
                self.failed += 1
            self.stopping.wait(max(0.0, 1.0 - (time.monotonic() - started)))

    def save(self, n):
        data = self.form(n)
        if self.revision:
            data["overwrite_revision_id"] = self.revision
        address = urlsplit(self.base_url)
        if address.scheme == "https":  # through nginx, with its self-signed certificate
            connection = http.client.HTTPSConnection(
                address.hostname, address.port, timeout=30, context=UNVERIFIED
            )
        else:
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
        edit = f"/admin/pages/{self.page_id}/edit/"
        try:
            connection.request(
                "POST",
                edit,
                body=urlencode(data),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Accept": "application/json",
                    "Cookie": self.cookie,
                    "X-CSRFToken": self.csrf,
                    # Over HTTPS, Django's CSRF check compares these with the host.
                    "Origin": self.base_url,
                    "Referer": f"{self.base_url}{edit}",
                },
            )
            response = connection.getresponse()
            body = response.read()
        finally:
            connection.close()
        answer = json.loads(body)
        if response.status != 200 or not answer.get("success"):
            raise ValueError(f"{response.status} {body[:200]!r}")
        self.revision = answer["revision_id"]
        self.saved += 1


def wrk_mix(base_url, paths, workdir, duration, connections=8):
    """wrk over a random mix of `paths`, counting the answers by their X-Page-Cache."""
    script = workdir / "mix.lua"
    quoted = ", ".join(f'"{bench.url_path(p)}"' for p in paths)
    script.write_text(WRK_SCRIPT.format(paths="{" + quoted + "}"))
    command = [
        bench.WRK,
        *("-t2", f"-c{connections}", f"-d{duration}s", "--timeout", "10s"),
        *("-s", str(script), f"{base_url}/"),
    ]
    output = subprocess.run(  # noqa: S603 — our own fixed command line
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    ).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, micros, p50, p95, failed, hits, misses, others = (int(v) for v in line.split()[1:])
    return {
        "requests": requests,
        "rps": requests / (micros / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "failed": failed,
        "hits": hits,
        "misses": misses,
        "others": others,
        "ratio": hits / max(1, hits + misses + others),
    }


def measure(env, workdir, mode, paths, target, cookies, csrf, duration):
    app = "bench_before:application" if mode == "before" else "config.wsgi:application"
    with bench.gunicorn(env, workdir, workers=2, app=app) as port:
        for path in paths:
            for _ in range(4):  # both workers render, the last answers are hits
                bench.get(port, path)
        base_url = f"http://127.0.0.1:{port}"
        saver = Autosaver(base_url, target, cookies, csrf)
        if mode != "quiet":
            saver.start()
        try:
            result = wrk_mix(base_url, paths, workdir, duration)
        finally:
            saver.stopping.set()
            if saver.is_alive():
                saver.join()
    bench.require(mode == "quiet" or saver.saved >= duration // 2, f"{mode}: too few autosaves")
    return {**result, "autosaves": saver.saved, "autosave_failures": saver.failed}


def report(rounds, pages, args):
    columns = ["mode", "round", "req/s", "hit ratio", "hits", "misses", "other", "p50 ms"]
    columns += ["p95 ms", "failed", "autosaves"]
    rows = []
    for mode in ("before", "after", "quiet"):
        results = [r[mode] for r in rounds]
        for i, r in enumerate(results, start=1):
            rows.append(
                [mode, i, f"{r['rps']:.0f}", f"{r['ratio']:.3f}", r["hits"], r["misses"]]
                + [r["others"], f"{r['p50']:.1f}", f"{r['p95']:.1f}", r["failed"]]
                + [f"{r['autosaves']} ({r['autosave_failures']} failed)"]
            )
        rows.append(
            [mode, "median", f"{statistics.median(r['rps'] for r in results):.0f}"]
            + [f"{statistics.median(r['ratio'] for r in results):.3f}"]
            + [""] * 7
        )
    print(  # noqa: T201 — the report is the script's output
        "\n".join(
            [
                f"Page cache while an editor autosaves, "
                f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, nproc "
                f"{len(os.sched_getaffinity(0))}, {args.database or 'SQLite'}",
                f"{args.updates} extra updates; gunicorn 2 sync workers; wrk -t2 -c8 "
                f"-d{args.duration}s over {len(pages)} pages; one autosave a second; "
                f"before = {args.before}'s invalidation",
                "",
                bench.table(columns, rows, right={2, 3, 4, 5, 6, 7, 8, 9}),
            ]
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of the three modes")
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per mode")
    parser.add_argument("--updates", type=int, default=300, help="updates to add")
    parser.add_argument("--before", default=BEFORE, help="commit of the `before` invalidation")
    parser.add_argument("--database", help="PostgreSQL URL instead of SQLite (dropped, made anew)")
    parser.add_argument("--keep", action="store_true", help="keep the directory in /tmp")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    bench.VERBOSE = args.verbose

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-autosave-", dir="/tmp"))
    try:
        flush_redis()
        if args.database:
            bench.fresh_postgres_database(args.database)
        env = bench.environment(workdir, args.database, REDIS_URL)
        before = subprocess.run(  # noqa: S603 — our own fixed command line
            ["git", "show", f"{args.before}:core/page_cache.py"],  # noqa: S607
            cwd=bench.ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        (workdir / "page_cache_before.py").write_text(before)
        (workdir / "bench_before.py").write_text(
            BEFORE_WSGI.format(path=str(workdir / "page_cache_before.py"))
        )
        import django

        django.setup()
        from django.test import Client

        home, index = bench.build_site(args.updates)
        pages = bench.public_pages(home, index)
        bench.render_everything(Client(), index, pages)
        target = index.updates().first().specific  # the "news page" of the mix
        cookies, csrf = editor_cookies()
        paths = [path for _name, path in pages]
        rounds = []
        for i in range(args.rounds):
            results = {}
            for mode in ("before", "after", "quiet"):
                bench.log(f"round {i + 1}: {mode}")
                flush_redis()
                results[mode] = measure(
                    env, workdir, mode, paths, target, cookies, csrf, args.duration
                )
            rounds.append(results)
        report(rounds, pages, args)
    finally:
        flush_redis()
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

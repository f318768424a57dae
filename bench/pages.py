"""Benchmark of the public pages against the bare trivial view: not a test, a measurement.

    .venv/bin/python bench/pages.py [--updates 1000] [--duration 10] [--rounds 3]
                                    [--database URL] [--only search,home] [-v]

Builds a throwaway site (benchsite.py) with 1,000 HQ updates, renders every page once (so the
image renditions exist), then serves it with gunicorn, 2 sync workers, DEBUG off, and loads
home, news index, news page, search, media index and a media page with `wrk -t2 -c8`, cold
(PAGE_CACHE_SECONDS=0, every request renders the page) and warm (the page cache on, in Redis
as in production), `--rounds` times each, interleaved. Warm, it also loads every page at once
while an editor autosaves a draft every second (autosave.py), counting the hits. In each run
two yardsticks are measured first and last: the bare view (a Django view answering a
constant 20 KB with no middleware, as the issue defines it: bare_wsgi.py) and the ceiling
(the same 20 KB through every middleware). Every row is reported as a share of the bare
view's mean in its run, because this machine is noisy, and the median over the rounds. Also
reports the SQL queries of one uncached request per page, each page's size, and the home
page's weight: HTML, CSS and JS, compressed.
"""

import argparse
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import autosave
import benchsite as bench

REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own, emptied before and after
BARE_APP = "bench.bare_wsgi:application"  # the site, with BARE answered in front of Django
BARE = "/bench/bare/"  # bare_wsgi.BARE (importing that module would set Django up here)
BARE_SIZE = 20 * 1024  # the yardsticks' answers (benchsite.URLS)
# The targets, as shares of the bare view's requests/s: cold pages (percent), and a
# cache hit.
COLD_TARGETS = {"home": 0.88, "news index": 1.45, "news page": 1.72, "search": 0.95}
WARM_SHARE = 0.70
HOME_BUDGET = 60 * 1024
YARDSTICKS = [("bare (20 KB)", BARE), ("ceiling (20 KB)", bench.CEILING)]
MIX = "mix, editor autosaving"  # the warm row of every page at once, an editor at work


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def home_weight(port):
    """Bytes over the wire of the home page (gzip, as nginx sends it) and of the CSS and JS
    it links (the precompressed files whitenoise serves)."""
    _status, _headers, html = bench.get(port, "/")
    parts = [("HTML", len(gzip.compress(html, compresslevel=6)))]
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    for asset in dict.fromkeys(assets):
        status, headers, body = bench.get(port, asset.decode(), {"Accept-Encoding": "gzip"})
        bench.require(status == 200, f"{asset} answered {status}")
        bench.require(headers.get("Content-Encoding") == "gzip", f"{asset} was not compressed")
        parts.append((asset.decode().rsplit("/", 1)[-1], len(body)))
    return parts


def run(env, workdir, pages, duration, page_cache_seconds, editor=None):
    """One gunicorn run: the bare view and the ceiling, every page, with `editor` the mix
    of every page while that editor autosaves, the two yardsticks again. Returns
    {name: [wrk result, ...]} (two for the yardsticks) and the home page's weight."""
    extra = {"PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    results = {name: [] for name, _path in [*YARDSTICKS, *pages]}
    with bench.gunicorn(env, workdir, workers=2, extra_env=extra, app=BARE_APP) as port:
        for _name, path in [*YARDSTICKS, *pages]:
            for _ in range(20):  # both workers compile templates and fill the cache
                bench.get(port, path)
        for rows in (YARDSTICKS, pages, YARDSTICKS):
            for name, path in rows:
                bench.log(f"measuring {path} (page cache {page_cache_seconds} s)")
                results[name].append(bench.wrk(port, path, workdir, duration=duration))
            if rows is pages and editor:
                bench.log("measuring the mix, an editor autosaving")
                paths = [path for _name, path in pages]
                results[MIX] = [autosaving_mix(port, paths, workdir, duration, editor)]
        weight = home_weight(port)
    return results, weight


def autosaving_mix(port, paths, workdir, duration, editor):
    """wrk over `paths` at random, counting hits, while `editor` (page, cookies, CSRF
    secret) autosaves a draft of the page every second, as in autosave.py."""
    saver = autosave.Autosaver(f"http://127.0.0.1:{port}", *editor)
    saver.start()
    try:
        result = autosave.wrk_mix(f"http://127.0.0.1:{port}", paths, workdir, duration)
    finally:
        saver.stopping.set()
        saver.join()
    bench.require(saver.saved >= duration // 2 and not saver.failed, "the autosaves failed")
    return result


def _mean(results):
    return sum(r["rps"] for r in results) / len(results)


def shares(results):
    """Each row's requests/s as a share of the bare view's (the mean of its two runs)."""
    bare = _mean(results[YARDSTICKS[0][0]])
    return {name: _mean(rows) / bare for name, rows in results.items()}


def report(pages, queries, sizes, rounds, weight, args):
    """One table: per mode and row the median over the rounds of requests/s and of the
    share of the bare view, the p50 and p95 of the median round, the SQL queries, the size
    of the answer (a hit's cost grows with it) and the mix's share of hits."""
    rows = []
    medians = {}
    for mode, runs in rounds.items():
        names = [name for name, _path in [*YARDSTICKS, *pages]]
        for name in names + [MIX] if MIX in runs[0] else names:
            by_share = sorted(runs, key=lambda run, name=name: shares(run)[name])
            middle = by_share[len(by_share) // 2]
            share = shares(middle)[name]
            medians[mode, name] = share
            rps = statistics.median(_mean(run[name]) for run in runs)
            each = " ".join(f"{100 * shares(run)[name]:.2f}" for run in runs)
            rows.append(
                [
                    mode,
                    name,
                    f"{rps:.1f}",
                    f"{100 * share:.2f}",
                    each,
                    f"{middle[name][0]['p50']:.1f}",
                    f"{middle[name][0]['p95']:.1f}",
                    sum(r["failed"] for run in runs for r in run[name]),
                    queries[name][1] if name in queries else "-",
                    f"{sizes[name] / 1024:.1f}" if name in sizes else "-",
                    f"{100 * middle[name][0]['ratio']:.1f}" if name == MIX else "-",
                ]
            )
    columns = ["mode", "page", "req/s", "% of bare", "rounds", "p50 ms", "p95 ms", "failed"]
    print(  # noqa: T201 — the report is the script's output
        "\n".join(
            [
                f"Pages benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, nproc "
                f"{len(os.sched_getaffinity(0))}, {args.database or 'SQLite'}, load average "
                f"{os.getloadavg()[0]:.1f}",
                f"{args.updates} extra updates; gunicorn 2 sync workers; wrk -t2 -c8 "
                f"-d{args.duration}s per row; warm = page cache in Redis; medians of "
                f"{args.rounds} round(s), cold and warm interleaved",
                "",
                bench.table([*columns, "SQL", "KB", "hit %"], rows, right=set(range(2, 11))),
                "",
                "Home page weight, compressed: "
                + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in weight)
                + f"; total {sum(s for _n, s in weight) / 1024:.1f} KB "
                f"(budget {HOME_BUDGET // 1024} KB)",
                "",
                *verdicts(pages, queries, medians, weight),
            ]
        )
    )


def verdicts(pages, queries, medians, weight):
    lines = []
    for name, target in COLD_TARGETS.items():
        if ("cold", name) in medians:
            share = 100 * medians["cold", name]
            lines.append(
                f"cold {name}: {share:.2f}% of bare >= {target}%: "
                f"{'yes' if share >= target else 'NO'}"
            )
    for name, _path in pages:
        share = medians["warm", name]
        lines.append(
            f"warm {name}: {share:.2f} of bare >= {WARM_SHARE}: "
            f"{'yes' if share >= WARM_SHARE else 'NO'}"
        )
    if ("warm", MIX) in medians:
        lines.append(f"warm {MIX}: {medians['warm', MIX]:.2f} of bare (hit ratio in the table)")
    worst = max(q for _status, q in queries.values())
    lines.append(f"at most 15 queries per page: {'yes' if worst <= 15 else 'NO'} (most {worst})")
    total = sum(s for _n, s in weight)
    lines.append(f"home under {HOME_BUDGET // 1024} KB: {'yes' if total < HOME_BUDGET else 'NO'}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=1000, help="updates to add")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per row")
    parser.add_argument("--rounds", type=int, default=3, help="cold and warm runs, interleaved")
    parser.add_argument("--database", help="PostgreSQL URL instead of SQLite (dropped, made anew)")
    parser.add_argument("--only", help="the pages to measure, by name, comma-separated")
    parser.add_argument("--keep", action="store_true", help="keep the directory in /tmp")
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    bench.VERBOSE = args.verbose

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-", dir="/tmp"))
    try:
        flush_redis()
        if args.database:
            bench.fresh_postgres_database(args.database)
        env = bench.environment(workdir, args.database, REDIS_URL)
        import django

        django.setup()
        from django.test import Client

        home, index = bench.build_site(args.updates)
        pages = bench.public_pages(home, index)
        if args.only:
            pages = [(name, path) for name, path in pages if name in args.only.split(",")]
        client = Client()
        bench.render_everything(client, index, pages)
        queries = bench.count_queries(client, pages)
        sizes = {name: len(client.get(path).content) for name, path in pages}
        sizes.update({name: BARE_SIZE for name, _path in YARDSTICKS})
        for name, (status, _count) in queries.items():
            bench.require(status == 200, f"{name} answered {status}")
        editor = (index.updates().first().specific, *autosave.editor_cookies())
        rounds = {"cold": [], "warm": []}
        for _ in range(args.rounds):
            for mode, seconds in (("cold", 0), ("warm", 600)):
                flush_redis()
                results, weight = run(
                    env, workdir, pages, args.duration, seconds, editor if seconds else None
                )
                rounds[mode].append(results)
        report(pages, queries, sizes, rounds, weight, args)
    finally:
        flush_redis()
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

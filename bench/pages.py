"""Benchmark of the public pages against the stack's ceiling: not a test, a measurement.

    .venv/bin/python bench/pages.py [--updates 1000] [--duration 10] [--database URL]
                                    [--only search,home] [-v]

Builds a throwaway site (benchsite.py) with 1,000 HQ updates, renders every page once (so the
image renditions exist), then serves it with gunicorn, 2 sync workers, DEBUG off, and loads
home, news index, news page, search, media index and a media page with `wrk -t2 -c8`, twice:
cold (PAGE_CACHE_SECONDS=0, every request renders the page) and warm (the page cache on, in
Redis as in production). In each run the ceiling view (a constant 20 KB through the same
middleware and gunicorn) is measured first and last, and every page is reported as a share
of the ceiling's mean, because this machine is noisy. Also reports the SQL queries of one
uncached request per page, and the home page's weight: HTML, CSS and JS, compressed.
"""

import argparse
import gzip
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import benchsite as bench

REDIS_URL = "redis://127.0.0.1:6379/14"  # a database of its own, emptied before and after
# The issue's cold targets (req/s) on a machine where the trivial view served ISSUE_CEILING;
# on a machine this noisy they are judged as that share of our ceiling too.
TARGETS = {"home": 95, "news page": 180, "search": 90}
ISSUE_CEILING = 7000
WARM_SHARE = 0.70
HOME_BUDGET = 60 * 1024


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


def run(env, workdir, pages, duration, page_cache_seconds):
    """One gunicorn run: the ceiling, every page, the ceiling again."""
    results = {}
    extra = {"PAGE_CACHE_SECONDS": str(page_cache_seconds)}
    with bench.gunicorn(env, workdir, workers=2, extra_env=extra) as port:
        for _name, path in [("ceiling", bench.CEILING), *pages]:
            for _ in range(20):  # both workers compile templates and fill the cache
                bench.get(port, path)
        ceiling = [bench.wrk(port, bench.CEILING, workdir, duration=duration)]
        for name, path in pages:
            bench.log(f"measuring {path} (page cache {page_cache_seconds} s)")
            results[name] = bench.wrk(port, path, workdir, duration=duration)
        ceiling.append(bench.wrk(port, bench.CEILING, workdir, duration=duration))
        weight = home_weight(port)
    return ceiling, results, weight


def report(pages, queries, runs, weight, args):
    rows = []
    for mode, (ceiling, results) in runs.items():
        mean = _mean(ceiling)
        rows.append(
            [
                mode,
                "ceiling (20 KB)",
                " / ".join(f"{c['rps']:.0f}" for c in ceiling),
                "1.00",
                "",
                "",
                "",
                "-",
            ]
        )
        for name, _path in pages:
            r = results[name]
            rows.append(
                [
                    mode,
                    name,
                    f"{r['rps']:.1f}",
                    f"{r['rps'] / mean:.3f}",
                    f"{r['p50']:.1f}",
                    f"{r['p95']:.1f}",
                    r["failed"],
                    queries[name][1],
                ]
            )
    columns = ["mode", "page", "req/s", "of ceiling", "p50 ms", "p95 ms", "failed", "SQL"]
    print(  # noqa: T201 — the report is the script's output
        "\n".join(
            [
                f"Pages benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, nproc "
                f"{len(os.sched_getaffinity(0))}, {args.database or 'SQLite'}",
                f"{args.updates} extra updates; gunicorn 2 sync workers; wrk -t2 -c8 "
                f"-d{args.duration}s per row; warm = page cache in Redis",
                "",
                bench.table(columns, rows, right={2, 3, 4, 5, 6, 7}),
                "",
                "Home page weight, compressed: "
                + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in weight)
                + f"; total {sum(s for _n, s in weight) / 1024:.1f} KB "
                f"(budget {HOME_BUDGET // 1024} KB)",
                "",
                *verdicts(pages, queries, runs, weight),
            ]
        )
    )


def _mean(results):
    return sum(r["rps"] for r in results) / len(results)


def verdicts(pages, queries, runs, weight):
    """Cold targets as absolute figures and as shares of the ceiling; warm pages against the
    higher of the two runs' ceilings (the warm run's pays a cache lookup per request)."""
    cold, warm = runs["cold"][1], runs["warm"][1]
    cold_ceiling = _mean(runs["cold"][0])
    ceiling = max(cold_ceiling, _mean(runs["warm"][0]))
    lines = []
    for name, target in TARGETS.items():
        if name not in cold:
            continue
        rps, share = cold[name]["rps"], target / ISSUE_CEILING
        lines.append(
            f"cold {name}: {rps:.0f}/s >= {target}/s: {'yes' if rps >= target else 'NO'}; "
            f"{rps / cold_ceiling:.4f} of the ceiling >= {share:.4f} ({target}/{ISSUE_CEILING}): "
            f"{'yes' if rps / cold_ceiling >= share else 'NO'}"
        )
    for name, _path in pages:
        share = warm[name]["rps"] / ceiling
        lines.append(
            f"warm {name}: {share:.2f} of the higher ceiling ({ceiling:.0f}/s) >= {WARM_SHARE}: "
            f"{'yes' if share >= WARM_SHARE else 'NO'}"
        )
    worst = max(q for _status, q in queries.values())
    lines.append(f"at most 15 queries per page: {'yes' if worst <= 15 else 'NO'} (most {worst})")
    total = sum(s for _n, s in weight)
    lines.append(f"home under {HOME_BUDGET // 1024} KB: {'yes' if total < HOME_BUDGET else 'NO'}")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--updates", type=int, default=1000, help="updates to add")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per row")
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
        for name, (status, _count) in queries.items():
            bench.require(status == 200, f"{name} answered {status}")
        runs = {}
        for mode, seconds in (("cold", 0), ("warm", 600)):
            flush_redis()
            ceiling, results, weight = run(env, workdir, pages, args.duration, seconds)
            runs[mode] = (ceiling, results)
        report(pages, queries, runs, weight, args)
    finally:
        flush_redis()
        if args.keep:
            sys.stderr.write(f"kept {workdir}\n")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

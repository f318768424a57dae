"""Where a cold page's time goes: cProfile of the pages of pages.py rendered in-process under
the production settings (DEBUG off, the cache in Redis, the page cache off). A measurement,
not a test.

    .venv/bin/python bench/pages.py --rounds 1 --keep        # prints the kept directory
    .venv/bin/python bench/profile_pages.py /tmp/shitufi-bench-XXXX [--requests 50]
                                            [--only "news page"] [--sort tottime] [--lines 40]

Each page is requested a few times first (templates compiled, caches filled as in a worker),
then `--requests` times under the profiler; prints the mean time per request, the share of
it spent in each of AREAS (they overlap: the menu is part of the templates), and the top
functions.
"""

import argparse
import cProfile
import io
import pstats
import time
from pathlib import Path

import benchsite as bench

REDIS_URL = "redis://127.0.0.1:6379/12"  # a database of its own, emptied before and after
# (area, file name, function name): the cumulative time of those functions.
AREAS = [
    ("routing (Page.route_for_request)", "pages.py", "route_for_request"),
    ("view and get_context", "base.py", "get_context"),
    ("templates (all rendering)", "response.py", "rendered_content"),
    ("  language switcher", "site_tags.py", "language_links"),
    ("  main menu", "site_tags.py", "main_menu"),
    ("  home link and shell links", "site_tags.py", "home_url"),
    ("  footer pages", "site_tags.py", "footer_pages"),
    ("  newsletter signup form", "newsletter_tags.py", "newsletter_signup"),
    ("  feed links", "site_tags.py", "feed_links"),
    ("  social meta", "seo_tags.py", "social_meta"),
    ("  next events", "media_tags.py", "next_events"),
    ("  StreamField body", "wagtailcore_tags.py", "render"),
    ("  picture tags", "wagtailimages_tags.py", "render"),
    ("  pageurl", "wagtailcore_tags.py", "pageurl"),
    ("SQL (compile and execute)", "compiler.py", "execute_sql"),
    ("model instances (from_db)", "base.py", "from_db"),
    ("cache round trips", "redis.py", "_get_client"),
]


def areas(profiler, mean):
    """Each area's cumulative time per request, and as a share of the whole."""
    stats = pstats.Stats(profiler).stats
    total = max(ct for (_f, _l, _n), (_cc, _nc, _tt, ct, _c) in stats.items())
    lines = []
    for label, filename, function in AREAS:
        seconds = sum(
            ct
            for (path, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items()
            if name == function and Path(path).name == filename
        )
        lines.append(f"{label:40} {mean * seconds / total:6.1f} ms {100 * seconds / total:5.1f} %")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path, help="a directory kept by pages.py --keep")
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--only", help="the pages to profile, by name, comma-separated")
    parser.add_argument("--sort", default="cumulative", help="pstats sort key")
    parser.add_argument("--lines", type=int, default=40)
    args = parser.parse_args()

    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    bench.environment(args.workdir, None, REDIS_URL)
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from wagtail.models import Site

    from news.models import NewsIndexPage

    settings.PAGE_CACHE_SECONDS = 0
    home = Site.objects.get(is_default_site=True).root_page.specific
    pages = bench.public_pages(home, NewsIndexPage.objects.child_of(home).get())
    if args.only:
        pages = [(name, path) for name, path in pages if name in args.only.split(",")]
    client = Client()
    try:
        for name, path in pages:
            for _ in range(5):
                bench.require(client.get(path).status_code == 200, f"{path} failed")
            profiler = cProfile.Profile()
            started = time.perf_counter()
            profiler.enable()
            for _ in range(args.requests):
                client.get(path)
            profiler.disable()
            mean = (time.perf_counter() - started) / args.requests * 1000
            print(f"=== {name} {path}: {mean:.1f} ms per request (profiled)")  # noqa: T201
            print(areas(profiler, mean))  # noqa: T201
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(args.sort)
            stats.print_stats(args.lines)
            print(out.getvalue())  # noqa: T201
    finally:
        redis.Redis.from_url(REDIS_URL).flushdb()


if __name__ == "__main__":
    main()

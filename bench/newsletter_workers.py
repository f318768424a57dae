"""Benchmark of one campaign sent by two db_worker processes together: not a test, a
measurement.

    .venv/bin/python bench/newsletter_workers.py --database URL
                                [--subscribers 20000,50000,100000] [--smtp [N]] [-v]

On the PostgreSQL database given (created if missing), with the site of newsletter_send.py
(dev settings, DEBUG off, migrated and seeded), and the database task queue as production
runs it: for each size, adds subscribers, starts two `manage.py db_worker` processes, starts
a campaign the way newsletter.control.start does (queue the deliveries, hand the campaign to
the workers, twice: one task per worker) and times it until it is done. Through anymail's
test backend (nothing leaves the machine) every address the workers' backend took is
written to a file per worker, and each subscriber must be there exactly once. With --smtp,
one more campaign goes to a real SMTP server (aiosmtpd, in this process) through Django's
SMTP backend, one message per recipient, and the server counts what each address received.
"""

import argparse
import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import benchsite
import newsletter_send
from newsletter_backends import RECIPIENTS_DIR

ROOT = newsletter_send.ROOT
SIZES = [20000, 50000, 100000]
SMTP_SUBSCRIBERS = 100000
WORKERS = 2
TARGET = 5000  # messages per second, from the issue
POLL = 0.05  # seconds between looks at the campaign's status

log, check = benchsite.log, benchsite.require


# --- the workers ------------------------------------------------------------------------


def start_workers(env, workdir):
    """Start the db_worker processes, as production runs them (`manage.py db_worker`, the
    default interval of one second); their output goes to files in `workdir`."""
    workers = []
    for number in range(1, WORKERS + 1):
        command = [sys.executable, "manage.py", "db_worker", "--worker-id", f"bench-{number}"]
        with (workdir / f"worker-{number}.log").open("a") as output:
            workers.append(
                subprocess.Popen(  # noqa: S603 — our own manage.py
                    command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
                )
            )
    return workers


def stop_workers(workers):
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)  # idle: the worker exits at once
    for worker in workers:
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def cpu_seconds(pid):
    """User and system CPU time of a process so far (/proc/<pid>/stat, in clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_for(condition, what, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        check(time.monotonic() < deadline, f"timed out waiting for {what}")
        time.sleep(POLL)


def warm_up(workers):
    """Hand out do-nothing tasks (a campaign that does not exist) until every worker ran one:
    each is then polling the queue, with Django and the newsletter's code loaded."""
    from django_tasks_db.models import DBTaskResult

    from newsletter.tasks import send_campaign

    wanted = {f"bench-{n}" for n in range(1, len(workers) + 1)}
    DBTaskResult.objects.all().delete()  # the previous campaign's tasks name these workers too

    def seen():
        check(all(w.poll() is None for w in workers), "a worker stopped (see worker-*.log)")
        ids = DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("worker_ids", flat=True)
        return {worker for row in ids for worker in row}

    while not wanted <= seen():
        task_id = send_campaign.enqueue(0).id
        wait_for(DBTaskResult.objects.filter(pk=task_id, status="SUCCESSFUL").exists, "a warm-up")
    DBTaskResult.objects.all().delete()


# --- one campaign ---------------------------------------------------------------------------


def send(issue, workers):
    """Start a campaign as control.start does, with the campaign handed to the workers once
    per worker, and wait until it is done. Returns the campaign, and the seconds of queueing
    and of sending (from the commit until the campaign is done)."""
    from django.db import transaction

    from newsletter import control
    from newsletter.models import Campaign
    from newsletter.sending import queue_deliveries

    campaign = newsletter_send.start_campaign(issue)
    started = time.perf_counter()
    with transaction.atomic():
        queue_deliveries(campaign)
        for _worker in workers:
            control.hand_to_workers(campaign)
    queued = time.perf_counter()

    def done():
        check(all(w.poll() is None for w in workers), "a worker stopped (see worker-*.log)")
        campaign.refresh_from_db(fields=["status"])
        check(campaign.status != Campaign.Status.PAUSED, "the campaign was paused")
        return campaign.status == Campaign.Status.DONE

    wait_for(done, "the campaign", timeout=3600)
    return campaign, queued - started, time.perf_counter() - queued


def verify_deliveries(campaign, expected, workers):
    """Every delivery sent, one per subscriber, by tasks that ran in every worker."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    deliveries = campaign.deliveries.order_by()
    statuses = dict(deliveries.values_list("status").annotate(Count("pk")))
    check(statuses == {"sent": expected}, f"deliveries {statuses}, expected {expected} sent")
    subscribers = deliveries.values("subscriber").distinct().count()
    check(subscribers == expected, f"{subscribers} distinct subscribers")
    tasks = DBTaskResult.objects.all()
    check(all(t.status == "SUCCESSFUL" for t in tasks), "a task failed (see worker-*.log)")
    ran_in = {worker for task in tasks for worker in task.worker_ids}
    check(len(ran_in) == len(workers), f"the campaign's tasks ran in {sorted(ran_in)} only")


def verify_once(received, expected_emails):
    """Every subscriber's address received exactly one message, and nobody else's did."""
    twice = sum(1 for count in received.values() if count > 1)
    check(twice == 0, f"{twice} addresses received more than one message")
    check(set(received) == expected_emails, "the addresses received are not the subscribers")


def subscriber_emails():
    from newsletter.models import Subscriber

    return set(
        Subscriber.objects.filter(email__endswith=newsletter_send.DOMAIN).values_list(
            "email", flat=True
        )
    )


# --- the two runs -----------------------------------------------------------------------


def anymail_run(issue, size, env, workdir):
    """One campaign through anymail's test backend; returns its figures."""
    recipients = workdir / f"recipients-{size}"
    recipients.mkdir()
    env = {
        **env,
        "EMAIL_BACKEND": "newsletter_backends.RecordingBackend",
        RECIPIENTS_DIR: str(recipients),
    }
    workers = start_workers(env, workdir)
    try:
        warm_up(workers)
        # The high-water mark, not the resident size: this machine reclaims idle pages.
        rss_idle = [newsletter_send.rss_mb(w.pid)[1] for w in workers]
        cpu_idle = sum(cpu_seconds(w.pid) for w in workers)
        campaign, queue_s, send_s = send(issue, workers)
        rss_peak = [newsletter_send.rss_mb(w.pid)[1] for w in workers]
        cpu_s = sum(cpu_seconds(w.pid) for w in workers) - cpu_idle
    finally:
        stop_workers(workers)
    verify_deliveries(campaign, size, workers)
    received = Counter()
    shares = []
    for worker in workers:
        sent = (recipients / f"{worker.pid}.txt").read_text().splitlines()
        received.update(sent)
        shares.append(len(sent))
    verify_once(received, subscriber_emails())
    return {
        "subscribers": size,
        "queue_s": queue_s,
        "send_s": send_s,
        "shares": shares,
        "cpu_s": cpu_s,
        "rss_idle_mb": rss_idle,
        "rss_peak_mb": rss_peak,
    }


class CountingHandler:
    """An SMTP server's handler that counts the messages each address received, and keeps
    nothing else (no message)."""

    def __init__(self):
        self.received = Counter()
        self.messages = 0

    async def handle_DATA(self, server, session, envelope):
        self.messages += 1
        self.received.update(envelope.rcpt_tos)
        return "250 Message accepted"


def smtp_run(issue, size, env, workdir):
    """One campaign through Django's SMTP backend to aiosmtpd; returns its figures."""
    from aiosmtpd.controller import Controller

    handler = CountingHandler()
    port = benchsite.free_port()
    server = Controller(handler, hostname="127.0.0.1", port=port)
    server.start()
    env = {
        **env,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
    }
    try:
        workers = start_workers(env, workdir)
        try:
            warm_up(workers)
            campaign, queue_s, send_s = send(issue, workers)
            rss_peak = [newsletter_send.rss_mb(w.pid)[1] for w in workers]
        finally:
            stop_workers(workers)
    finally:
        server.stop()
    verify_deliveries(campaign, size, workers)
    check(handler.messages == size, f"{handler.messages} messages for {size} subscribers")
    verify_once(handler.received, subscriber_emails())
    return {"subscribers": size, "queue_s": queue_s, "send_s": send_s, "rss_peak_mb": rss_peak}


# --- report -----------------------------------------------------------------------------


def load():
    return "load average " + " ".join(f"{n:.2f}" for n in os.getloadavg())


def report(results, smtp, header):
    lines = [*header, ""]
    if results:
        rows = []
        for r in results:
            n, total = r["subscribers"], r["queue_s"] + r["send_s"]
            rows.append(
                [
                    n,
                    f"{r['queue_s']:.2f}",
                    f"{r['send_s']:.2f}",
                    f"{total:.2f}",
                    f"{n / total:.0f}",
                    " / ".join(f"{100 * s / n:.0f}%" for s in r["shares"]),
                    f"{r['cpu_s']:.1f}",
                    f"{n / r['cpu_s']:.0f}",
                    " / ".join(f"{m:.0f}" for m in r["rss_idle_mb"]),
                    " / ".join(f"{m:.0f}" for m in r["rss_peak_mb"]),
                ]
            )
        columns = ["subscribers", "queue s", "send s", "total s", "msg/s", "sent by worker"]
        columns += ["worker CPU s", "msg/CPU s"]
        columns += ["RSS peak idle MB", "RSS peak MB"]
        rates = [r["subscribers"] / (r["queue_s"] + r["send_s"]) for r in results]
        peaks = [m for r in results for m in r["rss_peak_mb"]]
        lines += [
            *newsletter_send.table(columns, rows),
            "",
            f"Target: {TARGET} msg/s or more, memory flat. Here: {min(rates):.0f}-"
            f"{max(rates):.0f} msg/s; worker RSS peak {min(peaks):.0f}-{max(peaks):.0f} MB "
            f"from {results[0]['subscribers']} to {results[-1]['subscribers']} subscribers.",
            "Every subscriber's address was taken by the backend exactly once.",
        ]
    if smtp:
        total = smtp["queue_s"] + smtp["send_s"]
        peaks = " / ".join(f"{m:.0f}" for m in smtp["rss_peak_mb"])
        lines += [
            "",
            f"SMTP (aiosmtpd on 127.0.0.1, Django's SMTP backend, one message per recipient): "
            f"{smtp['subscribers']} subscribers, queue {smtp['queue_s']:.1f} s, send "
            f"{smtp['send_s']:.1f} s, wall {total:.1f} s, {smtp['subscribers'] / total:.0f} "
            f"msg/s; worker RSS peak {peaks} MB.",
            "The server received one message per subscriber, and every address exactly once.",
        ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", required=True, help="a PostgreSQL URL (created if missing)")
    parser.add_argument(
        "--subscribers",
        default=",".join(map(str, SIZES)),
        help="comma-separated subscriber counts, or 0 for none (default %(default)s)",
    )
    parser.add_argument(
        "--smtp",
        nargs="?",
        type=int,
        const=SMTP_SUBSCRIBERS,
        metavar="N",
        help="then one campaign to N subscribers over SMTP (default N: %(const)s)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="progress on stderr")
    args = parser.parse_args()
    benchsite.VERBOSE = args.verbose
    sys.path.insert(0, str(ROOT))
    if not urlsplit(args.database).scheme.startswith("postgres"):
        raise SystemExit("Two workers need PostgreSQL: give --database postgres://…")
    sizes = sorted({int(n) for n in args.subscribers.split(",")} - {0})

    workdir = Path(tempfile.mkdtemp(prefix="shitufi-bench-workers-", dir="/tmp"))
    try:
        newsletter_send.ensure_postgres_database(args.database)
        os.environ.pop("REDIS_URL", None)
        env = {
            **newsletter_send.environment(workdir, args.database),
            "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "bench")]),
            "TASKS_BACKEND": "database",
            # Production sends 6,000 a minute at most (the provider's rate): unthrottled here.
            "NEWSLETTER_RATE_PER_MINUTE": str(10**9),
        }
        os.environ.update(env)
        env = {**os.environ, **env}
        import django

        django.setup()
        from django.db import connections
        from django_tasks_db.models import DBTaskResult

        issue = newsletter_send.build_site()
        newsletter_send.clear(issue)  # a reused database: what an earlier run left
        DBTaskResult.objects.all().delete()  # and its tasks, which the workers would run
        header = [
            f"Newsletter sending with {WORKERS} db_worker processes, "
            f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"nproc {len(os.sched_getaffinity(0))}, {load()} before",
            "PostgreSQL, dev settings, DEBUG off, tasks on the database queue; "
            "anymail test backend (1000 recipients a call) unless SMTP",
            "msg/s = subscribers / seconds from queueing to the campaign done",
            "worker CPU s = both workers' CPU time during the send; msg/CPU s = subscribers / it",
            "RSS peak = each worker's highest resident size (VmHWM): idle, before the campaign; "
            "and after it",
        ]
        results, smtp = [], None
        try:
            for size in sizes:
                newsletter_send.add_subscribers(size)
                connections.close_all()
                log(f"two workers sending to {size} subscribers")
                results.append(anymail_run(issue, size, env, workdir))
            if args.smtp:
                newsletter_send.clear(issue)
                newsletter_send.add_subscribers(args.smtp)
                log(f"two workers sending to {args.smtp} subscribers over SMTP")
                smtp = smtp_run(issue, args.smtp, env, workdir)
        finally:
            with contextlib.suppress(Exception):
                newsletter_send.clear(issue)
                DBTaskResult.objects.all().delete()
        header.append(f"{load()} after")
        print(report(results, smtp, header))  # noqa: T201 — the report is the script's output
    except BaseException:
        for path in sorted(workdir.glob("worker-*.log")):  # gone with the directory
            sys.stderr.write(f"--- {path.name}\n{path.read_text()[-3000:]}")
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

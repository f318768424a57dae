"""Autosave and Publish of one HQ update at the same moment, on a SQLite file, as `make run`
serves the admin: every request on its own thread and database connection.

Run by tests/core/test_sqlite_concurrency.py as `python -m tests.core.sqlite_race` with the
dev settings and DATABASE_URL=sqlite:///… (a copy of the test session's seeded database);
prints one JSON line: the requests that failed.
"""

import json
import threading

import django

ROUNDS = 3
PAIRS = 2  # autosave and publish requests fired together in each round, of each


def _editor_and_update():
    from wagtail.models import Site

    from core.groups import EDITORS
    from members.factories import UserFactory
    from news.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=Site.objects.get(is_default_site=True).root_page)
    update = NewsPageFactory(parent=index, slug="race")
    update.save_revision().publish()
    return UserFactory(groups=[EDITORS]), update


def _editing_session(client, url, action, barrier, failures):
    """One browser tab of the editor: each round, waits for the others, then posts."""
    from tests.news.forms import update_form

    headers = {"HTTP_ACCEPT": "application/json"} if action == "autosave" else {}
    for round_ in range(ROUNDS):
        data = update_form(f"עדכון {round_}", "race", body=f"<p>{action} {round_}</p>")
        if action == "publish":
            data["action-publish"] = "1"
        try:
            barrier.wait()
            status = client.post(url, data, **headers).status_code
        except Exception as exc:  # the test client re-raises the view's error
            failures.append(f"{action}: {exc!r}")
        else:
            if status >= 500:
                failures.append(f"{action}: HTTP {status}")


def _logged_in(editor):
    """A browser of the editor's, logged in here: before the race, so that only the
    race's own requests can fail."""
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(editor)
    return client


def main():
    django.setup()
    from django.urls import reverse

    editor, update = _editor_and_update()
    url = reverse("wagtailadmin_pages:edit", args=(update.pk,))
    actions = ["autosave", "publish"] * PAIRS
    barrier = threading.Barrier(len(actions), timeout=60)
    failures = []
    sessions = [
        threading.Thread(
            target=_editing_session, args=(_logged_in(editor), url, action, barrier, failures)
        )
        for action in actions
    ]
    for session in sessions:
        session.start()
    for session in sessions:
        session.join()
    print(json.dumps(failures))  # noqa: T201


if __name__ == "__main__":
    main()

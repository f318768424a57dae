"""Counsel's list of requests at scale: every request reachable through pages, searched by
reference, kibbutz and text, sorted by urgency or age, with each counsel's open requests
counted, in the same number of queries whatever the number of requests."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from legal.factories import LegalRequestFactory
from legal.models import LegalRequest
from members.factories import UserFactory

pytestmark = pytest.mark.django_db
REFERENCE = re.compile(r">(LR-\d{4}-[2-9A-HJ-NP-Z]{6})</a>")  # the links of the list


def _requests(kibbutz, count, **fields):
    """`count` requests of `kibbutz`, an hour apart, the newest first."""
    now = timezone.now()
    return LegalRequest.objects.bulk_create(
        LegalRequestFactory.build(
            kibbutz=kibbutz, created_at=now - datetime.timedelta(hours=n), **fields
        )
        for n in range(count)
    )


def _listed(client, query=""):
    response = client.get(f"/admin/legal/{query}")
    assert response.status_code == 200
    return REFERENCE.findall(response.content.decode())


def test_every_request_is_reachable_through_the_pages(client, counsel, kibbutz_a):
    made = _requests(kibbutz_a, 210)
    client.force_login(counsel)
    first = _listed(client)
    assert first == [r.reference for r in made[:50]]
    seen = []
    for number in range(1, 6):
        seen += _listed(client, f"?p={number}")
    assert seen == [r.reference for r in made], "all 210, none cut"
    assert made[-1].reference not in first
    assert "210" in client.get("/admin/legal/").content.decode()


def test_the_pages_keep_the_search_and_the_filters(client, counsel, kibbutz_a, kibbutz_b):
    wanted = _requests(kibbutz_a, 60, urgency="urgent")
    _requests(kibbutz_a, 5)
    _requests(kibbutz_b, 5, urgency="urgent")
    client.force_login(counsel)
    content = client.get("/admin/legal/?urgency=urgent&q=Kibbutz+A").content.decode()
    (next_page,) = set(re.findall(r'href="(\?[^"]*p=2[^"]*)"', content))
    second = _listed(client, html.unescape(next_page))
    assert second == [r.reference for r in wanted[50:]]


def test_search_by_reference_kibbutz_and_text(client, counsel, kibbutz_a, kibbutz_b):
    (of_a,) = _requests(kibbutz_a, 1, subject="גבולות הנחלה", description="מה עם המגרש?")
    (of_b,) = _requests(kibbutz_b, 1, subject="מס הכנסה", description="שאלה על הפנסיה")
    client.force_login(counsel)
    assert _listed(client, f"?q={of_a.reference}") == [of_a.reference]
    assert _listed(client, f"?q={of_a.reference.lower()}") == [of_a.reference]
    assert _listed(client, "?q=Kibbutz B") == [of_b.reference]
    assert _listed(client, "?q=קיבוץ א") == [of_a.reference]
    assert _listed(client, "?q=הנחלה") == [of_a.reference], "the subject"
    assert _listed(client, "?q=הפנסיה") == [of_b.reference], "the description"
    assert _listed(client, "?q=הפנסיה&status=closed") == [], "with the filters"
    assert _listed(client, "?q=nothing-like-it") == []


def test_sorted_by_age_and_by_urgency(client, counsel, kibbutz_a):
    old_routine, middle_urgent, new_soon, newest_urgent = (
        LegalRequestFactory(kibbutz=kibbutz_a, urgency=urgency, created_at=timezone.now() - age)
        for urgency, age in (
            ("routine", datetime.timedelta(days=3)),
            ("urgent", datetime.timedelta(days=2)),
            ("soon", datetime.timedelta(days=1)),
            ("urgent", datetime.timedelta(0)),
        )
    )
    client.force_login(counsel)
    newest = [newest_urgent, new_soon, middle_urgent, old_routine]
    assert _listed(client) == [r.reference for r in newest]
    assert _listed(client, "?order=newest") == [r.reference for r in newest]
    assert _listed(client, "?order=oldest") == [r.reference for r in reversed(newest)]
    by_urgency = [middle_urgent, newest_urgent, new_soon, old_routine]
    assert _listed(client, "?order=urgency") == [r.reference for r in by_urgency]


def test_each_counsels_open_requests_are_counted(client, counsel, kibbutz_a):
    other = UserFactory(username="second-counsel", groups=["Legal counsel"])
    for status in ("new", "assigned", "in_progress", "awaiting_kibbutz", "answered", "closed"):
        LegalRequestFactory(kibbutz=kibbutz_a, assigned_to=counsel, status=status)
    LegalRequestFactory(kibbutz=kibbutz_a, assigned_to=other, status="in_progress")
    LegalRequestFactory.create_batch(2, kibbutz=kibbutz_a)  # nobody's yet
    LegalRequestFactory(kibbutz=kibbutz_a, status="closed")
    client.force_login(counsel)
    content = client.get("/admin/legal/").content.decode()
    # The workload table is the page's only one with row headers: counsel, then "not assigned".
    *counted, (_not_assigned, unassigned) = re.findall(
        r'<th scope="row">([^<]+)</th><td>(\d+)</td>', content
    )
    assert {"counsel": "4", "second-counsel": "1"}.items() <= dict(counted).items()
    assert unassigned == "2"


def test_the_list_takes_as_many_queries_for_many_requests_as_for_few(client, counsel, kibbutz_a):
    client.force_login(counsel)
    _requests(kibbutz_a, 3)
    client.get("/admin/legal/")  # whatever is loaded once per process
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/legal/?order=urgency")
    _requests(kibbutz_a, 57, assigned_to=counsel)
    with CaptureQueriesContext(connection) as many:
        client.get("/admin/legal/?order=urgency")
    assert len(many) == len(few), [q["sql"] for q in many]

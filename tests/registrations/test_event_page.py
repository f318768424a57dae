"""The event's page leads to its registration form while registration is open, in the
reader's language, and says so to search engines (schema.org Offer)."""

import datetime
import json
import re

from django.utils import timezone

from media.factories import EventPageFactory
from registrations.models import RegistrationSetup


def _register_link(client, url):
    html = client.get(url).content.decode()
    found = re.search(r'<a class="button" href="([^"]+)" data-event-registration', html)
    return found and found.group(1)


def _offer(client, url):
    html = client.get(url).content.decode()
    for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == "Event":
            return data.get("offers")
    return None


def test_the_event_page_leads_to_its_form_in_each_language(client, setup, english):
    event = setup.event
    assert _register_link(client, event.url) == f"/events/{event.pk}/register/"
    offer = _offer(client, event.url)
    assert offer["url"] == f"http://testserver/events/{event.pk}/register/"

    in_english = event.copy_for_translation(english)
    in_english.save_revision().publish()
    assert _register_link(client, in_english.url) == f"/en/events/{in_english.pk}/register/"


def test_no_link_once_registration_has_closed(client, setup):
    setup.closes_at = timezone.now() - datetime.timedelta(hours=1)
    setup.save()
    assert _register_link(client, setup.event.url) is None
    assert _offer(client, setup.event.url) is None


def test_registration_turned_off_leaves_the_editors_own_link(client, setup):
    setup.enabled = False
    setup.save()
    setup.event.registration_url = "https://forms.example.org/workshop"
    setup.event.save_revision().publish()
    assert _register_link(client, setup.event.url) == "https://forms.example.org/workshop"


def test_a_past_event_has_no_link(client, home):
    event = EventPageFactory(parent=home, past=True, registration_url="https://example.org/r")
    assert _register_link(client, event.url) is None


def test_opening_registration_shows_on_a_cached_event_page_at_once(client, home):
    event = EventPageFactory(parent=home)
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    assert _register_link(client, event.url) is None
    RegistrationSetup.objects.create(event=event, capacity=10)
    assert _register_link(client, event.url) == f"/events/{event.pk}/register/"

"""The demo opens registration for its annual conference and its workshop, and the pages of
both, in each language, lead to the form."""

import pytest

from media.models import EventKind, EventPage
from registrations.models import RegistrationSetup
from registrations.seed import seed_registrations

pytestmark = [pytest.mark.django_db, pytest.mark.seeded]


def test_the_conference_and_the_workshop_take_registrations(client):
    setups = RegistrationSetup.objects.select_related("event")
    assert {setup.event.kind for setup in setups} == {
        EventKind.ANNUAL_CONFERENCE,
        EventKind.WORKSHOP,
    }
    for setup in setups:
        assert setup.enabled and setup.capacity and "kibbutz" in setup.questions
        for page in EventPage.objects.live().filter(translation_key=setup.event.translation_key):
            html = client.get(page.url).content.decode()
            assert f'href="{page.url.split("/media/")[0]}/events/{page.pk}/register/"' in html


def test_seeding_again_keeps_hqs_changes(home):
    setup = RegistrationSetup.objects.get(event__kind=EventKind.WORKSHOP)
    setup.capacity = 12
    setup.save()
    seed_registrations(home)
    assert RegistrationSetup.objects.count() == 2
    setup.refresh_from_db()
    assert setup.capacity == 12

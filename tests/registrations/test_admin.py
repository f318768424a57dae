from django.contrib.auth import get_user_model

from media.factories import EventPageFactory
from registrations.models import RegistrationSetup


def test_hq_turns_registration_on_for_an_event_in_hebrew(client, home):
    admin = get_user_model().objects.create_superuser("hq", "hq@example.org", "x")
    client.force_login(admin)
    event = EventPageFactory(parent=home)
    response = client.get("/admin/registration_setups/new/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="he"' in html
    assert 'name="questions"' in html and 'name="event"' in html
    response = client.post(
        "/admin/registration_setups/new/",
        {
            "event": event.pk,
            "enabled": "on",
            "capacity": "40",
            "questions": ["participants", "dietary"],
            "max_participants": "4",
            "reminder_hours": "24",
        },
    )
    assert response.status_code == 302
    setup = RegistrationSetup.objects.get(event=event)
    assert setup.questions == ["participants", "dietary"]


def test_the_event_chooser_offers_only_events(client, home):
    admin = get_user_model().objects.create_superuser("hq", "hq@example.org", "x")
    client.force_login(admin)
    response = client.get("/admin/registration_setups/new/")
    chooser = response.context["form"].fields["event"].widget
    assert [model._meta.label for model in chooser.target_models] == ["media.EventPage"]

"""The registrations app's demo content: registration open for the demo's annual
conference and its dialogue workshop (media's seed makes both pages, under the media
section; apps seed in INSTALLED_APPS order, and media comes first). No registrations: the
lists hold only people who registered.

An event that already has its setup keeps it, so running the seed again changes nothing."""

from .models import Question, RegistrationSetup

# The demo's events, by slug, with their places and questions.
SETUPS = {
    "annual-conference": {
        "capacity": 300,
        "max_participants": 4,
        "questions": [
            Question.KIBBUTZ,
            Question.PARTICIPANTS,
            Question.DIETARY,
            Question.ACCESSIBILITY,
        ],
    },
    "dialogue-workshop": {
        "capacity": 25,
        "max_participants": 2,
        "questions": [
            Question.KIBBUTZ,
            Question.PARTICIPANTS,
            Question.ACCESSIBILITY,
            Question.NOTE,
        ],
    },
}


def seed_registrations(home):
    # The event model through the setup's key: this app does not import media.
    events = RegistrationSetup._meta.get_field("event").related_model.objects
    for slug, fields in SETUPS.items():
        event = events.descendant_of(home).filter(slug=slug).first()
        if event is not None:
            RegistrationSetup.objects.get_or_create(
                event=event,
                defaults={**fields, "questions": [str(q) for q in fields["questions"]]},
            )

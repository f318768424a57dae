"""What happens to a person on HQ's list, each consent written to the consent log.

Double opt-in: enrolling makes (or updates) a pending person and mails a confirmation link;
only the confirmation, a POST, enrolls them. Every enrollment is answered alike, whether the
address is new, pending or enrolled already, so the form cannot tell who is on the list: an
enrolled person is told by email, where only the address's owner reads it.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from core.privacy import email_hash, request_evidence

from .people import ConsentEvent, DoNotContact, Person
from .tasks import send_already_enrolled, send_confirmation

# The newsletter app signs an address up (its own double opt-in) through this hook.
NEWSLETTER_SIGNUP_HOOK = "register_newsletter_signup"
# One email per address in this time, however often the form is sent for it.
RESEND_AFTER = datetime.timedelta(minutes=10)


def _log(kind, person, request, wording=""):
    ConsentEvent.objects.create(
        person=person,
        email_hash=email_hash(person.email),
        kind=kind,
        wording=str(wording),
        **request_evidence(request),
    )


def _mail(person, task):
    last = person.confirmation_sent_at
    if last is not None and timezone.now() - last < RESEND_AFTER:
        return
    person.confirmation_sent_at = timezone.now()
    person.save(update_fields=["confirmation_sent_at"])
    # robust: a failing mail server is logged; the person is kept and may enroll again.
    transaction.on_commit(lambda: task.enqueue(person.pk), robust=True)


@transaction.atomic
def enroll(form, language, request):
    """Store what a valid EnrollmentForm says, in the page's `language`."""
    email = form.cleaned_data["email"]
    details = {**form.person_fields(), "language": language}
    # get_or_create: two forms sent at once for a new address make one person, not an error.
    person, created = Person.objects.select_for_update().get_or_create(
        email=email, defaults=details
    )
    if person.status == Person.Status.CONFIRMED:
        _mail(person, send_already_enrolled)  # nothing of theirs changes
    else:
        if not created:
            for name, value in details.items():
                setattr(person, name, value)
            person.save()
        person.interests.set(form.cleaned_data["interests"])
        _log(ConsentEvent.Kind.LIST_GIVEN, person, request, form.fields["list_consent"].label)
        _mail(person, send_confirmation)
    if form.cleaned_data["newsletter_consent"]:
        _log(
            ConsentEvent.Kind.NEWSLETTER_GIVEN,
            person,
            request,
            form.fields["newsletter_consent"].label,
        )
        for signup in hooks.get_hooks(NEWSLETTER_SIGNUP_HOOK):
            signup(email, language, request, source="enrollment")
    return person


@transaction.atomic
def confirm(person, request):
    if person.status == Person.Status.CONFIRMED:
        return
    person.status, person.confirmed_at = Person.Status.CONFIRMED, timezone.now()
    person.save(update_fields=["status", "confirmed_at", "updated_at"])
    _log(ConsentEvent.Kind.LIST_CONFIRMED, person, request)
    # New, confirmed consent lifts an earlier erasure's do-not-contact.
    DoNotContact.objects.filter(email_hash=email_hash(person.email)).delete()


@transaction.atomic
def correct(person, form):
    """The person's own corrections (a valid PersonDetailsForm); the address is not among
    them: a new address is enrolled anew, and confirmed."""
    for name, value in form.person_fields().items():
        setattr(person, name, value)
    person.save()
    person.interests.set(form.cleaned_data["interests"])


@transaction.atomic
def erase(person, request):
    """Forget the person: the row goes, the consent log keeps only the address's hash, and
    the hash is kept so that the address is not contacted again without new consent."""
    _log(ConsentEvent.Kind.WITHDRAWN, person, request)
    DoNotContact.objects.get_or_create(email_hash=email_hash(person.email))
    person.delete()  # the consent events keep their hash, their person set to NULL

"""The public side of enrollment: the form on the join page, the confirmation, and the
person's own details page (see, correct, erase).

Nothing here is kept by the page cache or any other: every answer is marked private and
no-store. The join page is a form that takes personal details and sets off emails, so it
carries a CSRF token (unlike the newsletter's footer signup, which is on every page and
must stay cacheable); the kibbutz list it shows is not content the page cache watches.
Links from email are opened by link scanners too, so a GET only ever shows a button: the
change happens on POST.
"""

import functools

from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from core import ratelimit
from core.forms import body_too_long, private

from . import joining
from .forms import EnrollmentForm, PersonDetailsForm
from .people import Person

RATE_LIMIT = 5  # enrollments per visitor's address per hour
RATE_WINDOW = 60 * 60
# Far more than the longest honest form (every field full, every area ticked): a longer
# POST is answered with an empty form and a request to write less.
MAX_BODY_BYTES = 32 * 1024
TOKEN_LENGTH = 64  # Person.token's column


def serve_enrollment_page(page, request):
    """EnrollmentPage.serve: GET shows the form; a valid POST is thanked the same way
    whoever the address belongs to; an invalid one gets the form back with its errors and
    what was written, as a 400."""
    context = page.get_context(request)
    template, status = page.get_template(request), 200
    if request.method != "POST":
        context["form"] = EnrollmentForm()
    elif body_too_long(request, MAX_BODY_BYTES):
        context |= {"form": EnrollmentForm(), "too_long": True}
        status = 400
    elif not ratelimit.allow("enrollment", request, RATE_LIMIT, RATE_WINDOW):
        context |= {"form": EnrollmentForm(request.POST), "rate_limited": True}
        status = 429
    else:
        form = EnrollmentForm(request.POST)
        if form.is_valid():
            if not form.is_bot():  # a bot is thanked as a person is, and nothing is kept
                joining.enroll(form, page.locale.language_code, request)
            template = "enrollment/check_your_email.html"
        else:
            status = 400
        context["form"] = form
    return private(TemplateResponse(request, template, context, status=status))


def _with_person(view):
    """The view of one person's link: their token in the URL, else a 404 page (the same for
    a token that never was and one whose person was erased). Never cached."""

    @functools.wraps(view)
    def wrapper(request, token):
        person = Person.objects.filter(token=token).first() if len(token) <= TOKEN_LENGTH else None
        if person is None:
            return private(TemplateResponse(request, "enrollment/unknown_link.html", status=404))
        return private(view(request, person))

    return require_http_methods(["GET", "POST"])(wrapper)


@_with_person
def confirm(request, person):
    if request.method == "POST":
        joining.confirm(person, request)
        return TemplateResponse(request, "enrollment/confirmed.html", {"person": person})
    return TemplateResponse(request, "enrollment/confirm.html", {"person": person})


@_with_person
def details(request, person):
    form = PersonDetailsForm(
        request.POST if request.method == "POST" else None,
        initial=PersonDetailsForm.initial_for(person),
    )
    saved = False
    if form.is_bound and form.is_valid():
        joining.correct(person, form)
        saved = True
    context = {
        "person": person,
        "form": form,
        "saved": saved,
        "consents": person.consents.all(),
    }
    status = 400 if form.is_bound and not saved else 200
    return TemplateResponse(request, "enrollment/details.html", context, status=status)


@_with_person
def erase(request, person):
    if request.method == "POST":
        joining.erase(person, request)
        return TemplateResponse(request, "enrollment/erased.html")
    return TemplateResponse(request, "enrollment/erase.html", {"person": person})

"""The contact-person network: each kibbutz's appointed contact people, its enrolled and
pending people, its volunteers not yet appointed and HQ's last meeting with it, in a fixed
number of queries however many kibbutzim and people (subqueries and one prefetch)."""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce

from .filters import Kibbutz
from .people import KibbutzMeeting, Person


def appointed_contacts():
    """The contact people HQ appointed: confirmed, never someone still pending."""
    return Person.objects.filter(
        status=Person.Status.CONFIRMED, contact_appointed_at__isnull=False
    ).order_by("last_name", "first_name", "pk")


def _people_count(**conditions):
    counted = (
        Person.objects.filter(kibbutz=OuterRef("pk"), **conditions)
        .order_by()
        .values("kibbutz")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def kibbutzim():
    confirmed = Person.Status.CONFIRMED
    last_meeting = KibbutzMeeting.objects.filter(kibbutz=OuterRef("pk")).order_by("-met_on")
    return Kibbutz.objects.annotate(
        enrolled=_people_count(status=confirmed),
        pending=_people_count(status=Person.Status.PENDING),
        volunteers=_people_count(
            status=confirmed, wants_to_be_contact=True, contact_appointed_at__isnull=True
        ),
        last_met=Subquery(last_meeting.values("met_on")[:1]),
    ).prefetch_related(
        Prefetch("enrolled_people", queryset=appointed_contacts(), to_attr="contacts")
    )

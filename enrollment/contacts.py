"""The members' side of the network: a kibbutz's representative sees the contact people HQ
appointed in their own kibbutz (name, phone, email), and nobody else: never someone pending
or not appointed, never another kibbutz's. Private: never cached, never indexed."""

from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from core.groups import MEMBER_KIBBUTZIM

from .network import appointed_contacts


@never_cache
@login_required
def my_contacts(request):
    user = request.user
    # Both the group and a membership: HQ removing either ends the access.
    is_member = user.groups.filter(name=MEMBER_KIBBUTZIM).exists()
    contacts = (
        appointed_contacts().filter(kibbutz__memberships__user=user).select_related("kibbutz")
        if is_member
        else []
    )
    kibbutzim = user.memberships.select_related("kibbutz") if is_member else []
    return TemplateResponse(
        request,
        "enrollment/my_contacts.html",
        {"contacts": contacts, "kibbutzim": [m.kibbutz for m in kibbutzim]},
    )

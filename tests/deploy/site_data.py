"""The production topology's data, made and read as an operator would: in the deployed
site's own environment, `python -m tests.deploy.site_data setup N` or `... report`, each
printing one JSON object. The tests talk to the site only over HTTP and through this."""

import json
import sys

import django

PASSWORD = "a-long-pass-2026"
RECOVERY_CODE = "deployrecovery01"  # the newsletter sender's second login step


def _user(name, *group_names):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    email = f"{name}@deploy.example"
    user = get_user_model().objects.create_user(email, email, PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def setup(subscribers):
    """A kibbutz secretary, counsel, a newsletter sender with a recovery code, and
    `subscribers` confirmed Hebrew subscribers; returns the Hebrew newsletter issue's id."""
    from django_otp.plugins.otp_static.models import StaticDevice

    from core import groups
    from members.models import Kibbutz, Membership
    from newsletter.models import NewsletterIssuePage, Subscriber, new_token

    kibbutz = Kibbutz.objects.create(name_he="קיבוץ הבדיקה", region="north")
    secretary = _user("secretary", groups.MEMBER_KIBBUTZIM)
    Membership.objects.create(user=secretary, kibbutz=kibbutz, role="secretary")
    _user("counsel", groups.LEGAL_COUNSEL)
    sender = _user("sender", groups.EDITORS, groups.NEWSLETTER_SENDERS)
    device = StaticDevice.objects.create(user=sender, name="recovery codes")
    device.token_set.create(token=RECOVERY_CODE)
    Subscriber.objects.bulk_create(
        Subscriber(
            email=f"reader{n:04d}@deploy.example", language="he", status="active", token=new_token()
        )
        for n in range(subscribers)
    )
    issue = NewsletterIssuePage.objects.live().filter(locale__language_code="he").first()
    return {"issue": issue.pk}


def report():
    """The newest campaign's deliveries, the consent log's addresses, the stored files."""
    from legal.models import Attachment
    from newsletter.models import Campaign, ConsentEvent

    campaign = Campaign.objects.order_by("-pk").first()
    consent = ConsentEvent.objects.filter(kind="requested").values_list("subscriber__email", "ip")
    return {
        "campaign": campaign
        and {
            "status": campaign.status,
            "deliveries": dict(campaign.deliveries.values_list("email", "status")),
        },
        "consent_addresses": dict(consent),
        "attachments": [attachment.file.name for attachment in Attachment.objects.all()],
    }


if __name__ == "__main__":
    django.setup()
    command, *arguments = sys.argv[1:]
    result = setup(int(arguments[0])) if command == "setup" else report()
    sys.stdout.write(json.dumps(result))

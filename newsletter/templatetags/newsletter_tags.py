from django import template

from newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/_footer_signup.html", takes_context=True)
def newsletter_signup(context):
    """The signup form of the footer; its ids are prefixed so that it can stand on the
    same page as the newsletter page's own form."""
    return {"form": SubscribeForm(auto_id="footer-%s"), "request": context.get("request")}

"""The members' menu on the account home: links that other apps add without the members app
importing them (its import contract: other apps may import members, never the reverse).

An app registers a function of the request (whose user is logged in) under the hook
`register_members_menu_item`; it returns a list of (label, url) pairs, in the request's
language, that this person may open (an empty list, or None, when it has nothing for them).
The header does not show the menu: it links to the account home, where the menu is."""

from wagtail import hooks

HOOK = "register_members_menu_item"


def menu_items(request):
    """Every app's items for this request, in the order of the hooks."""
    return [item for hook in hooks.get_hooks(HOOK) for item in hook(request) or ()]

"""The names of the user groups the site's code relies on.

Runtime code (who may see a legal request, who is a member) and the seed (which creates the
groups and grants their permissions) both read them from here, so neither depends on the other.
"""

EDITORS = "Editors"
MODERATORS = "Moderators"
NEWSLETTER_SENDERS = "Newsletter senders"
LEGAL_COUNSEL = "Legal counsel"
MEMBER_KIBBUTZIM = "Member kibbutzim"
ENROLLMENT = "Enrollment"
EVENT_ORGANIZERS = "Event organizers"

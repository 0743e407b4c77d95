"""What the exchange spaces tell other parts of the package, after the change has committed."""

from django.dispatch import Signal

# A post anyone allowed may now read (new and visible, or a held post approved): ``post``.
post_published = Signal()

# A reader reported a post: ``report`` (the space's moderators are told).
post_reported = Signal()

# A new member's first post waits for a moderator: ``post`` (the space's moderators are told).
post_held = Signal()

"""Which time zone a person reads times in, and a session's times shown in two zones."""

from capacity_lms.workshops.schedule import zone


def person_time_zone(user):
    """The IANA name of ``user``'s own time zone: their profile's, else their country's.

    None for anonymous people and people the programme knows nothing of; pages then let the
    browser say which zone it is in.
    """
    if user is None or not user.is_authenticated:
        return None
    profile = getattr(user, "_capacity_profile_cache", None)
    if profile is None:
        from capacity_lms.people.models import LearnerProfile

        profile = (
            LearnerProfile.objects.select_related("country_of_residence").filter(user=user).first()
        )
        user._capacity_profile_cache = profile or False
    if not profile:
        return None
    if profile.time_zone:
        return profile.time_zone
    if profile.country_of_residence_id:
        return profile.country_of_residence.default_time_zone or None
    return None


class ShownTimes:
    """An occurrence's start and end in its session's zone, and in the viewer's when that
    zone is another one."""

    def __init__(self, occurrence, viewer_time_zone=None):
        session_zone = zone(occurrence.time_zone)
        self.occurrence = occurrence
        self.time_zone = occurrence.time_zone
        self.starts = occurrence.starts_at.astimezone(session_zone)
        self.ends = occurrence.ends_at.astimezone(session_zone)
        self.viewer_time_zone = None
        if viewer_time_zone and viewer_time_zone != occurrence.time_zone:
            viewer_zone = zone(viewer_time_zone)
            self.viewer_time_zone = viewer_time_zone
            self.viewer_starts = occurrence.starts_at.astimezone(viewer_zone)
            self.viewer_ends = occurrence.ends_at.astimezone(viewer_zone)

    @property
    def parts(self):
        """Everything the times markup shows, as a key: it is a function of these alone (and
        of the language), so pages may keep it (``{% steady %}`` in ``includes/times.html``)."""
        occurrence = self.occurrence
        return (
            self.time_zone,
            occurrence.starts_at.isoformat(),
            occurrence.ends_at.isoformat(),
            bool(occurrence.is_cancelled),
            bool(occurrence.is_moved),
            self.viewer_time_zone or "",
        )

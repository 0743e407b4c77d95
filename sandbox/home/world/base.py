"""The object every part of the generated demo world shares.

The world is a programme's worth of activity (eighteen months back from the day of loading)
generated from a fixed seed, so two loads on the same day make the same world. Each part
(people, training, workshops, certificates, and the later domains) reads what the earlier
parts made from this object and dates what it does with ``world.moment(day)`` under
``clock.at``.
"""

import datetime
import random
from dataclasses import dataclass, field

SEED = 2027
MONTHS_BACK = 18


def months_before(day, months):
    """The same day of the month ``months`` earlier (the last day of a shorter month)."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return datetime.date(year, month, candidate)
        except ValueError:
            continue
    raise ValueError(day)


@dataclass
class World:
    rng: random.Random
    today: datetime.date  # the day of loading
    start: datetime.date  # today - 18 months
    associations: list = field(default_factory=list)  # generated abroad associations
    members: dict = field(default_factory=dict)  # association pk -> [User], leader first
    trainers: list = field(default_factory=list)  # trainer accounts (demo "trainer" among them)
    workshops: list = field(default_factory=list)  # [(Workshop, Session)] generated, by date

    @classmethod
    def create(cls, today):
        # Demo data, not security: a fixed seed makes the same world every time.
        rng = random.Random(SEED)  # noqa: S311  # nosec B311
        return cls(rng=rng, today=today, start=months_before(today, MONTHS_BACK))

    def moment(self, day, hour=10, minute=0):
        """An aware UTC instant on ``day`` (a date) at the given hour and minute."""
        return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=datetime.UTC)

    def day_between(self, first=None, last=None):
        """A day drawn from the seed between ``first`` and ``last`` (default: the whole span)."""
        first = first or self.start
        last = last or self.today - datetime.timedelta(days=1)
        span = max((last - first).days, 0)
        return first + datetime.timedelta(days=self.rng.randint(0, span))

    def all_members(self):
        """Every generated member, association by association."""
        return [user for users in self.members.values() for user in users]

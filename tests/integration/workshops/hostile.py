"""Calendar data made to make expansions walk for ever: used by the import, admin and feed
tests."""

# Rules that are valid RFC 5545 but that would make every expansion walk to the year 9999
# (no date ever, or dates centuries apart), or that repeat faster than a day.
HOSTILE_RULES = {
    "never-matching-yearly": ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "gives no date"),
    "never-matching-daily": ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=3", "gives no date"),
    "never-matching-setpos": ("FREQ=DAILY;BYSETPOS=2;COUNT=3", "gives no date"),
    "never-matching-until": (
        "FREQ=WEEKLY;BYMONTH=4;BYMONTHDAY=31;UNTIL=20990101",
        "gives no date",
    ),
    "leap-day-monday": ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;COUNT=2", "gives no date"),
    "rare": ("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;COUNT=40", "must end within 3 years"),
    "far-apart": ("FREQ=YEARLY;INTERVAL=1000;COUNT=2", "must end within 3 years"),
    "secondly": ("FREQ=SECONDLY;COUNT=3", "FREQ=DAILY, WEEKLY, MONTHLY or YEARLY"),
    "by-year-day": ("FREQ=DAILY;BYYEARDAY=366;BYSETPOS=1;COUNT=2", "BYYEARDAY"),
}


def hostile_vtimezone(tzid, frequency):
    """A VTIMEZONE whose rules change the offset every day (or second) since 1601: a client
    that evaluates it walks millions of transitions for each time it reads."""
    observances = b"".join(
        f"BEGIN:{name}\r\nDTSTART:16010101T000000\r\nRRULE:FREQ={frequency}\r\n"
        f"TZOFFSETFROM:{offset_from}\r\nTZOFFSETTO:{offset_to}\r\nEND:{name}\r\n".encode()
        for name, offset_from, offset_to in (
            ("STANDARD", "+0100", "+0000"),
            ("DAYLIGHT", "+0000", "+0100"),
        )
    )
    return f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n".encode() + observances + b"END:VTIMEZONE\r\n"

from capacity_lms.exchange.notices import send_exchange_digests
from capacity_lms.management.digests import DigestCommand


class Command(DigestCommand):
    help = (
        "Send the day's digest of new posts in the exchange spaces to everyone who chose one. "
        "Run it once a day from cron: a person's digest is claimed for the day before it is "
        "sent, so a second run that day (or two at once) sends nothing."
    )
    task = send_exchange_digests

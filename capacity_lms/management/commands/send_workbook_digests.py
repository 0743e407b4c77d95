from capacity_lms.management.digests import DigestCommand
from capacity_lms.workbook.alerts import send_workbook_digests


class Command(DigestCommand):
    help = (
        "Send each trainer who chose a daily digest the project workbook submissions waiting "
        "for them since their last digest. Run it once a day from cron: a trainer's digest is "
        "claimed before it is sent, so a second run (or two at once) sends nothing new."
    )
    task = send_workbook_digests

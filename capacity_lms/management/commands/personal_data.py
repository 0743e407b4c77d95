"""Export or erase one person's data, as the privacy registry declares (docs/privacy.md).

``manage.py personal_data export PERSON [--format json|html] [--output FILE]``
``manage.py personal_data erase PERSON [--yes] [--reason TEXT]``

PERSON is an account id, username or e-mail. Erasure asks for the username again unless
``--yes``; it runs in one transaction and prints what it did per model. An unknown person or a
refused confirmation exits with status 1 and changes nothing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from capacity_lms.privacy.actions import (
    ErasePersonAction,
    PersonalDataRequest,
    UnknownPerson,
    export_json,
    find_person,
    is_erased,
    record_export,
)
from capacity_lms.privacy.views import readable_context


class Command(BaseCommand):
    help = "Export (JSON or a readable HTML page) or erase one person's data."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write the person's data.")
        export.add_argument("person", help="Account id, username or e-mail.")
        export.add_argument("--format", choices=["json", "html"], default="json")
        export.add_argument("--output", help="File to write (default: standard output).")
        erase = actions.add_parser("erase", help="Erase the person's data.")
        erase.add_argument("person", help="Account id, username or e-mail.")
        erase.add_argument("--yes", action="store_true", help="Do not ask for confirmation.")
        erase.add_argument("--reason", default="", help="Kept in the log, without names.")

    def handle(self, *args, **options):
        try:
            person = find_person(options["person"])
        except UnknownPerson as error:
            raise CommandError(f"{options['person']}: {error}") from error
        if options["action"] == "export":
            self.export(person, options)
        else:
            self.erase(person, options)

    def export(self, person, options):
        if options["format"] == "html":
            text = render_to_string(
                "capacity_lms/privacy/personal_data.html", readable_context(person)
            )
        else:
            text = export_json(person)
        record_export(person, channel=PersonalDataRequest.Channel.COMMAND)
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"Wrote {options['output']}.")
        else:
            self.stdout.write(text)

    def erase(self, person, options):
        username = person.get_username()
        if is_erased(person):
            self.stdout.write(f"{username} was already erased; erasing again changes nothing.")
        if not options["yes"]:
            typed = input(
                f"Erase the data of {username} (id {person.pk})? This cannot be undone.\n"
                "Type the username to confirm: "
            )
            if typed.strip() != username:
                raise CommandError("Not confirmed: nothing was erased.")
        erasure = ErasePersonAction(
            person, reason=options["reason"], channel=PersonalDataRequest.Channel.COMMAND
        ).execute()
        for outcome in erasure.outcomes:
            self.stdout.write(f"{outcome.entry.label}: {outcome.policy} ({outcome.count})")
        self.stdout.write(
            self.style.SUCCESS(f"Erased: account {person.pk} is now {erasure.pseudonym}.")
        )

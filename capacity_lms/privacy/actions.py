"""Export and erase one person's data, as the registry declares for each model.

The admin view, the member's own page and the ``personal_data`` command all call these, so
they behave alike. An erasure is one transaction: any failure changes nothing.
"""

import datetime
import json
import re
import secrets
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils.translation import gettext as _

from capacity_lms.core import clock, page_cache
from capacity_lms.core.actions import BaseAction
from capacity_lms.privacy.models import PersonalDataRequest
from capacity_lms.privacy.registry import DELETE, KEEP, entries

PERMISSION = "capacity_lms.manage_personal_data"
PSEUDONYM_PREFIX = "erased-"
PSEUDONYM = re.compile(rf"^{PSEUDONYM_PREFIX}[0-9a-f]{{16}}$")
FORMAT = "capacity-lms personal data"


class UnknownPerson(LookupError):
    pass


def find_person(identifier):
    """The account whose id, username or e-mail (in that order) is ``identifier``."""
    people = get_user_model()._default_manager
    identifier = str(identifier).strip()
    if identifier.isdigit():
        found = people.filter(pk=int(identifier)).first()
        if found:
            return found
    found = people.filter(**{get_user_model().USERNAME_FIELD: identifier}).first()
    if found:
        return found
    matches = list(people.filter(email__iexact=identifier)[:2]) if identifier else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownPerson(_("More than one account has that e-mail; give the username."))
    raise UnknownPerson(_("No account has that id, username or e-mail."))


def may_manage(user):
    return bool(user and user.is_authenticated and user.has_perm(PERMISSION))


def is_erased(person):
    return bool(PSEUDONYM.match(person.get_username() or ""))


# --- export ----------------------------------------------------------------------------------


def account_data(person):
    """The account's own fields (never the password hash) and its groups."""
    data = {
        item.name: item.value_from_object(person)
        for item in person._meta.concrete_fields
        if not item.is_relation and item.name != "password"
    }
    data["groups"] = sorted(person.groups.values_list("name", flat=True))
    return data


def _many(model, lookup):
    return model._meta.get_field(lookup.split("__")[0]).many_to_many


def _rows(entry, person):
    """The person's rows of ``entry`` as dicts of the export keys: one query, and one more per
    many-to-many key (its values come as a sorted list)."""
    rows = entry.rows_of(person)
    plain = [(key, lookup) for key, lookup in entry.export if not _many(entry.model, lookup)]
    found = {
        row["pk"]: {"id": row["pk"], **{key: row[lookup] for key, lookup in plain}}
        for row in rows.values("pk", *(lookup for _key, lookup in plain))
    }
    for key, lookup in entry.export:
        if _many(entry.model, lookup):
            for row in found.values():
                row[key] = []
            pairs = entry.model._default_manager.filter(pk__in=found).values_list("pk", lookup)
            for pk, value in pairs.order_by("pk", lookup):
                if value is not None:
                    found[pk][key].append(value)
    return [
        {key: row[key] for key in ["id", *(k for k, _l in entry.export)]} for row in found.values()
    ]


def export_data(person):
    """Everything the registry knows about ``person`` as plain data: the account, the rows
    of every model about them (by model label, sorted), and how many records of others they
    appear in as the one who acted. The number of queries does not grow with the data."""
    about, acted = {}, {}
    for entry in sorted(entries(), key=lambda entry: entry.label):
        if entry.person_fields:
            about[entry.label] = _rows(entry, person)
        for name in entry.actor_fields:
            count = entry.model._default_manager.filter(**{name: person}).count()
            if count:
                acted.setdefault(entry.label, {})[name] = count
    return {
        "format": FORMAT,
        "version": 1,
        "exported_at": clock.now(),
        "account": account_data(person),
        "data": about,
        "recorded_as_actor": acted,
    }


def export_json(person):
    return json.dumps(export_data(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@dataclass
class Section:
    """One model's part of the readable export."""

    entry: object
    headings: list
    rows: list
    acted: dict = field(default_factory=dict)

    @property
    def title(self):
        return self.entry.verbose_name


def readable(value):
    """A value as the readable export shows it: dates stay dates (the template localises them),
    the rest becomes text."""
    if value is None or value == "" or value == [] or value == {}:
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (datetime.date, datetime.time)):
        return value
    if isinstance(value, list):
        return ", ".join(str(readable(item)) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False)
    return str(value)


def readable_sections(data):
    """The export in sections for the readable page: one per model with rows or actions."""
    by_label = {entry.label: entry for entry in entries()}
    sections = []
    for label, entry in sorted(by_label.items()):
        rows = data["data"].get(label) or []
        acted = data["recorded_as_actor"].get(label) or {}
        if not rows and not acted:
            continue
        keys = ["id", *(key for key, _lookup in entry.export)]
        sections.append(
            Section(
                entry=entry,
                headings=[entry.heading(key) for key in keys],
                rows=[[readable(row[key]) for key in keys] for row in rows],
                acted={entry.heading(name): count for name, count in acted.items()},
            )
        )
    return sections


def record_export(person, by=None, channel=PersonalDataRequest.Channel.ADMIN):
    return PersonalDataRequest.objects.create(
        kind=PersonalDataRequest.Kind.EXPORT, person=person, performed_by=by, channel=channel
    )


# --- erasure ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    entry: object
    policy: str
    count: int


@dataclass
class Erasure:
    """What an erasure callable is given, and what the erasure did (``outcomes``)."""

    person: object
    by: object
    reason: str
    pseudonym: str = ""
    outcomes: list = field(default_factory=list)
    request: object = None


def _apply(entry, rows, erasure):
    if entry.erase == KEEP:
        return rows.count()
    if entry.erase == DELETE:
        deleted, _per_model = entry.model._default_manager.filter(
            pk__in=rows.values("pk")
        ).delete()
        return deleted
    if callable(entry.erase):
        return entry.erase(rows, erasure) or 0
    # Pseudonymise: the rows stay with the (now pseudonymous) account; scrub their text.
    values = {
        name: value(erasure) if callable(value) else value for name, value in entry.scrub.items()
    }
    if not values:
        return rows.count()
    return entry.model._default_manager.filter(pk__in=rows.values("pk")).update(**values)


def _scrub_account(person, pseudonym):
    """The account stays, so that every kept row still counts; nothing in it names anyone."""
    for item in person._meta.concrete_fields:
        if item.is_relation or item.primary_key or item.name == "password":
            continue
        if item.get_internal_type() in ("CharField", "TextField", "EmailField") and item.blank:
            setattr(person, item.attname, "")
    setattr(person, person.USERNAME_FIELD, pseudonym)
    if person.has_usable_password():
        person.set_unusable_password()
    person.is_active = False
    person.is_staff = False
    person.is_superuser = False
    person.last_login = None
    person.save()
    person.groups.clear()
    person.user_permissions.clear()


def _scrub_logs_about(person, pseudonym):
    """Audit logs that name the account as their object now name the pseudonym."""
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(person, for_concrete_model=False)
    object_id = str(person.pk)
    if apps.is_installed("wagtail"):
        from wagtail.models import ModelLogEntry

        ModelLogEntry.objects.filter(content_type=content_type, object_id=object_id).update(
            label=pseudonym
        )
    if apps.is_installed("django.contrib.admin"):
        from django.contrib.admin.models import LogEntry

        LogEntry.objects.filter(content_type=content_type, object_id=object_id).update(
            object_repr=pseudonym
        )


class ErasePersonAction(BaseAction):
    """Erase ``person``'s data: every registered model as its entry says, then the account
    itself becomes pseudonymous and inactive. Erasing an erased account changes nothing more.

    ``by`` is the staff member (``None`` from the command line, trusted as an operator).
    """

    def __init__(self, person, user=None, *, reason="", channel=PersonalDataRequest.Channel.ADMIN):
        super().__init__(person, user=user)
        self.person = person
        self.by = user
        self.reason = (reason or "").strip()
        self.channel = channel

    def check(self):
        if self.by is not None and not may_manage(self.by):
            raise PermissionDenied(_("You may not erase a person's data."))
        if self.by is not None and self.by.pk == self.person.pk:
            raise PermissionDenied(_("You cannot erase your own account here."))

    @transaction.atomic
    def execute(self):
        self.check()
        person = get_user_model()._default_manager.select_for_update().get(pk=self.person.pk)
        pseudonym = (
            person.get_username()
            if is_erased(person)
            else f"{PSEUDONYM_PREFIX}{secrets.token_hex(8)}"
        )
        erasure = Erasure(person=person, by=self.by, reason=self.reason, pseudonym=pseudonym)
        ordered = sorted(
            (entry for entry in entries() if entry.person_fields),
            key=lambda entry: entry.erase == DELETE,
        )
        for entry in ordered:
            count = _apply(entry, entry.rows_of(person), erasure)
            erasure.outcomes.append(Outcome(entry, entry.policy, count))
        _scrub_account(person, pseudonym)
        _scrub_logs_about(person, pseudonym)
        # Shared pages may name the person (a workshop's trainers): none may keep their name.
        page_cache.purge_now_and_after_commit()
        erasure.request = PersonalDataRequest.objects.create(
            kind=PersonalDataRequest.Kind.ERASURE,
            person=person,
            pseudonym=pseudonym,
            performed_by=self.by,
            channel=self.channel,
            note=self.reason,
        )
        self.person.refresh_from_db()
        return erasure

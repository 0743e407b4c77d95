"""The privacy registry: what each model that refers to a person does with that person's data.

Every model with a relation to the user model declares, next to its domain (a ``privacy.py``
module), which of those relations make a row *about* the person (``person_fields``: the row is
exported and erased as ``erase`` says) and which only record that the person *did* something
(``actor_fields``: the row belongs to someone else or to the programme and stays, pointing at
the pseudonymous account after erasure). ``reason`` and ``retention`` say why and for how long
what stays is kept; the readable export and ``docs/privacy.md`` show them.

This module imports nothing of the package's own, so every layer may register its models.
A test fails when a relation to the user model has no entry.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db.models import Q
from django.utils.module_loading import autodiscover_modules

KEEP = "keep"
DELETE = "delete"
PSEUDONYMISE = "pseudonymise"
POLICIES = (KEEP, DELETE, PSEUDONYMISE)


@dataclass(frozen=True)
class Entry:
    """How one model's rows about a person are exported and erased."""

    model: type
    person_fields: tuple
    actor_fields: tuple
    export: tuple  # of (key, lookup) pairs read with QuerySet.values()
    erase: object  # KEEP, DELETE, PSEUDONYMISE or a callable(rows, erasure) -> str | None
    scrub: dict = field(default_factory=dict)  # field -> value, or callable(erasure) -> value
    reason: str = ""
    retention: str = ""

    @property
    def label(self):
        return self.model._meta.label_lower

    @property
    def verbose_name(self):
        return self.model._meta.verbose_name_plural

    @property
    def policy(self):
        return self.erase if isinstance(self.erase, str) else "custom"

    def rows_of(self, person):
        """The rows about ``person`` (through any of the person fields)."""
        if not self.person_fields:
            return self.model._default_manager.none()
        where = Q()
        for name in self.person_fields:
            where |= Q(**{name: person})
        rows = self.model._default_manager.filter(where)
        if any(
            self.model._meta.get_field(name.split("__")[0]).many_to_many
            for name in self.person_fields
        ):
            rows = rows.distinct()
        return rows.order_by("pk")

    def heading(self, key):
        """The translated column heading of export ``key``: the verbose name of the field of
        that name on the model, or along its lookup (``session__workshop__title`` under the key
        ``workshop`` reads Session.workshop's), else the last relation the lookup crosses."""
        lookup = dict(self.export).get(key, key)
        model, crossed = self.model, None
        for name in lookup.split("__"):
            try:
                found = model._meta.get_field(name)
            except (FieldDoesNotExist, AttributeError):
                break
            if name == key:
                return found.verbose_name
            if not found.is_relation or found.related_model is None:
                break
            model, crossed = found.related_model, found
        if crossed is not None:
            return getattr(crossed, "verbose_name", crossed.name)
        return key.replace("_", " ")


class AlreadyRegistered(ImproperlyConfigured):
    pass


_entries = {}


def _relation_to_user(model, path, direct):
    """Check that ``path`` (a field, or for person fields a lookup such as ``record__user``)
    leads from ``model`` to the user model."""
    target = model
    parts = path.split("__")
    if direct and len(parts) > 1:
        raise ImproperlyConfigured(f"{model._meta.label}: actor field {path!r} must be a field.")
    for part in parts:
        try:
            relation = target._meta.get_field(part)
        except FieldDoesNotExist as error:
            raise ImproperlyConfigured(f"{target._meta.label} has no field {part!r}.") from error
        if not relation.is_relation:
            break
        target = relation.related_model
    if target is not get_user_model():
        raise ImproperlyConfigured(f"{model._meta.label}.{path} does not lead to the user model.")


def register(
    model,
    *,
    person_fields=(),
    actor_fields=(),
    export=(),
    erase=KEEP,
    scrub=None,
    reason="",
    retention="",
    replace=False,
):
    """Declare how ``model``'s data about a person is exported and erased.

    ``person_fields`` are fields, or lookups such as ``"record__user"``, leading to the person
    a row is about; ``actor_fields`` are fields naming who acted. ``export`` lists what a
    person's export shows of each row: field names or ``(key, lookup)`` pairs such as
    ``("workshop", "workshop__title")``. ``erase`` is ``"keep"`` (say why in ``reason``),
    ``"delete"``, ``"pseudonymise"`` (the row stays, linked to the pseudonymous account; each
    field of ``scrub`` is set to its value, or to what a callable returns given the erasure) or
    a callable ``(rows, erasure)`` doing its own work in the erasure's transaction and
    returning how many rows it changed. A host replaces an entry with ``replace=True``.
    """
    for name in person_fields:
        _relation_to_user(model, name, direct=False)
    for name in actor_fields:
        _relation_to_user(model, name, direct=True)
    if not (erase in POLICIES or callable(erase)):
        raise ImproperlyConfigured(f"erase must be one of {POLICIES} or a callable.")
    if scrub and erase != PSEUDONYMISE:
        raise ImproperlyConfigured("Only a pseudonymised model has fields to scrub.")
    if erase == KEEP and person_fields and not reason:
        raise ImproperlyConfigured(f"Say why {model._meta.label}'s rows are kept (reason=...).")
    label = model._meta.label_lower
    if label in _entries and not replace:
        raise AlreadyRegistered(f"{model._meta.label} is already in the privacy registry.")
    _entries[label] = Entry(
        model=model,
        person_fields=tuple(person_fields),
        actor_fields=tuple(actor_fields),
        export=tuple(item if isinstance(item, tuple) else (item, item) for item in export),
        erase=erase,
        scrub=dict(scrub or {}),
        reason=reason,
        retention=retention,
    )
    return _entries[label]


def unregister(model):
    _entries.pop(model._meta.label_lower, None)


def entries():
    """Every entry, in registration order."""
    return list(_entries.values())


def entry_for(model):
    return _entries.get(model._meta.label_lower)


def user_relations(models):
    """``(model, field name)`` of every concrete or many-to-many relation to the user model
    declared on ``models`` (an inherited field is reported on the model that declares it)."""
    user_model = get_user_model()
    found = []
    for model in models:
        for relation in model._meta.get_fields():
            if (
                relation.is_relation
                and not relation.auto_created
                and (relation.concrete or relation.many_to_many)
                and relation.related_model is user_model
                and relation.model is model
            ):
                found.append((model, relation.name))
    return found


def unregistered(models):
    """The ``(model, field name)`` relations to the user model that no entry covers."""
    missing = []
    for model, name in user_relations(models):
        entry = entry_for(model)
        if entry is None or name not in (*entry.person_fields, *entry.actor_fields):
            missing.append((model, name))
    return missing


def autodiscover(packages=(), defaults=()):
    """Import ``<package>.privacy`` for each of ``packages``, call each of ``defaults`` (which
    register the entries of other apps' models, :func:`capacity_lms.privacy.known_apps
    .register_installed`), then import every installed app's ``privacy`` module, where entries
    are declared (as Django's admin finds ``admin.py``) and may replace the defaults."""
    from importlib import import_module

    for package in packages:
        import_module(f"{package}.privacy")
    for register_defaults in defaults:
        register_defaults()
    autodiscover_modules("privacy")

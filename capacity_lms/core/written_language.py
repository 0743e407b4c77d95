"""The language each part of a page was written in (WCAG 2.2 SC 3.1.2, language of parts).

A translation made with ``wagtail.contrib.simple_translation`` starts as a copy of every field
of the version it was made from, and translators may stop half-way: a case study's title and
summary in English, its story still in French. A field is taken as written in the language of
the oldest version of the page (the page included) whose same field holds the same text: a
field still equal to the one it was copied from is in that version's language, a field that
differs from every older version is in the page's own. It follows copies of copies (Arabic,
copied into French, copied into English: what nobody translated stays Arabic) and needs no
record of who copied what.

A field is compared whole; a StreamField block by block, a child relation (a case study's
indicators) row by row and tags one by one, so that each block, row or tag carries its own
language. Templates write the result with ``{% field_attributes page "name" %}``
(``courses.templatetags.capacity_courses_tags``), which always gives ``lang`` and ``dir``.

Queries: one for a page's other versions, made the first time a template asks, plus one per
child relation or tags compared; a listing prepares all its items' versions in one query with
:func:`prefetch_written_languages`.
"""

import json

from django.db import models
from django.db.models import prefetch_related_objects
from wagtail.blocks import StreamValue

from capacity_lms.core.translation import language_direction

CACHE_ATTRIBUTE = "_written_languages"


def _without_block_ids(data):
    """Raw block data without the ids Wagtail gives blocks and list items (a copy may get
    new ones; the text is what counts)."""
    if isinstance(data, dict):
        keys = set(data)
        if "type" in keys and "value" in keys and keys <= {"type", "value", "id"}:
            data = {"type": data["type"], "value": data["value"]}
        return {key: _without_block_ids(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_without_block_ids(value) for value in data]
    return data


def _block_key(child):
    """A StreamField block (a ``StreamChild``), as comparable text."""
    raw = {"type": child.block_type, "value": child.block.get_prep_value(child.value)}
    return json.dumps(_without_block_ids(raw), sort_keys=True, default=str)


def _row_key(row):
    """A row of a child relation, or a tag: the values of its own fields (not its id, its
    parent or its position)."""
    return tuple(
        (field.attname, getattr(row, field.attname))
        for field in row._meta.concrete_fields
        if not field.primary_key
        and field.name != "sort_order"
        and not (field.is_relation and field.many_to_one and field.related_model is not None)
    )


def _is_relation(page, name):
    try:
        field = page._meta.get_field(name)
    except models.FieldDoesNotExist:
        return False
    return field.is_relation and (field.one_to_many or field.many_to_many)


def _part_key(part):
    if hasattr(part, "block_type"):
        return _block_key(part)
    if isinstance(part, models.Model):
        return _row_key(part)
    return part


class WrittenLanguages:
    """The language of each field of ``page``, given its versions (``page`` among them)."""

    def __init__(self, page, versions, loaded=None, language=None):
        self.page = page
        self.language = language or page.locale.language_code
        # Only the versions made before the page can be where its text comes from.
        older = [version for version in versions if version.pk != page.pk]
        if page.pk is not None:
            older = [version for version in older if version.pk < page.pk]
        self.older = sorted(older, key=lambda version: version.pk)
        # The field names the versions were loaded with (None: every field).
        self.loaded = loaded
        self.prefetched = set()

    @classmethod
    def load(cls, page):
        """``page``'s versions, in one query (which gives the page's language too)."""
        versions = list(
            type(page)
            .objects.filter(translation_key=page.translation_key)
            .select_related("locale")
        )
        return cls(page, versions, language=_own_language(page, versions))

    def _keys(self, version, name, whole):
        """Every part of field ``name`` in ``version`` (or the field whole), as keys."""
        value = getattr(version, name)
        if whole:
            return {self._whole_key(value)}
        if isinstance(value, StreamValue):
            return {_block_key(child) for child in value}
        if hasattr(value, "all"):
            return {_row_key(row) for row in value.all()}
        return {value}

    @staticmethod
    def _whole_key(value):
        if isinstance(value, StreamValue):
            return json.dumps([_block_key(child) for child in value])
        if hasattr(value, "all"):
            return tuple(sorted(map(repr, (_row_key(row) for row in value.all()))))
        return value

    def of(self, name, part=None):
        """The language field ``name`` was written in; with ``part`` (a block of the
        StreamField ``name``, a row of the child relation ``name``, a tag), that part's."""
        key = self._whole_key(getattr(self.page, name)) if part is None else _part_key(part)
        if key in (None, "", (), "[]") or not self.older:
            return self.language
        if self.loaded is not None and name not in self.loaded:
            # Not prepared for this field: the page's own versions, in one query.
            reloaded = WrittenLanguages.load(self.page)
            setattr(self.page, CACHE_ATTRIBUTE, reloaded)
            return reloaded.of(name, part)
        if _is_relation(self.page, name) and name not in self.prefetched:
            prefetch_related_objects(self.older, name)
            self.prefetched.add(name)
        for version in self.older:
            if key in self._keys(version, name, whole=part is None):
                return version.locale.language_code
        return self.language


def _own_language(page, versions):
    """``page``'s language read from its versions (it is among them), without a query for its
    locale; ``None`` for a page not saved yet."""
    return next((each.locale.language_code for each in versions if each.pk == page.pk), None)


def written_languages(page):
    """``page``'s :class:`WrittenLanguages`, loaded (one query) the first time."""
    languages = getattr(page, CACHE_ATTRIBUTE, None)
    if languages is None:
        languages = WrittenLanguages.load(page)
        setattr(page, CACHE_ATTRIBUTE, languages)
    return languages


def written_language(page, name, part=None):
    """The language code field ``name`` of ``page`` (or ``part`` of it) was written in."""
    return written_languages(page).of(name, part)


def written_direction(page, name, part=None):
    return language_direction(written_language(page, name, part))


def prefetch_written_languages(pages, *names):
    """Prepare the languages of fields ``names`` of every page of ``pages`` (pages of one
    model, their locales loaded) in one query, whatever their number: for a listing's cards.
    Another field asked for later costs one query for its page."""
    pages = [page for page in pages if getattr(page, CACHE_ATTRIBUTE, None) is None]
    if not pages:
        return
    model = type(pages[0])
    versions = {}
    for version in (
        model.objects.filter(translation_key__in={page.translation_key for page in pages})
        .select_related("locale")
        .only("translation_key", "locale__language_code", *names)
    ):
        versions.setdefault(version.translation_key, []).append(version)
    for page in pages:
        own = versions.get(page.translation_key, [])
        setattr(
            page,
            CACHE_ATTRIBUTE,
            WrittenLanguages(page, own, loaded=set(names), language=_own_language(page, own)),
        )

"""Fast seeding of large data sets for benchmarks (not for tests of behaviour).

Wagtail pages are created row by row by its API (a revision, a publish, tree updates each);
at ten thousand pages that takes minutes. Here page rows are inserted in bulk with treebeard
paths computed directly, which is what the API would have produced for fresh children.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _step(number, steplen=4):
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(steplen, "0")


@transaction.atomic
def bulk_child_pages(parent, model, rows, title="Page {n}", slug="page-{n}"):
    """Insert ``len(rows)`` live children of ``parent`` of type ``model`` (a Page subclass).

    ``rows`` is a list of dicts of the model's own (non-Page) column values. Returns the ids.
    """
    content_type = ContentType.objects.get_for_model(model)
    start = parent.numchild
    now = timezone.now()
    pages = [
        Page(
            title=title.format(n=start + i + 1),
            draft_title=title.format(n=start + i + 1),
            slug=slug.format(n=start + i + 1),
            content_type=content_type,
            path=parent.path + _step(start + i + 1),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug.format(n=start + i + 1)}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            locale_id=parent.locale_id,
            translation_key=uuid.uuid4(),
        )
        for i in range(len(rows))
    ]
    Page.objects.bulk_create(pages, batch_size=2000)
    ids = list(
        Page.objects.filter(path__in=[page.path for page in pages])
        .order_by("path")
        .values_list("pk", flat=True)
    )
    table = model._meta.db_table
    pointer = model._meta.pk.column
    columns = [pointer, *rows[0].keys()]
    placeholders = ", ".join(["%s"] * len(columns))
    # Table and column names come from the model's own metadata, quoted; values are parameters.
    quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
    sql = f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({placeholders})"  # noqa: S608  # nosec B608
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(pk, *row.values()) for pk, row in zip(ids, rows, strict=True)])
    Page.objects.filter(pk=parent.pk).update(numchild=start + len(rows))
    parent.numchild = start + len(rows)
    return ids


def bulk_courses(catalogue, count, rng):
    """``count`` live course pages under ``catalogue``, bulk-inserted, of axes, languages, levels
    and formats drawn with ``rng`` (a seeded ``random.Random``: the same every run), a third
    limited to one country; their ids."""
    from capacity_lms.taxonomy.models import Country, StrategicAxis
    from courses.models import CoursePage

    axes = list(StrategicAxis.objects.values_list("pk", flat=True))
    countries = list(Country.objects.values_list("pk", flat=True))
    rows = [
        {
            "summary": f"Module {n} on project design, budgets and reporting to funders.",
            "objectives": "<ul><li>Design</li><li>Fund</li></ul>",
            "strategic_axis_id": rng.choice(axes),
            "language": rng.choice(["ar", "fr", "en"]),
            "level": rng.choice(["beginner", "intermediate", "advanced"]),
            "format": rng.choice(["online", "blended", "in_person"]),
            "estimated_hours": 6,
            "cover_image_id": None,
            "leads_to_certificate": True,
        }
        for n in range(count)
    ]
    course_ids = bulk_child_pages(catalogue, CoursePage, rows, "Module {n}", "module-{n}")
    through = CoursePage.countries.through
    through.objects.bulk_create(
        [through(coursepage_id=pk, country_id=rng.choice(countries)) for pk in course_ids[::3]],
        batch_size=5000,
    )
    return course_ids

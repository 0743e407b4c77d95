"""Factories for calls for projects (issue #22): the list page and a call with its criteria."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from sandbox.testing.factories import PageFactory


class CallIndexPageFactory(PageFactory):
    """A published list of calls; pass ``parent=<page>``."""

    class Meta:
        model = "capacity_lms.CallIndexPage"

    title = "Calls for projects"
    slug = "calls"


def default_criteria():
    from capacity_lms.calls.pages import CallCriterion

    return [
        CallCriterion(name="Relevance", weight=Decimal(3), max_score=5),
        CallCriterion(name="Logical framework", weight=Decimal(2), max_score=5),
        CallCriterion(name="Sustainability", weight=Decimal(1), max_score=5),
    ]


class CallPageFactory(PageFactory):
    """A published call, open from a month ago to a month ahead at 16:00 Casablanca time,
    with three weighted criteria; pass ``parent=<CallIndexPage>``. ``criteria``,
    ``required_documents``, ``committee`` and ``rates`` take lists of unsaved inline rows;
    ``host_countries``, ``strategic_axes`` and ``specialized_groups`` lists of rows."""

    class Meta:
        model = "capacity_lms.CallPage"

    title = factory.Sequence(lambda n: f"Call for projects {n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    year = factory.LazyFunction(lambda: timezone.now().year)
    opens_on = factory.LazyFunction(lambda: timezone.now().date() - datetime.timedelta(days=30))
    opens_at = datetime.time(9, 0)
    closes_on = factory.LazyFunction(lambda: timezone.now().date() + datetime.timedelta(days=30))
    closes_at = datetime.time(16, 0)
    currency = "MAD"
    ceiling = Decimal("300000")
    envelope = Decimal("3000000")
    minimum_share = Decimal("20")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        inlines = {
            "criteria": kwargs.pop("criteria", None) or default_criteria(),
            "required_documents": kwargs.pop("required_documents", []),
            "committee": kwargs.pop("committee", []),
            "rates": kwargs.pop("rates", []),
        }
        many = {
            name: kwargs.pop(name, [])
            for name in ("host_countries", "strategic_axes", "specialized_groups")
        }
        if parent is None:
            raise ValueError(f"{cls.__name__} needs parent=<page>.")
        page = model_class(*args, **kwargs)
        for name, rows in inlines.items():
            setattr(page, name, rows)
        for name, values in many.items():
            getattr(page, name).set(values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

"""``{% case_study_structured_data page %}``: a case study page's schema.org ``<script>`` (an
``Article``, ``library/structured_data.py``)."""

from django import template

from capacity_lms.library.structured_data import case_study_script

register = template.Library()


@register.simple_tag
def case_study_structured_data(page):
    return case_study_script(page)

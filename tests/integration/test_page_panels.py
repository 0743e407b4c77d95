"""The core's page-panel registry: a lower page shows what higher domains register."""

from django.template import Context, Engine

from capacity_lms.core import panels


def test_the_registered_panels_render_in_order_and_a_none_context_leaves_one_out():
    engine = Engine(
        libraries={"capacity_panels": "capacity_lms.templatetags.capacity_panels"},
        loaders=[
            (
                "django.template.loaders.locmem.Loader",
                {
                    "second.html": "[second {{ page }} {{ extra }}]",
                    "first.html": "[first {{ page }}]",
                    "hidden.html": "[hidden]",
                },
            )
        ],
    )
    panels.register_panel("test_slot", "second.html", lambda page, request: {"extra": "<b>"}, 20)
    panels.register_panel("test_slot", "first.html", order=10)
    panels.register_panel("test_slot", "hidden.html", lambda page, request: None, order=5)
    try:
        template = engine.from_string('{% load capacity_panels %}{% panels "test_slot" page %}')
        html = template.render(Context({"page": "P"}))
    finally:
        for name in ("first.html", "second.html", "hidden.html"):
            panels.unregister_panel("test_slot", name)
    assert html == "[first P][second P &lt;b&gt;]"
    assert panels.panels_for("test_slot") == []


def test_the_course_page_slot_holds_the_workshops_the_case_studies_and_the_cohort():
    names = [panel.template_name for panel in panels.panels_for("course_page")]
    assert names == [
        "capacity_lms/workshops/includes/course_workshops.html",
        "capacity_lms/library/includes/course_case_studies.html",
        "capacity_lms/exchange/includes/cohort_panel.html",
    ]
    for slot in ("lesson_page", "workshop_page"):
        assert [panel.template_name for panel in panels.panels_for(slot)] == [
            "capacity_lms/exchange/includes/cohort_panel.html"
        ]
    assert [panel.template_name for panel in panels.panels_for("case_study_page")] == [
        "capacity_lms/exchange/includes/discussion_panel.html"
    ]

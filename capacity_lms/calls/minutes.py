"""The minutes of a committee session as a PDF, in Arabic then French, rendered by WeasyPrint
as certificates are (``capacity_lms/core/pdf.py``: the Amiri font from its Python package,
Arabic shaped by HarfBuzz, so the text reads back in logical order).

Each language block is written in its own language and direction: the call's title in that
language (its translation, else the default one), the members present with their departments,
then the ranking with each application's mean, the decision and its reason (the reason as the
chair wrote it, its direction found from its own text), and the amounts granted against the
envelope. Associations are named in Arabic script in the Arabic block where they gave one.

The minutes are signed like certificates (``core/signing.py``, Ed25519 JWS of their own kind):
what they record (the call, the members, each application's rank, mean, decision and amount,
the envelope) is signed and attached to the PDF as ``minutes.jws``, and each block names the
key. ``manage.py verify_minutes minutes.pdf`` checks them offline against the published keys.

The HTML is built here with Django's escaping (``format_html``), not from a template: the
minutes are a record of the committee, not a page a host restyles.
"""

from django.utils import formats, translation
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from capacity_lms.calls.committee import committed
from capacity_lms.calls.pages import CallPage, CommitteeMember
from capacity_lms.calls.review_scopes import ranking
from capacity_lms.core import clock, signing
from capacity_lms.core.pdf import FONT_FAMILY, font_faces, html_to_pdf

LANGUAGES = ("ar", "fr")
MINUTES_TYPE = "capacity-lms-minutes+jws"
JWS_ATTACHMENT = "minutes.jws"

CSS = """
@page { size: A4; margin: 16mm 14mm; }
html { font-family: "%(family)s", serif; font-size: 10.5pt; color: #1b2a3a; }
section + section { break-before: page; }
h1 { font-size: 17pt; margin: 0 0 2mm; color: #1d5c4d; }
h2 { font-size: 12.5pt; margin: 5mm 0 2mm; }
table { width: 100%%; border-collapse: collapse; }
th, td { border-bottom: 0.5pt solid #9bb; padding: 1.5mm 1mm; text-align: start;
         vertical-align: top; }
.amount { direction: ltr; unicode-bidi: isolate; }
"""


def _titles(call):
    """``{language: title}`` of the call's versions."""
    return dict(
        CallPage.objects.filter(translation_key=call.translation_key).values_list(
            "locale__language_code", "title"
        )
    )


def _members(call):
    return list(
        CommitteeMember.objects.filter(call=call)
        .select_related("user", "user__capacity_profile")
        .order_by("-is_chair", "sort_order", "pk")
    )


def _person(user, language):
    profile = getattr(user, "capacity_profile", None)
    if language == "ar" and profile is not None and profile.name_in_arabic:
        return profile.name_in_arabic
    return user.get_full_name() or user.get_username()


def _association(association, language):
    if language == "ar" and association.name_ar:
        return association.name_ar
    return association.name


def _money(amount, currency):
    return f"{formats.number_format(amount, 2, use_l10n=False)} {currency}"


def _decision(application):
    return getattr(application, "decision", None)


def _signed_row(row):
    application, decision = row.application, _decision(row.application)
    mean = row.figures.mean if row.figures else None
    return {
        "rank": row.position,
        "association": application.association.name,
        "project": application.project.title,
        "mean": None if mean is None else str(mean),
        "decision": decision.outcome if decision else application.status,
        "amount": str(decision.amount) if decision and decision.amount else None,
    }


def minutes_payload(call, titles, members, rows, held_on):
    """What the minutes record, as signed: plain JSON values (amounts and means as text)."""
    return {
        "call": {"id": call.pk, "year": call.year, "title": titles},
        "held_on": held_on.isoformat(),
        "members": [
            {
                "name": _person(seat.user, "fr"),
                "department": seat.department,
                "chair": seat.is_chair,
            }
            for seat in members
        ],
        "applications": [_signed_row(row) for row in rows],
        "currency": call.currency,
        "envelope": str(call.envelope),
        "granted": str(committed(call)),
    }


def verify_minutes(token, keys=None):
    """The minutes' :class:`~capacity_lms.core.signing.Verified` payload; raises
    :class:`~capacity_lms.core.signing.NotGenuine` for anything else, certificates included."""
    return signing.verify(token, typ=MINUTES_TYPE, keys=keys)


def _block(language, call, title, members, rows, held_on, key_id):
    direction = "rtl" if translation.get_language_bidi() else "ltr"
    present = format_html_join(
        "",
        "<li>{}{} – {}</li>",
        (
            (
                _person(seat.user, language),
                f" ({_('chair')})" if seat.is_chair else "",
                seat.department,
            )
            for seat in members
        ),
    )
    lines = format_html_join(
        "",
        '<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class="amount">{}</td>'
        '<td dir="auto">{}</td></tr>',
        (
            (
                row.position or "–",
                _association(row.application.association, language),
                row.application.project.title,
                row.figures.mean if row.figures and row.figures.mean is not None else "–",
                row.application.get_status_display(),
                _money(_decision(row.application).amount, call.currency)
                if _decision(row.application) and _decision(row.application).amount
                else "",
                _decision(row.application).reason if _decision(row.application) else "",
            )
            for row in rows
        ),
    )
    granted = committed(call)
    return format_html(
        '<section lang="{}" dir="{}"><h1>{}</h1><p>{}</p><p>{}</p>'
        "<h2>{}</h2><ul>{}</ul><h2>{}</h2>"
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
        "<th>{}</th></tr></thead><tbody>{}</tbody></table>"
        '<p>{} <span class="amount">{}</span> / <span class="amount">{}</span></p>'
        '<p>{} <span class="amount">{}</span></p></section>',
        language,
        direction,
        _("Minutes of the committee session"),
        title,
        _("Held on %(date)s") % {"date": formats.date_format(held_on, "DATE_FORMAT")},
        _("Members present"),
        present,
        _("Ranking and decisions"),
        _("Rank"),
        _("Association"),
        _("Project"),
        _("Mean score"),
        _("Decision"),
        _("Amount granted"),
        _("Reason"),
        lines,
        _("Granted of the envelope:"),
        _money(granted, call.currency),
        _money(call.envelope, call.currency),
        _(
            "Signed by the programme: the attached minutes.jws is checked offline with "
            "manage.py verify_minutes. Signing key:"
        ),
        key_id,
    )


def _signed_minutes(call, held_on=None):
    """The minutes' HTML and their signature (a compact JWS of :func:`minutes_payload`)."""
    call = call.canonical()
    held_on = held_on or clock.today()
    titles = _titles(call)
    members = _members(call)
    rows = list(ranking(call))
    token, key_id = signing.sign(
        minutes_payload(call, titles, members, rows, held_on), typ=MINUTES_TYPE
    )
    blocks = []
    for language in LANGUAGES:
        with translation.override(language):
            title = titles.get(language) or call.title
            blocks.append(_block(language, call, title, members, rows, held_on, key_id))
    faces = "".join(
        f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; '
        f'src: url("{uri}"); }}\n'
        for weight, uri in font_faces()
    )
    html = format_html(
        '<!DOCTYPE html><html lang="{}" dir="rtl"><head><meta charset="utf-8">'
        "<title>{}</title><style>{}</style></head><body>{}</body></html>",
        LANGUAGES[0],
        call.title,
        # Our own style sheet and the font package's file URIs: inside <style>, escaping
        # would break them and nothing there comes from a person.
        mark_safe(faces + CSS % {"family": FONT_FAMILY}),  # noqa: S308  # nosec B308 B703
        format_html_join("", "{}", ((block,) for block in blocks)),
    )
    return html, token


def minutes_html(call, held_on=None):
    """The minutes' HTML: one block per language of :data:`LANGUAGES`, Arabic first."""
    return _signed_minutes(call, held_on)[0]


def minutes_pdf(call, held_on=None):
    """The minutes of ``call``'s committee session as PDF bytes, their signature attached."""
    html, token = _signed_minutes(call, held_on)
    return html_to_pdf(
        html,
        attachments=[(JWS_ATTACHMENT, token, "The signed minutes (Ed25519 JWS)")],
    )

"""Public verification of certificates, the published keys, and the holder's downloads.

The verification page says who holds the certificate, for what, since when, and whether it is
still valid: nothing more. Every unknown or malformed code gets the very same answer (status
404, the same bytes), and every address is limited to ``RATE_LIMITS["certificate_verify"]``
lookups per window, whether they hit or miss. Pages are ``noindex``.
"""

import functools
import io
import json
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from capacity_lms.certificates import status_list as status_lists
from capacity_lms.certificates.codes import is_well_formed
from capacity_lms.certificates.credentials import (
    MEDIA_TYPE,
    check_open_badge,
    embedded_json_ld,
    open_badge,
    open_badge_json,
)
from capacity_lms.certificates.models import Certificate
from capacity_lms.certificates.rendering import pdf_content
from capacity_lms.certificates.signing import TYPE as CERTIFICATE_TYPE
from capacity_lms.core import data_integrity, ratelimit
from capacity_lms.core.csp import request_nonce
from capacity_lms.core.data_integrity import NotVerified
from capacity_lms.core.signing import jwks
from capacity_lms.core.structured_data import as_script_text

NOINDEX = "noindex, nofollow, noarchive"


def _wants_json(request):
    return request.GET.get("format") == "json" or "application/json" in request.headers.get(
        "Accept", ""
    )


def _private(response):
    response["X-Robots-Tag"] = NOINDEX
    patch_cache_control(response, no_store=True)
    patch_vary_headers(response, ["Accept"])
    return response


def _too_many(request, retry_after):
    if _wants_json(request):
        response = JsonResponse({"status": "too_many_requests"}, status=429)
    else:
        response = TemplateResponse(
            request, "capacity_lms/certificates/too_many.html", {}, status=429
        )
        response.render()
    response["Retry-After"] = str(retry_after)
    return _private(response)


def _unknown(request):
    """The one answer for every code we do not know, well-formed or not."""
    if _wants_json(request):
        return _private(JsonResponse({"status": "unknown"}, status=404))
    response = TemplateResponse(
        request, "capacity_lms/certificates/verify_unknown.html", {}, status=404
    )
    response.render()
    return _private(response)


def public_answer(certificate):
    """What verification tells anyone: name, title, dates, status."""
    return {
        "status": certificate.state,
        "holder": certificate.holder_names,
        "title": certificate.titles,
        "issued": certificate.issued_on.isoformat(),
        "expires": certificate.expires_on.isoformat() if certificate.expires_on else None,
    }


@require_GET
def verify(request, code):
    code = code.removesuffix("/")
    wait = ratelimit.hit(request, "certificate_verify")
    if wait:
        return _too_many(request, wait)
    certificate = Certificate.objects.filter(code=code).first() if is_well_formed(code) else None
    if certificate is None:
        return _unknown(request)
    if _wants_json(request):
        return _private(
            JsonResponse(public_answer(certificate), json_dumps_params={"ensure_ascii": False})
        )
    response = TemplateResponse(
        request,
        "capacity_lms/certificates/verify.html",
        {"certificate": certificate, "credential_ld": embedded_json_ld(certificate)},
    )
    return _private(response)


# A credential is a few kilobytes: a larger upload is refused unread.
MAX_CREDENTIAL_BYTES = 64 * 1024


@csrf_exempt  # reads a file and answers; changes nothing (no session, no row), like the GET
@require_POST
def verify_credential(request):
    """The verification page for an Open Badges credential file (``certificate.json``): it is
    genuine when it is exactly the credential we issued for the certificate it names (its
    proof, dates and revocation bit are then checked on our copy); the certificate is shown as
    its code would show it. Anything else gets a message and status 400, after bounded work:
    a stranger's JSON-LD is never canonicalised here."""
    wait = ratelimit.hit(request, "certificate_verify")
    if wait:
        return _too_many(request, wait)
    upload = request.FILES.get("credential")
    problem = None
    certificate = None
    if upload is None:
        problem = _("Choose the certificate's .json file.")
    elif upload.size > MAX_CREDENTIAL_BYTES:
        problem = _("This file is larger than any certificate's credential.")
    else:
        try:
            credential = json.loads(upload.read(MAX_CREDENTIAL_BYTES + 1))
            if not isinstance(credential, dict):
                raise ValueError("not an object")
            code = str(credential.get("id", "")).rstrip("/").rsplit("/", 1)[-1]
            certificate = (
                Certificate.objects.filter(code=code).first() if is_well_formed(code) else None
            )
            if certificate is None:
                raise NotVerified("names no certificate of ours")
            if certificate.signed_payload:
                # Never canonicalise a stranger's JSON-LD here (its work is unbounded): the
                # file is genuine only if it is, value for value, the credential we issued.
                ours = certificate.open_badge or open_badge(certificate)
                if credential != ours:
                    raise NotVerified("not the credential issued for this certificate")
                number = status_lists.list_number(ours)
                checked = check_open_badge(
                    ours, status_list=status_lists.current_status_list(number)
                )
        except (ValueError, UnicodeDecodeError, RecursionError, NotVerified):
            problem = _(
                "This file is not a genuine credential of this programme, or it was changed."
            )
        else:
            if not certificate.signed_payload:
                return _unknown(request)
    if problem:
        response = TemplateResponse(
            request,
            "capacity_lms/certificates/verify_index.html",
            {"credential_problem": problem},
            status=400,
        )
        return _private(response)
    response = TemplateResponse(
        request,
        "capacity_lms/certificates/verify.html",
        {
            "certificate": certificate,
            "credential_checked": checked,
            "credential_ld": embedded_json_ld(certificate),
        },
    )
    return _private(response)


@require_GET
def verify_index(request):
    """A form to type a code (or paste a verification address) into."""
    code = request.GET.get("code", "").strip()
    if code:
        code = code.rstrip("/").rsplit("/", 1)[-1]
        return HttpResponseRedirect(reverse("capacity_lms:certificate_verify", args=[code]))
    return _private(TemplateResponse(request, "capacity_lms/certificates/verify_index.html", {}))


@require_GET
def public_keys(request):
    """The JWK set that verifies our certificates (current key first, then retired ones)."""
    response = JsonResponse(jwks())
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=3600)
    return response


JSONLD_SCRIPT = Path(__file__).resolve().parent / "vendor" / "jsonld-9.0.0.min.js"


@functools.cache
def jsonld_script():
    """The vendored JSON-LD processor the offline page carries inline (``vendor/``)."""
    text = JSONLD_SCRIPT.read_text(encoding="utf-8")
    # Inline, nothing in it may end the element.
    if "</script" in text.lower() or "<!--" in text:
        raise ImproperlyConfigured(f"{JSONLD_SCRIPT} cannot be carried inline")
    return mark_safe(text)  # noqa: S308  # nosec B308 B703


@require_GET
def offline_verifier(request):
    """A self-contained page (keys and script inside) that checks a signed certificate in the
    browser; saved to a laptop, it works with no network."""
    response = TemplateResponse(
        request,
        "capacity_lms/certificates/offline.html",
        {
            "jwks_json": json.dumps(jwks()),
            "signed_type": CERTIFICATE_TYPE,
            "contexts_json": as_script_text(data_integrity.contexts()),
            "issuer_did": data_integrity.issuer_did(),
            "jsonld_script": jsonld_script(),
            "max_credential_bytes": MAX_CREDENTIAL_BYTES,
        },
    ).render()
    # A policy of its own, stricter than the site's (no network at all: the keys are inside),
    # set here so that any CSP middleware leaves it alone. Its one inline script runs by the
    # nonce that {% csp_nonce %} wrote; a copy saved to disk is opened with no header at all.
    response["Content-Security-Policy"] = (
        "default-src 'none'; "
        f"script-src 'self' 'nonce-{request_nonce(request)}'; "
        "style-src 'self'; img-src 'self' data:; font-src 'self'; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
    return response


def _own_certificate(request, reference):
    """The holder's (or, for staff, anyone's) certificate; 404 also when its data was erased:
    with no signed payload there is nothing to serve nor to render a PDF from."""
    certificate = get_object_or_404(Certificate, reference=reference)
    user = request.user
    if certificate.user_id != user.pk and not user.has_perm("capacity_lms.view_certificate"):
        raise Http404
    if not certificate.signed_payload:
        raise Http404
    return certificate


@login_required
@require_GET
def download_pdf(request, reference):
    """The stored PDF, or, when storage lost it, the PDF rendered again (see
    :func:`~capacity_lms.certificates.rendering.pdf_content`): a GET writes no row."""
    certificate = _own_certificate(request, reference)
    response = FileResponse(
        io.BytesIO(pdf_content(certificate)),
        as_attachment=True,
        filename=f"{certificate.reference}.pdf",
        content_type="application/pdf",
    )
    patch_cache_control(response, no_store=True, private=True)
    return response


@login_required
@require_GET
def download_signed(request, reference):
    certificate = _own_certificate(request, reference)
    response = HttpResponse(certificate.signed_payload, content_type="application/jose")
    response["Content-Disposition"] = f'attachment; filename="{certificate.reference}.jws"'
    patch_cache_control(response, no_store=True, private=True)
    return response


@login_required
@require_GET
def download_open_badge(request, reference):
    """The holder's Open Badges 3.0 credential, to import into a wallet or a skills portal."""
    certificate = _own_certificate(request, reference)
    response = HttpResponse(open_badge_json(certificate), content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{certificate.reference}.json"'
    patch_cache_control(response, no_store=True, private=True)
    return response


def _public_json(document, max_age):
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=max_age)
    return response


@require_GET
def did_document(request):
    """The programme's ``did:web`` document: its keys, current and retired, as Multikeys."""
    return _public_json(data_integrity.did_document(), 3600)


# A verifier fetches the list for every credential it checks: it may be cached five minutes.
STATUS_LIST_MAX_AGE = 300


@require_GET
def status_list(request, number):
    """The revocation list ``number`` (a signed Bitstring Status List credential)."""
    if number > status_lists.highest_list():
        raise Http404
    document = status_lists.current_status_list(number)
    response = _public_json(document, STATUS_LIST_MAX_AGE)
    response["Content-Type"] = "application/vc+ld+json"
    return response

"""Public verification of certificates, the published keys, and the holder's downloads.

The verification page says who holds the certificate, for what, since when, and whether it is
still valid: nothing more. Every unknown or malformed code gets the very same answer (status
404, the same bytes), and every address is limited to ``RATE_LIMITS["certificate_verify"]``
lookups per window, whether they hit or miss. Pages are ``noindex``.
"""

import io
import json

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_GET

from capacity_lms.certificates.codes import is_well_formed
from capacity_lms.certificates.models import Certificate
from capacity_lms.certificates.rendering import pdf_content
from capacity_lms.certificates.signing import TYPE as CERTIFICATE_TYPE
from capacity_lms.core import ratelimit
from capacity_lms.core.csp import request_nonce
from capacity_lms.core.signing import jwks

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
        request, "capacity_lms/certificates/verify.html", {"certificate": certificate}
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


@require_GET
def offline_verifier(request):
    """A self-contained page (keys and script inside) that checks a signed certificate in the
    browser; saved to a laptop, it works with no network."""
    response = TemplateResponse(
        request,
        "capacity_lms/certificates/offline.html",
        {"jwks_json": json.dumps(jwks()), "signed_type": CERTIFICATE_TYPE},
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

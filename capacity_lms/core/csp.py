"""The Content-Security-Policy nonce of a request, through the CSP middleware's public API.

Two middlewares may make it, whichever the host runs: Django's own
(``django.middleware.csp.ContentSecurityPolicyMiddleware``, Django 6.0 and later), read with
its public ``django.middleware.csp.get_nonce(request)``; or django-csp 4's
(``csp.middleware.CSPMiddleware``), which puts a lazy ``request.csp_nonce`` on the request.
Reading either makes the middleware name that nonce in the header it sends. With no CSP
middleware a nonce of our own is made and kept on the request, so that a view that sets its
own header (the offline verifier) names the same one as the page. ``{% csp_nonce %}``
(``capacity_lms_csp``) writes it into templates; the page cache fills it into stored pages.
"""

import secrets

try:  # Django 6.0 and later
    from django.middleware.csp import get_nonce as django_nonce
except ImportError:  # Django 5.2: no CSP middleware of its own

    def django_nonce(request):
        return None


# Where the nonce lives when no CSP middleware made one (see request_nonce).
OWN_NONCE_ATTRIBUTE = "_capacity_lms_csp_nonce"


def request_nonce(request):
    """The CSP nonce of this request: the CSP middleware's, else one of our own, kept on the
    request so that every caller during the request gets the same value."""
    # django-csp 4: a lazy value; reading it makes the middleware add it to the header.
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:
        nonce = django_nonce(request)
    if nonce is None:
        nonce = getattr(request, OWN_NONCE_ATTRIBUTE, None)
        if nonce is None:
            nonce = secrets.token_urlsafe(18)
            setattr(request, OWN_NONCE_ATTRIBUTE, nonce)
    return str(nonce)

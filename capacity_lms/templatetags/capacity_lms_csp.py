"""``{% csp_nonce %}``: the nonce attribute for the few inline <script>/<style> we ship.

Write ``<script{% csp_nonce %}>``. It renders `` nonce="..."`` with the nonce of the request's
Content-Security-Policy, whichever middleware the host runs: Django's own
(``django.middleware.csp.ContentSecurityPolicyMiddleware``, Django 6.0 and later) or django-csp's
(``csp.middleware.CSPMiddleware``). Either middleware then puts that nonce into the header it
sends. With no CSP middleware the attribute is still written (harmless), so a view that sets
its own header (the offline verifier) can name the same nonce through :func:`request_nonce`.
"""

import secrets

from django import template
from django.utils.html import format_html

register = template.Library()

# Where the nonce lives when no CSP middleware made one (see request_nonce).
OWN_NONCE_ATTRIBUTE = "_capacity_lms_csp_nonce"


def request_nonce(request):
    """The CSP nonce of this request: the CSP middleware's, else one of our own, kept on the
    request so that every caller during the request gets the same value."""
    # django-csp 4: a lazy value; reading it makes the middleware add it to the header.
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:
        # Django 6.0+: ContentSecurityPolicyMiddleware leaves a LazyNonce here (no public
        # accessor on the request; django.middleware.csp.get_nonce reads the same attribute).
        nonce = getattr(request, "_csp_nonce", None)
    if nonce is None:
        nonce = getattr(request, OWN_NONCE_ATTRIBUTE, None)
        if nonce is None:
            nonce = secrets.token_urlsafe(18)
            setattr(request, OWN_NONCE_ATTRIBUTE, nonce)
    return str(nonce)


@register.simple_tag(takes_context=True)
def csp_nonce(context):
    """`` nonce="..."`` for an inline <script> or <style>; nothing outside a request."""
    request = context.get("request")
    if request is None:
        return ""
    return format_html(' nonce="{}"', request_nonce(request))

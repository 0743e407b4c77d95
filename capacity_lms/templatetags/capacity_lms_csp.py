"""``{% csp_nonce %}``: the nonce attribute for the few inline <script>/<style> we ship.

Write ``<script{% csp_nonce %}>``. It renders `` nonce="..."`` with the nonce of the request's
Content-Security-Policy, whichever middleware the host runs (see :mod:`capacity_lms.core.csp`).
With no CSP middleware the attribute is still written (harmless).
"""

from django import template
from django.utils.html import format_html

from capacity_lms.core.csp import request_nonce

register = template.Library()


@register.simple_tag(takes_context=True)
def csp_nonce(context):
    """`` nonce="..."`` for an inline <script> or <style>; nothing outside a request."""
    request = context.get("request")
    if request is None:
        return ""
    return format_html(' nonce="{}"', request_nonce(request))

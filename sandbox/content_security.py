"""The demo site's Content-Security-Policy, for Django's own middleware (6.0 and later) or
django-csp's (Django 5.2), and the one place where the Wagtail admin gets a looser policy.

docs/deployment-security.md explains each directive. In short: the public and member pages run
scripts and styles from our static files only, plus inline <script>/<style> elements that carry
the request's nonce (``{% csp_nonce %}``); no inline style attributes, no eval, no plug-ins,
nothing from other origins except the video players lessons embed.
"""

import django

if django.VERSION >= (6, 0):
    from django.utils.csp import CSP

    NONCE = CSP.NONCE
    MIDDLEWARE = "django.middleware.csp.ContentSecurityPolicyMiddleware"
else:
    from csp.constants import NONCE

    MIDDLEWARE = "csp.middleware.CSPMiddleware"

SELF = "'self'"
NONE = "'none'"
UNSAFE_INLINE = "'unsafe-inline'"

# Lessons embed videos (courses.blocks.LessonContentBlock.video, Wagtail's EmbedBlock).
VIDEO_PLAYERS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

SITE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF, NONCE],
    # data: for the small images our CSS and segno's QR codes may use inline.
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *VIDEO_PLAYERS],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    # Wagtail's preview shows our pages in a frame of the admin, on the same origin.
    "frame-ancestors": [SELF],
}

# The Wagtail admin (8.0) still writes inline <script> elements without a nonce (panels, date
# widgets) and style attributes: it needs 'unsafe-inline'.
# A nonce would make browsers ignore 'unsafe-inline', so this policy has none. It applies
# under ADMIN_PATH_PREFIX only, to signed-in editors, behind Wagtail's own permissions.
ADMIN_POLICY = {
    **SITE_POLICY,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    # blob: for the previews of images being uploaded.
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    # Wagtail's dashboard asks releases.wagtail.org whether a newer version exists.
    "connect-src": [SELF, "https://releases.wagtail.org"],
}

ADMIN_PATH_PREFIX = "/admin/"


class AdminContentSecurityPolicyMiddleware:
    """Gives responses under ADMIN_PATH_PREFIX the admin policy.

    Both CSP middlewares read a policy of the response's own from ``response._csp_config``
    (what their view decorators set), in the same directive -> sources form. Place this
    middleware after the CSP middleware, so that it sees the response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith(ADMIN_PATH_PREFIX) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = ADMIN_POLICY
        return response

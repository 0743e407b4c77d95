"""A crawler that reads every response a visitor can reach and a scanner for strings that must
never be in any of them.

:func:`hidden_strings` reads from the database what the site must keep to itself (an
unverified, refused, suspended or merged association; a field an association did not agree to
publish; contact people, e-mails and telephones; partnerships not confirmed by both sides;
offers and needs of associations not verified; relayed messages; the names of certificate
holders who did not agree to be named). :class:`Crawler` starts from the site root, the
sitemap, every page of a directory page type, the Wagtail API endpoints and every parameterless
public route of the package, follows every link, feed and redirect it finds in HTML, XML and
JSON, also asks the package's public routes and the API for the hidden objects' ids (a guessed
URL), and scans every body (HTML unescaped, JSON decoded, PDF and XLSX read as text). Nothing
here names a route: a route another part adds is crawled once something links to it.
"""

import contextlib
import html
import io
import json
import re
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.translation import override
from wagtail.models import Page

from tests.integration.security.routes import package_routes

# Shorter strings (a year, a two-letter code) would match by chance.
SHORTEST_SECRET = 6
LINK = re.compile(r"""(?:href|src|action)\s*=\s*["']([^"'<>]+)["']""", re.IGNORECASE)
XML_LINK = re.compile(r"<(?:loc|link|id|guid)>\s*([^<\s]+)\s*</", re.IGNORECASE)
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/static/", "/media/", "/documents/")
SKIPPED_ENDINGS = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".svg",
    ".ico",
    ".css",
    ".js",
    ".woff",
    ".woff2",
    ".ttf",
)
LOCAL_HOSTS = {"", "testserver", "localhost", "localhost:80", "127.0.0.1"}
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def _add(secrets, value, why):
    for text in value if isinstance(value, list | tuple) else [value]:
        text = str(text or "").strip()
        if len(text) >= SHORTEST_SECRET:
            secrets.setdefault(text, why)


def hidden_strings():
    """``{text: why it must not be shown}`` for everything the site must keep to itself."""
    from capacity_lms.certificates.models import Certificate
    from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
    from capacity_lms.people.models import Association, LearnerProfile

    secrets = {}
    texts = ("name_ar", "description_en", "description_fr", "description_ar")
    for association in Association.objects.all():
        label = f"association {association.pk} ({association.verification_status})"
        _add(secrets, association.contact_name, f"contact person of {label}")
        _add(secrets, association.contact_email, f"contact e-mail of {label}")
        _add(secrets, association.contact_phone, f"contact telephone of {label}")
        if not association.is_verified or association.merged_into_id:
            _add(secrets, association.name, f"name of {label}")
            for name in texts:
                _add(secrets, getattr(association, name), f"{name} of {label}")
            continue
        published = association.published_fields or []
        if "name_ar" not in published:
            _add(secrets, association.name_ar, f"unpublished Arabic name of {label}")
        if "description" not in published:
            for name in texts[1:]:
                _add(secrets, getattr(association, name), f"unpublished {name} of {label}")
        if "website" not in published:
            _add(secrets, association.website, f"unpublished website of {label}")
        if "social_links" not in published:
            _add(secrets, association.social_links, f"unpublished social links of {label}")
    shown = Partnership.objects.shown().values("pk")
    for partnership in Partnership.objects.exclude(pk__in=shown):
        _add(secrets, partnership.purpose, f"purpose of unconfirmed partnership {partnership.pk}")
    verified = Association.VerificationStatus.VERIFIED
    for offer in OfferOrNeed.objects.exclude(association__verification_status=verified):
        _add(secrets, [offer.title, offer.description], f"offer or need {offer.pk} (unverified)")
    for message in RelayedMessage.objects.all():
        _add(secrets, [message.subject, message.body], f"relayed message {message.pk}")
    consenting = LearnerProfile.objects.filter(name_on_association_page=True).values("user")
    for certificate in (
        Certificate.objects.exclude(user__in=consenting)
        .exclude(user__trained_workshops__isnull=False)
        .select_related("user")
    ):
        label = f"holder of certificate {certificate.pk}, without consent"
        _add(secrets, certificate.user.get_full_name(), label)
        _add(secrets, list(certificate.holder_names.values()), label)
    return secrets


def hidden_ids():
    """The primary keys of the objects nobody should reach by guessing a URL."""
    from capacity_lms.network.models import OfferOrNeed, Partnership, RelayedMessage
    from capacity_lms.people.models import Association

    verified = Association.VerificationStatus.VERIFIED
    ids = set(
        Association.objects.exclude(verification_status=verified).values_list("pk", flat=True)
    )
    ids |= set(
        OfferOrNeed.objects.exclude(association__verification_status=verified).values_list(
            "pk", flat=True
        )
    )
    shown = Partnership.objects.shown().values("pk")
    ids |= set(Partnership.objects.exclude(pk__in=shown).values_list("pk", flat=True))
    ids |= set(RelayedMessage.objects.values_list("pk", flat=True))
    return sorted(ids)


def directory_pages():
    """The URLs of every live page of a page type named like a directory (none yet is fine)."""
    urls = []
    for model in apps.get_models():
        if issubclass(model, Page) and "directory" in model.__name__.lower():
            urls += [page.url for page in model.objects.live() if page.url]
    return urls


def api_endpoints():
    from capacity_lms.api import capacity_lms_api

    return sorted(capacity_lms_api._endpoints)


def guessed_urls(ids):
    """Each public route of the package whose parameters are all numbers, and each API
    endpoint's detail URL, asked for each id in ``ids``."""
    urls = []
    with override("en"):
        for route in package_routes():
            if not route.name.startswith("capacity_lms:"):
                continue
            converters = CONVERTER.findall(route.pattern)
            if not converters or any(kind != "int" for kind, _name in converters):
                continue
            for number in ids:
                try:
                    urls.append(
                        reverse(
                            route.name,
                            kwargs=dict.fromkeys([name for _kind, name in converters], number),
                        )
                    )
                except NoReverseMatch:
                    continue
    for endpoint in api_endpoints():
        urls += [f"/api/v2/{endpoint}/{number}/" for number in ids]
    return urls


def starting_urls():
    urls = ["/", "/en/", "/fr/", "/ar/", "/sitemap.xml", *directory_pages()]
    for endpoint in api_endpoints():
        urls += [f"/api/v2/{endpoint}/", f"/api/v2/{endpoint}/?fields=*&limit=100"]
    with override("en"):
        for route in package_routes():
            if route.name.startswith("capacity_lms:") and not CONVERTER.search(route.pattern):
                try:
                    urls.append(reverse(route.name))
                except NoReverseMatch:
                    continue
    return urls


def text_of(response):
    """The response's text, whatever its form: decoded, unescaped, read from PDF or XLSX."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "").split(";")[0].strip()
    if kind == "application/pdf":
        from pypdf import PdfReader

        return "\n".join(
            page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages
        )
    if "spreadsheetml" in kind:
        import openpyxl

        workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    text = content.decode("utf-8", "replace")
    variants = [text, html.unescape(text), html.unescape(html.unescape(text))]
    if "json" in kind:
        with contextlib.suppress(ValueError):
            variants.append(json.dumps(json.loads(text), ensure_ascii=False))
    return "\n".join(variants)


@dataclass
class Leak:
    url: str
    text: str
    why: str

    def __str__(self):
        return f"{self.url}: {self.why}: {self.text[:60]!r}"


def scan(url, text, secrets):
    return [Leak(url, secret, why) for secret, why in secrets.items() if secret in text]


@dataclass
class Crawler:
    """Breadth first over every local URL found, each path with at most ``queries_per_path``
    query strings (filters and pages of a listing), at most ``limit`` requests in all."""

    client: object
    secrets: dict
    watched: tuple = ()  # strings that should be shown somewhere: found ones go in ``shown``
    limit: int = 4000
    queries_per_path: int = 6
    seen: set = field(default_factory=set)
    queries: dict = field(default_factory=dict)
    leaks: list = field(default_factory=list)
    visited: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    pending: deque = field(default_factory=deque)
    shown: set = field(default_factory=set)

    def add(self, url, base="/"):
        url = html.unescape(url.strip())
        if url.startswith(("mailto:", "tel:", "javascript:", "data:", "#")):
            return
        parts = urlsplit(urljoin(f"http://testserver{base}", url))
        if parts.scheme not in ("http", "https") or parts.netloc not in LOCAL_HOSTS:
            return
        path = parts.path or "/"
        if path.startswith(SKIPPED_PREFIXES) or path.lower().endswith(SKIPPED_ENDINGS):
            return
        # A PDF takes a second to draw: only those of the test's own world (linked from a page
        # of its own, whose slug says leaktest) are read.
        drawn = path.lower().endswith(".pdf") or "/pdf" in path.lower()
        if drawn and "leaktest" not in f"{base}{path}".lower():
            return
        if "logout" in path:
            return
        local = urlunsplit(("", "", path, parts.query, ""))
        if local in self.seen:
            return
        if parts.query:
            known = self.queries.setdefault(path, set())
            if len(known) >= self.queries_per_path:
                return
            known.add(parts.query)
        self.seen.add(local)
        self.pending.append(local)

    def run(self, urls):
        for url in urls:
            self.add(url)
        while self.pending and len(self.visited) < self.limit:
            url = self.pending.popleft()
            response = self.client.get(url)
            self.visited.append(url)
            self.statuses[url] = response.status_code
            if response.status_code in (301, 302, 303, 307, 308):
                self.add(response["Location"], url)
                continue
            text = text_of(response)
            self.leaks += scan(url, text, self.secrets)
            self.shown.update(watched for watched in self.watched if watched in text)
            for found in LINK.findall(text) + XML_LINK.findall(text):
                self.add(found, url)
            if "json" in response.get("Content-Type", ""):
                for found in re.findall(r'"((?:https?://[^"\s]+)|(?:/[^"\s]*))"', text):
                    self.add(found, url)
        return self

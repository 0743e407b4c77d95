"""Every route of the package, found from the URL resolver, and how a test calls it.

``package_routes()`` walks the host's URL configuration and keeps the routes that belong to
capacity-lms: the public ones (namespace ``capacity_lms``), the API's, and the Wagtail admin
views our hooks register (their names carry ``capacity``). The access matrix and the method
tests both start from this list, so a route added tomorrow is a route they must cover.
"""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import override


@dataclass(frozen=True)
class RouteInfo:
    name: str  # "namespace:name", as reverse() takes it
    pattern: str
    module: str  # where the view is defined

    @property
    def namespace(self):
        return self.name.rpartition(":")[0]

    @property
    def short_name(self):
        return self.name.rpartition(":")[2]


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            view = pattern.callback
            view_class = getattr(view, "view_class", None)
            module = (view_class or view).__module__
            name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
            yield RouteInfo(name, prefix + str(pattern.pattern), module)


def is_ours(route):
    return (
        "capacity" in route.name
        or route.module.startswith(("capacity_lms.", "courses."))
        or route.name.startswith("capacity_lms:")
    )


def package_routes():
    """Our routes, one per name (the i18n prefix repeats nothing: one language is walked)."""
    with override("en"):
        routes = {route.name: route for route in _walk(get_resolver().url_patterns)}
    return sorted(
        (route for route in routes.values() if is_ours(route)), key=lambda route: route.name
    )

"""The sandbox's URLs, plus the bare view the load test measures every page against."""

from django.http import HttpResponse
from django.urls import path

from sandbox.urls import urlpatterns as sandbox_urlpatterns


def bare(request):
    """The least a Django view can do, through the same middleware as every page."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bare/", bare, name="load_test_bare"), *sandbox_urlpatterns]

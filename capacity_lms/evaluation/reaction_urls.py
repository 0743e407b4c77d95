"""The evaluation's reaction URLs (issue #25). Every page is personal: never cached."""

urlpatterns = []

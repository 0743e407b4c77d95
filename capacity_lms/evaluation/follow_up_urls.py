"""The evaluation's follow-up URLs (issue #25). Every page is personal: never cached."""

urlpatterns = []

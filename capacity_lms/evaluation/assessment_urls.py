"""The evaluation's assessment URLs (issue #25). Every page is personal: never cached."""

urlpatterns = []

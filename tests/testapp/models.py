from django.contrib.auth.models import AbstractUser
from django.db import models


class User(AbstractUser):
    """A host's custom user model: the whole suite runs against it, not auth.User.

    It adds a field and renames nothing, as real host sites do (a display name, a phone).
    """

    display_name = models.CharField(max_length=255, blank=True)

    class Meta:
        db_table = "testapp_user"

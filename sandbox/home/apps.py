from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "sandbox.home"
    label = "sandbox_home"
    default_auto_field = "django.db.models.BigAutoField"

"""capacity-lms: a Wagtail app for a capacity-building programme for associations."""

__version__ = "0.1.0"

"""The base layer's shared room: what several domains use and nothing domain-specific.

A helper moves here when a second domain needs it; domains never borrow from one another.
Modules here import only Django, Wagtail, third-party libraries and ``capacity_lms.conf``.
"""

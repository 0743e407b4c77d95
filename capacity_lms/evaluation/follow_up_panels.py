"""What the evaluation's follow-up part shows on other domains' pages (core.panels)."""


def register():
    """Register this part's panels (called once, when the app is ready)."""

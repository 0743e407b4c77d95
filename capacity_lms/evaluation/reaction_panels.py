"""What the evaluation's reaction part shows on other domains' pages (core.panels)."""


def register():
    """Register this part's panels (called once, when the app is ready)."""

"""Evaluation (#25), follow-up: what the access matrix's world holds, and the routes' rows."""


def build(people, objects):
    """Add this part's objects to the world."""


# Route name -> Route (tests/integration/security/matrix.py adds them to PUBLIC).
ROUTES = {}

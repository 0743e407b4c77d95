#!/usr/bin/env python
import os
import sys
from pathlib import Path

if __name__ == "__main__":
    # The sandbox is imported as the package "sandbox" from the repository root.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sandbox.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)

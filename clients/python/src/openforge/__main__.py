"""``python -m openforge``: the command line (see :mod:`openforge.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())

"""``python -m helpers``: the suite's command line (see ``helpers.cli``)."""

import sys

from .cli import main

sys.exit(main(prog="python -m helpers"))

"""The frozen bundle's entry point: the same ``main`` as ``quiz-app`` and ``python -m quiz_app``."""

import sys

from quiz_app.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

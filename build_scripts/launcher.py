"""PyInstaller's entry script: the frozen program is ``estatedesk.__main__:main``.

With a command (``EstateDesk demo --households 50``) it runs the CLI, otherwise the GUI.
"""

import multiprocessing
import sys

from estatedesk.__main__ import main

if __name__ == "__main__":
    # A frozen Windows program that ever starts a worker process must call this first,
    # or each worker would start another copy of the program.
    multiprocessing.freeze_support()
    sys.exit(main())

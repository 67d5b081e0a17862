"""``python -m sos_desktop``: the same as the ``sos-desktop`` command."""

import sys

from sos_desktop.cli import main

sys.exit(main())

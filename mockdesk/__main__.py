"""``python -m mockdesk`` is the ``mockdesk`` command."""

import sys

from mockdesk.cli import main

sys.exit(main())

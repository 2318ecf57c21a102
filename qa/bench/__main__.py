"""``python -m qa.bench``: the same as ``qa bench``."""

import sys

from qa.bench import main

sys.exit(main())

"""Allow `python -m nq43`."""

from nq43.cli import main

raise SystemExit(main())

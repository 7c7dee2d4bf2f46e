"""Allow `python -m nq43`."""

from nq43.cli.app import main

raise SystemExit(main())

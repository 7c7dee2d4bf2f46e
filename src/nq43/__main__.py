"""Allow `python -m nq43`."""

from nq43.launcher import main

raise SystemExit(main())

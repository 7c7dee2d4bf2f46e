"""nq43: track the tasks of Resolution 43/NQ-HĐND, collect quarterly notes, issue the consolidated report."""

__version__ = "0.1.0"

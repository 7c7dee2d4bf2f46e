"""Submission dates, each unit's standing and the status views."""

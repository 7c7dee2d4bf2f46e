"""Checking what was loaded: cross-references, the whole repository, CODEOWNERS, findings as text/JSON/annotations."""

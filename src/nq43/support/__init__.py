"""Support: Vietnamese text, read-only git, atomic output. Imports nothing else of nq43."""

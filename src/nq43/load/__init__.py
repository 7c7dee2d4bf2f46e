"""Reading the repository's files safely: sources, YAML with line numbers, the schema, the directive, notes,
calendar and issue records."""

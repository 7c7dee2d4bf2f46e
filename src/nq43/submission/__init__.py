"""The pull-request gate: changed files, the gate's rules, check output, CODEOWNERS, web links, the note skeleton."""

"""The allocation rules engine: pure functions over plain data, driven by a scheme file.

Nothing in this package imports Flask or SQLAlchemy (an import-linter contract
checks it). Every decision comes back with its reasons: codes for machines and
translatable sentences, each citing the scheme rule it comes from.
"""

"""Reading and checking listing files: YAML with positions, size and shape limits, hidden
characters, the JSON Schema, semantic checks, duplicates, and the validation cache.

Takes paths; gives a `Catalog` of valid `Provider` records plus every `path:line:col` diagnostic.
"""

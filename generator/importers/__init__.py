"""Importers: turn public directories into listing files (pure code, no MkDocs)."""

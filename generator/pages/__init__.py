"""Pages: each provider's page, the browse pages and the field reference, and the helpers that keep
listing text literal.

Takes `Provider` records; gives Markdown pages (docs-relative path to text).
"""

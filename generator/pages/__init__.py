"""Pages: each provider's page, the browse pages and the field reference.

Takes `Provider` records; gives Markdown pages (docs-relative path to text) whose listing text
is rendered by the autoescaping templates in templates/ into raw HTML blocks (templating.py).
"""

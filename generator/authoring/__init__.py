"""Commands that write or review listings for people: a new listing from a few answers, and the
maintainers' report.

Takes answers or a `Catalog`; gives listing files or report text.
"""

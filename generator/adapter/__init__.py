"""The MkDocs adapter, the only place that imports MkDocs: the plugin, the build and serve
runners, and incremental regeneration while serving.

Takes a `Catalog` and mkdocs.yml; gives the built site.
"""

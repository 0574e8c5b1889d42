"""The listing model: typed records with derived schedule facts, the schema's vocabulary in
plain words, how times and places read, links, and ZIP-code geography.

Takes schema-valid data; gives `Provider` records every later stage reads. Imports no other stage.
"""

"""Importers: public directories (SAMHSA's N-SUMHSS) turned into listing files, merged with
the files already there so a re-import keeps every hand edit.

Takes a directory's CSV files; gives listing files and a row-by-row report. No MkDocs.
"""

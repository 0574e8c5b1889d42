"""The site as files: everything generated for a docs directory, files a host reads (robots.txt,
`_headers`), and writing outputs so a failure keeps the last good one.

Takes `Provider` records and the pages, finder and open data; gives files on disk.
"""

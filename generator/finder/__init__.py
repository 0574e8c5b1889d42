"""The finder's data: the compact program index and ZIP table the finder script reads, and the
short search entry of each provider.

Takes `Provider` records; gives JSON for the browser.
"""

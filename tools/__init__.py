"""Command-line tools around the suite that a behave run never imports.

Parallel parent, bench and its floor, soak, step catalogue, screen texts, privacy scan, summary.
"""

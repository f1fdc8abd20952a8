"""Measurement that rides along with a run when `stats_file` is set: timing buckets and the page flow for the floor."""

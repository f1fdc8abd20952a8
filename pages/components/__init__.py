"""Pieces shared by several screens: the error screens of instrukcja CeZ pkt 3 and the top menu."""

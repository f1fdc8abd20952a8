"""Pieces shared by several screens: the error screens of seed section 3 and the top menu."""

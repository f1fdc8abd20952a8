"""What the probe of pages/dom.py recognises on every screen: the two error screens and the logout control.

Kept in one place, and free of page-object imports, because the probe checks them on every poll.
"""

from __future__ import annotations

from pages.errors import IkpErrorScreen, PzErrorScreen

# [wybór] CeZ describes both error screens (instrukcja CeZ pkt 3.1, 3.2) but not their wording: the
# suite recognises them by their h1, which is what a person sees first. Correct the two titles here,
# against the real screens.
PZ_ERROR_TITLE = "Błąd logowania w testowym Profilu Zaufanym"
IKP_ERROR_TITLE = "Internetowe Konto Pacjenta jest chwilowo niedostępne"
ERROR_TITLES = {"pz": PZ_ERROR_TITLE, "ikp": IKP_ERROR_TITLE}

# The only proper way out of the account; a button or a link.
LOGOUT_NAME = "Wyloguj się"


def raise_error_screen(kind: str, url: str) -> None:
    """Raise the environment failure of an error screen seen at `url` ('pz' or 'ikp')."""
    raise (PzErrorScreen if kind == "pz" else IkpErrorScreen)(url)

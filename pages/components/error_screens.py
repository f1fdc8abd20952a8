"""Recognise the two error screens CeZ documents (instrukcja CeZ pkt 3.1 and 3.2), wherever they appear."""

from __future__ import annotations

from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from pages.errors import IkpErrorScreen, PzErrorScreen

# [choice] The simulator's markers are the ids; the h1 texts are what a person sees, and what we
# also match on the real iIKP. Correct them here, in one place, against the real screens.
PZ_ERROR_ID = "pz-error-screen"
PZ_ERROR_TITLE = "Błąd logowania w testowym Profilu Zaufanym"
IKP_ERROR_ID = "ikp-error-screen"
IKP_ERROR_TITLE = "Internetowe Konto Pacjenta jest chwilowo niedostępne"

# One round trip per check: a union of all four markers.
_ANY_ERROR = (By.XPATH, " | ".join((
    f"//*[@id='{PZ_ERROR_ID}']", f"//h1[normalize-space()='{PZ_ERROR_TITLE}']",
    f"//*[@id='{IKP_ERROR_ID}']", f"//h1[normalize-space()='{IKP_ERROR_TITLE}']",
)))


def detect_error_screen(driver: WebDriver) -> None:
    """Raise PzErrorScreen or IkpErrorScreen when the browser shows one; return None otherwise."""
    found = driver.find_elements(*_ANY_ERROR)
    if not found:
        return
    marker = found[0]
    pz = marker.get_attribute("id") == PZ_ERROR_ID or marker.text.strip() == PZ_ERROR_TITLE
    raise_error_screen("pz" if pz else "ikp", driver.current_url)


def raise_error_screen(kind: str, url: str) -> None:
    """Raise the environment failure of an error screen seen at `url` ('pz' or 'ikp')."""
    raise (PzErrorScreen if kind == "pz" else IkpErrorScreen)(url)

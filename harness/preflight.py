"""Before the first scenario: do iIKP's login page and the PZ page answer at all?"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests

from harness.errors import EnvironmentUnavailable

LOGIN_PATH = "/ikp/zaloguj"
PZ_PATH = "/pz/ekran_pz"


def _probe(url: str, timeout: float) -> str | None:
    """None when the address answers with a non-5xx status; otherwise what went wrong."""
    try:
        response = requests.get(url, timeout=timeout, allow_redirects=False)
    except requests.Timeout:
        return f"brak odpowiedzi w {timeout:g} s"
    except requests.ConnectionError:
        return "połączenie odrzucone lub adres nieosiągalny"
    except requests.RequestException as exc:
        return type(exc).__name__
    if response.status_code >= 500:
        return f"HTTP {response.status_code}"
    return None


def check(ikp_url: str, pz_url: str, timeout: float) -> None:
    """Raise EnvironmentUnavailable naming each address that does not answer."""
    problems = []
    for name, url in (("iIKP", ikp_url + LOGIN_PATH), ("testowy Profil Zaufany", pz_url + PZ_PATH)):
        problem = _probe(url, timeout) if url.startswith("http") else "nieznany adres (podaj pz_url)"
        if problem:
            problems.append(f"{name} ({url}): {problem}")
    if problems:
        raise EnvironmentUnavailable(
            "Środowisko niedostępne, przerywam przed pierwszym scenariuszem: " + "; ".join(problems)
            + ". Sprawdź adresy base_url i pz_url oraz połączenie; instrukcja CeZ, pkt 3: spróbuj później.")


def pz_origin_of(ikp_url: str, timeout: float = 5.0) -> str:
    """The PZ origin iIKP redirects its login to (used when only base_url was given)."""
    try:
        response = requests.get(ikp_url + LOGIN_PATH, timeout=timeout, allow_redirects=False)
    except requests.RequestException:
        return ""
    parts = urlsplit(response.headers.get("Location", ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme else ""

"""Single-page mode of the iIKP origin: a script fetches same-origin links and forms and swaps each page in place."""

from pathlib import Path
from urllib.parse import urljoin, urlsplit

UIS = ("pages", "spa")
DEFAULT_DELAY_MS = 300
MAX_DELAY_MS = 60_000
# Sent by the script on each of its fetches; a redirect leaving the origin is then answered with
# LOCATION_HEADER instead, and the script navigates there for real (a fetch cannot follow it).
REQUEST_HEADER = "X-Sim-Spa"
LOCATION_HEADER = "X-Sim-Spa-Location"

_SCRIPT = (Path(__file__).with_name("spa.js")).read_text(encoding="utf-8")


def script(delay_ms):
    """The <script> element of the single-page mode, swapping after delay_ms."""
    return f"<script>\n{_SCRIPT.replace('__DELAY_MS__', str(int(delay_ms)))}</script>\n"


def inject(html, delay_ms):
    """The page with the script as the last element of its <head> (else at its end)."""
    tag = script(delay_ms)
    end_of_head = html.lower().find("</head>")
    if end_of_head < 0:
        return html + tag
    return html[:end_of_head] + tag + html[end_of_head:]


def hand_over_cross_origin_redirect(response, origin_url):
    """A redirect that leaves this origin becomes 200 + LOCATION_HEADER (cookies and other headers stay)."""
    location = response.headers.get("Location")
    if not (300 <= response.status_code < 400 and location):
        return
    target = urljoin(origin_url, location)
    if urlsplit(target)[:2] == urlsplit(origin_url)[:2]:
        return
    del response.headers["Location"]
    response.headers[LOCATION_HEADER] = target
    response.status_code = 200
    response.set_data(b"")
    response.mimetype = "text/plain"

"""The home screen iIKP shows after login (public IKP descriptions; „Moje konto” is a link at the top right)."""

from __future__ import annotations

from pages.components.header import LoggedInPage


class HomePage(LoggedInPage):
    TITLE = "Strona główna"
    PATH = "/ikp"

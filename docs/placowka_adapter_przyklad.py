"""Example facility adapter: the facility's side of iIKP played by the vendor's own system over HTTP.

On the real iIKP nothing in the suite can accept a declaration or start an order: that is what a POZ
facility's system does, through P1. A vendor plugs its own system in with a class implementing the
interface `harness.arrange.Facility` and names it on the command line:

    PYTHONPATH=docs VENDOR_FACILITY_URL=https://test.moj-system.example/iikp \\
        .venv/bin/behave -D target=iikp -D facility=placowka_adapter_przyklad:HttpFacility

Scenarios tagged @placowka then run (without an adapter they are skipped, saying why). This example
sends one JSON request per action to the vendor's service; adapt the paths and the body to your
system. Each method gets the thing as the facility knows it (harness/created.py): the patient (name
and PESEL), the role, facility and chosen person of a declaration, the medicines of an order. Return
once the change is made in iIKP; raise with a clear message otherwise.

The PESEL goes only to the vendor's own system; never log it in clear text.
"""

from __future__ import annotations

import os

import requests

from harness.created import DeclarationRef, OrderRef

URL_ENV = "VENDOR_FACILITY_URL"


class FacilityServiceError(Exception):
    """The vendor's service refused an action or did not answer."""


class HttpFacility:
    """`harness.arrange.Facility` over HTTP: POST {url}/deklaracje/<akcja> and {url}/zamowienia/<akcja>."""

    def __init__(self, url: str | None = None, timeout: float = 30.0):
        self.url = (url or os.environ.get(URL_ENV, "")).rstrip("/")
        if not self.url:
            raise FacilityServiceError(f"Brak adresu usługi placówki: ustaw zmienną {URL_ENV}.")
        self.timeout = timeout
        self.http = requests.Session()

    # -- declarations ------------------------------------------------------------------------------
    def accept_declaration(self, declaration: DeclarationRef) -> None:
        self._post("deklaracje/przyjmij", self._declaration(declaration))

    def reject_declaration(self, declaration: DeclarationRef, note: str) -> None:
        self._post("deklaracje/odrzuc", {**self._declaration(declaration), "uwaga": note})

    # -- prescription orders --------------------------------------------------------------------------
    def start_order(self, order: OrderRef) -> None:
        self._post("zamowienia/rozpocznij", self._order(order))

    def complete_order(self, order: OrderRef) -> None:
        self._post("zamowienia/zrealizuj", self._order(order))

    def reject_order(self, order: OrderRef, comment: str) -> None:
        self._post("zamowienia/odrzuc", {**self._order(order), "komentarz": comment})

    # -- the wire ---------------------------------------------------------------------------------------
    @staticmethod
    def _patient(persona) -> dict:
        return {"imie_nazwisko": persona.name, "pesel": persona.pesel}

    def _declaration(self, declaration: DeclarationRef) -> dict:
        return {"pacjent": self._patient(declaration.patient), "rola": declaration.role,
                "placowka": declaration.facility, "osoba": declaration.person,
                "data_zlozenia": declaration.submitted_on.isoformat() if declaration.submitted_on else None}

    def _order(self, order: OrderRef) -> dict:
        return {"pacjent": self._patient(order.patient), "leki": list(order.medicines),
                "data": order.placed_on.isoformat() if order.placed_on else None}

    def _post(self, path: str, body: dict) -> None:
        try:
            answer = self.http.post(f"{self.url}/{path}", json=body, timeout=self.timeout)
        except requests.RequestException as error:
            raise FacilityServiceError(f"Usługa placówki nie odpowiada ({path}): {type(error).__name__}") from None
        if answer.status_code >= 400:
            raise FacilityServiceError(f"Usługa placówki odrzuciła {path}: HTTP {answer.status_code} "
                                       f"{answer.text[:200]}")

"""A screen's candidates (what it offers instead of a missing text) are read by kind, in any markup."""

from __future__ import annotations

from pages import candidates
from pages.consents import ConsentsPage
from pages.orders import OrdersPage


def test_the_consents_screen_offers_its_buttons_headings_and_column_headers(opened):
    page = opened("consents", ConsentsPage)
    found = candidates.candidates(page.driver)
    assert set(found) == set(candidates.KIND_NAMES)
    assert "Dodaj uprawnienie" in found["przyciski"] and "Wyloguj się" in found["przyciski"]
    assert "Wycofaj" in found["przyciski"]
    assert "Uprawnienia" in found["naglowki"]
    assert {"Rodzaj", "Osoba", "Status"} <= set(found["kolumny"])
    assert "Aktywne" in found["teksty"] and "Wycofane" in found["teksty"]


def test_the_orders_screen_offers_its_value_labels_and_statuses(opened):
    page = opened("orders", OrdersPage)
    found = candidates.candidates(page.driver)
    assert {"Lekarz", "Status"} <= set(found["etykiety_wartosci"])
    assert "Anuluj zamówienie" in found["przyciski"]
    assert "Odrzucone" in " ".join(found["teksty"])


def test_every_kind_of_the_vocabulary_has_a_list_of_candidates():
    from pages.wording import KINDS

    assert set(candidates.FOR_ENTRY_KIND) == set(KINDS)
    assert set(candidates.FOR_ENTRY_KIND.values()) <= set(candidates.KIND_NAMES)

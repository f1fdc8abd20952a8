"""Locators describe themselves in Polish; a missing text is reported with the screen, its candidates and
the overlay line that would map it."""

from __future__ import annotations

import pytest

from pages.consents import ConsentsPage
from pages.locators import button, having, label, link, role, section, text, within
from pages.missing import describe, expected_text, missing_for
from pages.orders import OrdersPage


def test_locators_describe_themselves_in_polish():
    assert describe(button("Zapisz")) == "przycisk „Zapisz”"
    assert describe(within(having(role("row"), "Ewa Nowak"), button("Wycofaj"))) == (
        "przycisk „Wycofaj” w: wiersz z tekstem „Ewa Nowak”")
    assert describe(label("Pesel")) == "pole „Pesel”"
    assert describe(text("wybór w", exact=False)) == "tekst „wybór w” (fragment)"
    assert describe(section("Lekarz POZ")) == "sekcja „Lekarz POZ”"


def test_the_expected_text_is_the_innermost_named_one():
    assert expected_text(within(having(role("row"), "Ewa Nowak"), button("Wycofaj"))) == ("Wycofaj", "przyciski")
    assert expected_text(within(section("Twoja Podstawowa Opieka Zdrowotna (POZ)"), role("listitem"))) == (
        "Twoja Podstawowa Opieka Zdrowotna (POZ)", "naglowki")
    assert expected_text(label("Pesel")) == ("Pesel", "etykiety")


def test_a_missing_button_names_the_text_the_screen_and_its_buttons(opened):
    page = opened("consents", ConsentsPage)
    failure = missing_for(page.driver, link("Udostępnij dane"), None, page.title(), page.current_url())
    message = str(failure)
    assert message.startswith("Na ekranie nie ma: odnośnik „Udostępnij dane”.")
    assert "Ekran: „Uprawnienia”" in message
    assert "Dodaj uprawnienie" in failure.candidates and "„Dodaj uprawnienie”" in message
    assert failure.overlay_line == ""  # „Udostępnij dane” is no text of the vocabulary: a [nazwy] hint instead
    assert "[nazwy]" in message


def test_a_missing_vocabulary_text_comes_with_its_overlay_line(opened):
    page = opened("orders", OrdersPage)
    failure = missing_for(page.driver, button("Zamów ponownie"), None, "Recepty", page.current_url())
    assert failure.expected == "Zamów ponownie" and failure.kind == "przyciski"
    assert '"Zamów ponownie" = "…"' in str(failure)
    assert "Anuluj zamówienie" in failure.candidates


def test_a_status_the_suite_does_not_know_names_the_expected_ones_and_the_overlay_lines(opened):
    from pages.errors import ScreenTextMissing
    from pages.missing import check_states

    page = opened("orders", OrdersPage)
    check_states(page, ["Złożone", "Odrzucone", ""], OrdersPage.STATES, "zamówienia")  # known: nothing raised
    with pytest.raises(ScreenTextMissing) as raised:
        check_states(page, ["Wysłane", "Odrzucone"], OrdersPage.STATES, "zamówienia")
    failure, message = raised.value, str(raised.value)
    assert "„Złożone”, „W realizacji”, „Zrealizowane”, „Odrzucone”, „Anulowane”" in message
    assert "ekran pokazuje „Wysłane”" in message and '"Złożone" = "Wysłane"' in message
    assert failure.candidates == ["Wysłane", "Odrzucone"]

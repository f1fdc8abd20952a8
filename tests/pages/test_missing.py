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


REWORDED = {"Aktywne": "Obowiązujące", "Wycofane": "Cofnięte", "Dodaj uprawnienie": "Udostępnij dane",
            "Uprawnienia": "Moje uprawnienia"}


def _reworded_consents(screens, chromium, tmp_path):
    from pages.base import Site
    from tests.pages.conftest import IKP, PZ

    html = screens["consents"]
    for expected, shown in REWORDED.items():
        html = html.replace(f">{expected}<", f">{shown}<")
    path = tmp_path / "consents.html"
    path.write_text(html, encoding="utf-8")
    chromium.get(path.as_uri())
    return Site(chromium, IKP, PZ, 2.0)


def test_with_the_overlay_a_reworded_screen_reads_as_the_suite_expects(screens, chromium, tmp_path):
    from pages import wording

    site = _reworded_consents(screens, chromium, tmp_path)
    previous = wording.install(wording.Wording(REWORDED, "proba.toml"))
    try:
        page = ConsentsPage(site).arrive()
        assert {row.state for row in page.listed()} == {"active", "withdrawn"}
        assert page.title() == "Uprawnienia"  # the suite's word, while the screen says „Moje uprawnienia”
        assert page.shows(page.ADD)
    finally:
        wording.install(previous)


def test_without_the_overlay_a_reworded_screen_fails_naming_the_missing_text(screens, chromium, tmp_path):
    from pages.errors import ScreenTextMissing

    site = _reworded_consents(screens, chromium, tmp_path)
    with pytest.raises(ScreenTextMissing) as raised:
        ConsentsPage(site).arrive()
    message = str(raised.value)
    assert message.startswith("Na ekranie nie ma: nagłówek „Uprawnienia”.")
    assert "Ekran: „Moje uprawnienia”" in message and '"Uprawnienia" = "…"' in message
    assert "Moje uprawnienia" in raised.value.candidates


def test_a_missing_sub_tab_heading_is_named_when_the_page_title_is_there(screens, chromium, tmp_path):
    from pages.base import Site
    from pages.errors import ScreenTextMissing
    from tests.pages.conftest import IKP, PZ

    path = tmp_path / "prescriptions.html"
    path.write_text(screens["prescriptions"], encoding="utf-8")
    chromium.get(path.as_uri())
    with pytest.raises(ScreenTextMissing) as raised:
        OrdersPage(Site(chromium, IKP, PZ, 1.0)).arrive()  # „Recepty” is shown, its tab „Moje recepty”
    assert raised.value.expected == "Zamówione recepty" and "Moje recepty" in raised.value.candidates
    assert str(raised.value).startswith("Na ekranie nie ma: nagłówek „Zamówione recepty”.")


def test_a_missing_scope_is_named_rather_than_the_link_inside_it(opened):
    from pages.account import AccountPage

    page = opened("account", AccountPage)
    start = within(section(AccountPage.POZ_SECTION), within(section("Lekarz rodzinny"), link("Wypełnij deklarację")))
    failure = missing_for(page.driver, start, "„Wypełnij deklarację” (lekarz)", page.title(), page.current_url())
    assert failure.expected == "Lekarz rodzinny" and failure.kind == "naglowki"
    assert str(failure).startswith("Na ekranie nie ma: sekcja „Lekarz rodzinny” (szukano: „Wypełnij deklarację”")
    assert "Lekarz POZ" in failure.candidates

"""docs/teksty-ekranow.md is current, and no scenario meant for the real iIKP quotes one of our own [wybór] texts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tools import screen_texts

# A scenario without @symulator that quotes the simulator's own status „Aktywne” ([wybór]) and one that
# quotes only instrukcja CeZ, public texts and data: the check must catch the first and pass the second.
FEATURE = textwrap.dedent("""\
    # language: pl
    @zgody
    Funkcja: Próba

      Scenariusz: cytuje wybór
        Zakładając, że Jan Nowak jest zalogowany w iIKP
        Gdy pacjent zatwierdza w testowym Profilu Zaufanym numer PESEL „Aktywne”
        I Jan Nowak otwiera „Moje konto”
        Wtedy Jan Nowak widzi w „Moje konto” dane kontaktowe:
          | numer telefonu | adres e-mail | powiadomienia |
          | 601202303      |              | SMS           |
        I Jan Nowak widzi „Aktywne” uprawnienie

      @symulator
      Scenariusz: wolno w symulatorze
        Gdy Jan Nowak widzi „Aktywne” uprawnienie
    """)


def test_the_committed_document_is_current():
    done = subprocess.run([sys.executable, "-m", "tools.screen_texts", "--check"], cwd=screen_texts.PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_every_relied_on_text_has_a_source_and_a_screen():
    texts = screen_texts.screen_texts()
    assert len(texts) > 40
    assert {text.kind for text in texts} == {"instrukcja CeZ", "publiczne", "wybór"}
    by_text = {text.text: text for text in texts}
    assert by_text["Wyloguj się"].kind == "instrukcja CeZ"
    assert by_text["Zamów receptę"].kind == "publiczne"
    assert by_text["Aktywne"].kind == "wybór"


def test_scenarios_for_the_real_iikp_quote_no_text_of_our_own_choice():
    assert screen_texts.choice_quotes() == []


def test_the_check_catches_a_quoted_choice_text_and_spares_data_and_simulator_scenarios(tmp_path):
    feature = tmp_path / "proba.feature"
    feature.write_text(FEATURE, encoding="utf-8")
    offences = screen_texts.choice_quotes([feature])
    # the undefined step's „Aktywne” is caught; the PESEL typed into the PZ form is data, „Moje konto” is
    # instrukcja CeZ, and the @symulator scenario may quote anything
    assert offences == ["proba.feature:12: „Aktywne” ([wybór])"]

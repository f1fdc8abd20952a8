"""make sprawdz: an analyst's feature file checked without a browser, with Polish hints for near-misses."""

import os
import subprocess
import sys

from harness.config import PROJECT_ROOT

HEADER = "# language: pl\n@zgody @symulator\nFunkcja: Próba analityka\n\n  Scenariusz: Prawie dobre zdania\n"
CONSENT = "Zgoda na udzielanie informacji o stanie zdrowia"
NEAR_MISSES = HEADER + f"""    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak nadaje uprawnienie „{CONSENT}” dla Jana Kowalskiego od dziś bezterminowo
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywny
    Gdy Jan Nowak to uprawnienie wycofuje
"""


def sprawdz(path) -> subprocess.CompletedProcess:
    """The check in a process of its own (behave's step registry is global)."""
    return subprocess.run([sys.executable, "-m", "tools.sprawdz", str(path)], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, timeout=120)


# Runs the check with an audit hook that records every file opened for writing (bytecode caches off).
WATCHED = """
import os, sys
writes = []
def hook(event, args):
    if event == "open":
        mode, flags = args[1], args[2]
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
                mode is None and isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):
            writes.append(str(args[0]))
sys.addaudithook(hook)
from tools import sprawdz
code = sprawdz.main(sys.argv[1:])
print("ZAPISANE PLIKI:", writes)
sys.exit(code)
"""


def sprawdz_watched(path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WATCHED, str(path)], cwd=PROJECT_ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def hint_blocks(output: str) -> dict[int, str]:
    """The hint printed for each line of the file, by the line's number."""
    blocks, current = {}, None
    for line in output.splitlines():
        if "nie ma w katalogu kroków" in line:
            current = int(line.split(":")[1])
            blocks[current] = ""
        elif current is not None:
            blocks[current] += line + "\n"
    return blocks


def first_suggestion(block: str) -> str:
    lines = block.splitlines()
    return lines[lines.index("  Najbliższe zdania z katalogu:") + 1].strip()


def test_three_near_misses_get_a_polish_hint_each_with_the_right_sentence_first(tmp_path):
    feature = tmp_path / "bliskie.feature"
    feature.write_text(NEAR_MISSES, encoding="utf-8")
    run = sprawdz_watched(feature)
    assert run.returncode == 2, run.stdout + run.stderr
    blocks = hint_blocks(run.stdout)
    assert sorted(blocks) == [7, 8, 9], run.stdout
    # a person outside the closed list: the list is printed, the sentence keeps the analyst's other values
    assert "„Jana Kowalskiego” parametru `osoba` jest spoza listy" in blocks[7]
    assert "„Ewy Nowak”, „Piotra Zielińskiego”" in blocks[7]
    assert first_suggestion(blocks[7]).startswith(f"1. Gdy Jan Nowak nadaje uprawnienie „{CONSENT}” dla ")
    assert first_suggestion(blocks[7]).endswith(" od dziś bezterminowo")
    # a misspelt status: the closest allowed word fills the sentence
    assert "Dozwolone: „aktywne”, „wycofane”" in blocks[8]
    assert first_suggestion(blocks[8]) == "1. Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne"
    # a reordered sentence
    assert first_suggestion(blocks[9]) == "1. Gdy Jan Nowak wycofuje to uprawnienie"
    assert "3 z 4 kroków nie ma w katalogu" in run.stdout
    for python in ("step_impl", "@given", "@when", "def ", "u'"):
        assert python not in run.stdout
    assert "ZAPISANE PLIKI: []" in run.stdout, "sprawdzenie nie może niczego zapisać (w reports/ ani nigdzie)"


def test_a_file_whose_every_step_binds_passes():
    run = sprawdz(PROJECT_ROOT / "features" / "zgody.feature")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "wszystkie kroki" in run.stdout and "są w katalogu" in run.stdout


def test_a_missing_or_unparsable_file_is_named_in_polish(tmp_path):
    missing = sprawdz(tmp_path / "nie-ma.feature")
    assert missing.returncode == 2
    assert "Nie ma pliku" in missing.stderr and "nie-ma.feature" in missing.stderr
    folder = sprawdz(tmp_path)
    assert folder.returncode == 2 and "to katalog" in folder.stderr
    broken = tmp_path / "zepsuty.feature"
    broken.write_text("# language: pl\nFunkcja: X\n  Scenariusz: Y\n    Zakładając Jan Nowak\n  coś\n",
                      encoding="utf-8")
    run = sprawdz(broken)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "nie daje się odczytać" in run.stderr and "Traceback" not in run.stderr


def test_a_feminine_or_masculine_sentence_is_offered_in_the_named_patients_form(tmp_path):
    feature = tmp_path / "forma.feature"
    feature.write_text(HEADER + "    Zakładając, że Anna Kowalska zamowiła receptę na „Metformina 500 mg”\n"
                                "    I Jan Nowak zamowił receptę na „Metformina 500 mg”\n", encoding="utf-8")
    run = sprawdz(feature)
    assert run.returncode == 2, run.stdout + run.stderr
    blocks = hint_blocks(run.stdout)
    assert first_suggestion(blocks[6]) == "1. Zakładając, że Anna Kowalska zamówiła receptę na „Metformina 500 mg”"
    assert "Anna Kowalska zamówił " not in blocks[6]
    assert first_suggestion(blocks[7]) == "1. Zakładając, że Jan Nowak zamówił receptę na „Metformina 500 mg”"
    assert "Jan Nowak zamówiła" not in blocks[7]


def test_the_screen_name_a_sentence_quotes_is_not_taken_for_the_analysts_value(tmp_path):
    feature = tmp_path / "ekran.feature"
    feature.write_text(HEADER + "    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywen\n",
                       encoding="utf-8")
    run = sprawdz(feature)
    assert run.returncode == 2, run.stdout + run.stderr
    block = hint_blocks(run.stdout)[6]
    assert "w zakresie „{zakres}” w „Uprawnienia”" in block, block
    assert "w zakresie „Uprawnienia”" not in block, block

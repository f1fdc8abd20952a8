"""The local accounts file: every way it can be wrong gets one clear message."""

import pytest

from harness.errors import AccountsError
from harness.personas import PersonaBook, load_accounts


def write(tmp_path, text, name="accounts.ini"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_personas_by_name(tmp_path):
    book = PersonaBook(load_accounts(write(tmp_path, "[Jan Nowak]\npesel = 80011512354\n")), "plik")
    assert book.get("Jan Nowak").pesel == "80011512354"
    assert "80011512354" not in repr(book.get("Jan Nowak"))


@pytest.mark.parametrize(("text", "words"), [
    (None, ["Brak pliku", "accounts.example.ini"]),
    ("pesel = 1\n", ["błędny format"]),
    ("[Jan Nowak]\nimie = Jan\n", ["brak klucza 'pesel'"]),
    ("[Jan Nowak]\npesel = 87061302072\n", ["nieprawidłowy", "Jan Nowak"]),
    ("[Jan Nowak]\npesel = 80013212354\n", ["nieprawidłowy"]),
    ("[Jan Nowak]\npesel = 8001151235\n", ["nieprawidłowy"]),
    ("# nothing\n", ["nie zawiera żadnego konta"]),
])
def test_bad_accounts_files(tmp_path, text, words):
    path = tmp_path / "missing.ini" if text is None else write(tmp_path, text)
    with pytest.raises(AccountsError) as caught:
        load_accounts(path)
    for word in words:
        assert word in str(caught.value)
    assert "87061302072" not in str(caught.value) or "87061302072" in (text or "")


def test_unreadable_file(tmp_path):
    path = tmp_path / "accounts.ini"
    path.write_bytes(b"[Jan Nowak]\npesel = \xff\xfe\n")
    with pytest.raises(AccountsError, match="Nie można odczytać"):
        load_accounts(path)


def test_missing_persona_names_the_known_ones():
    book = PersonaBook.from_simulator([{"pesel": "80011512354", "first_name": "Jan", "last_name": "Nowak"}])
    with pytest.raises(AccountsError, match="„Ewa Nowa”.*Jan Nowak"):
        book.get("Ewa Nowa")

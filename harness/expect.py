"""The checks of `Wtedy` steps: a failure names the subject, what the scenario expected and what the screen
shows, in the scenario's words („zamówienie na „Metformina 500 mg”: oczekiwano „zrealizowane”, na ekranie
„Złożone””)."""

from __future__ import annotations

from collections.abc import Iterable

from harness.gherkin_types import said
from pages.base import BasePage
from pages.components.error_pages import raise_unexpected_error_screen
from pages.components.header import LoggedInPage


class Words(str):
    """A phrase said as it is (not quoted as a value): „bez przycisku „Anuluj zamówienie””."""


NOTHING = Words("nic")


def say(value: object) -> str:
    """A value as a failure message says it: a text in „…”, a number or a described thing as it is, several
    joined with commas (things with semicolons), none as „nic”."""
    if isinstance(value, Words):
        return str(value)
    value = said(value)
    if value is None or value == "":
        return NOTHING
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
        glue = ", " if all(isinstance(item, (str, int)) for item in items) else "; "
        return glue.join(say(item) for item in items) or NOTHING
    if isinstance(value, (str, int)):
        return f"„{value}”"
    return str(value)


class NotAsExpected(AssertionError):
    """What the screen shows is not what the scenario says (a product failure)."""

    def __init__(self, subject: str, expected: object, shown: object):
        self.subject, self.expected, self.shown = subject, expected, shown
        super().__init__(f"{subject}: oczekiwano {say(expected)}, na ekranie {say(shown)}")


def expect(subject: str, expected: object, shown: object, holds: bool | None = None) -> None:
    """Fail unless `holds` (by default: `shown == expected`), naming the subject, the expected and the shown."""
    if not (shown == expected if holds is None else holds):
        raise NotAsExpected(subject, expected, shown)


def expect_screen(page: BasePage, *page_classes: type[BasePage], subject: str = "ekran") -> None:
    """Fail unless the scenario's page is one of `page_classes`; the message names the screen it shows."""
    if not isinstance(page, page_classes):
        expected = Words(" albo ".join(page_class(page.site).describe() for page_class in page_classes))
        raise NotAsExpected(subject, expected, Words(_screen(page)))


def expect_message(page: BasePage, subject: str, mentions: Iterable[str] = ()) -> list[str]:
    """Fail unless the screen shows a message (role=alert) mentioning every one of `mentions`; return the messages."""
    shown = page.alerts()
    wanted = [word.casefold() for word in mentions]
    said = " ".join(shown).casefold()
    expected = Words("komunikat" + (" o " + ", ".join(f"„{word}…”" for word in mentions) if wanted else ""))
    expect(subject, expected, shown, holds=bool(shown) and all(word in said for word in wanted))
    return shown


def _screen(page: BasePage) -> str:
    try:
        title = page.title()
    except Exception:  # the browser is gone: say what the scenario holds
        title = ""
    return f"„{title}” ({page.current_url()})" if title else f"ekran bez nagłówka ({page.current_url()})"


# -- what the lists show, found by what the scenario knows of it ------------------------------------------
def declaration_on(page, ref) -> object:
    """The newest declaration of the ref's role and person on „Zobacz deklaracje”; fails naming those shown."""
    found = page.declaration(ref.role, ref.person)
    if found is None:
        raise NotAsExpected(ref.describe(), Words("na liście „Zobacz deklaracje”"),
                            [f"{d.role}: {d.person} ({d.status})" for d in page.listed()])
    return found


def expect_error_screen(page: BasePage, page_class: type[BasePage]) -> None:
    """The error screen of instrukcja CeZ pkt 3 that the scenario expects; another error screen is the
    environment's failure (raised as such), any other screen a product failure."""
    raise_unexpected_error_screen(page, expected=page_class)
    expect_screen(page, page_class)


def expect_logged_in(page: BasePage, patient: str) -> None:
    """An iIKP screen of the patient's account: the header shows the patient and offers „Wyloguj się”."""
    raise_unexpected_error_screen(page)
    expect_screen(page, LoggedInPage, subject="ekran po zalogowaniu")
    header, can_log_out = page.header_text(), page.can_log_out()
    expect("nagłówek ekranu", Words(f"„{patient}” i „Wyloguj się”"),
           Words(f"„{header}”" + ("" if can_log_out else " bez „Wyloguj się”")),
           holds=patient in header and can_log_out)


def expect_no_account(page, patient: str) -> None:
    """Nothing of the patient's account on the screen: no „Wyloguj się”, no name in a header."""
    expect("ekran", Words(f"bez konta „{patient}” i bez „Wyloguj się”"),
           Words(f"konto „{patient}” ({page.current_url()})"), holds=not page.shows_account_of(patient))

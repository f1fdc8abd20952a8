"""What a page object raises when the screen is not the one it serves: the error screens of instrukcja CeZ pkt 3,
a part of the environment that does not answer, and the screen's differences from what the scenario expects."""

from __future__ import annotations

from datetime import UTC, datetime


class EnvironmentFailure(Exception):
    """iIKP or the test PZ showed one of the error screens documented by CeZ (instrukcja CeZ pkt 3), or did not
    answer at all (NotAnswering).

    Not an AssertionError on purpose: Allure reports it as *broken* (environment), never as a
    product defect, and the retry policy may repeat the scenario from its start.
    """

    screen = "?"
    label = "?"
    # What was seen, after the label in the message; {screen} is the point of instrukcja CeZ.
    seen = "ekran błędu z instrukcji CeZ, pkt {screen}"

    def __init__(self, url: str, detail: str = ""):
        self.url = url
        self.at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
        self.detail = detail
        # One message per kind, the same for every scenario and run (the report groups failures by it);
        # the address and the time go to the scenario's attachments (harness.reporting).
        super().__init__(f"{self.label} ({self.seen.format(screen=self.screen)})")


class PzErrorScreen(EnvironmentFailure):
    """Instrukcja CeZ pkt 3.1: the test Profil Zaufany / WK error screen."""

    screen = "3.1"
    label = "Awaria środowiska: testowy Profil Zaufany"


class IkpErrorScreen(EnvironmentFailure):
    """Instrukcja CeZ pkt 3.2: the iIKP not-working screen."""

    screen = "3.2"
    label = "Awaria środowiska: iIKP"


class NotAnswering(EnvironmentFailure):
    """A page did not load within the browser's page-load timeout: the part of the environment that serves it
    does not answer. CeZ counts it with that part's error screen (instrukcja CeZ pkt 3.1: „chwilowo
    niedziałający testowy Profil Zaufany”; pkt 3.2: „inny błąd wydajnościowy środowiska”), and recovery is the
    same. A subclass names the part by its error screen (`part`): the point of instrukcja CeZ and the label
    come from there."""

    part: type[EnvironmentFailure] = EnvironmentFailure
    seen = "strona nie wczytała się w wyznaczonym czasie; instrukcja CeZ, pkt {screen}"

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.screen, cls.label = cls.part.screen, f"{cls.part.label} nie odpowiada"


class PzNotAnswering(NotAnswering):
    """The test PZ (or the login's way back to iIKP) did not answer."""

    part = PzErrorScreen


class IkpNotAnswering(NotAnswering):
    """An iIKP page did not answer."""

    part = IkpErrorScreen


class RefusedByIkp(AssertionError):
    """A wait ran out while the screen showed a refusal (a validation message or alert, role=alert).

    iIKP said why it did not do what the scenario expected, so this is a product failure or a data
    conflict (e.g. „Masz już aktywne uprawnienie…” left by an earlier run), never a suite error: an
    AssertionError, reported as failed, quoting the screen.
    """

    def __init__(self, messages: list[str], awaited: str):
        self.messages = list(messages)
        quoted = ", ".join(f"„{message}”" for message in self.messages)
        super().__init__(f"iIKP odrzuciło zapis: {quoted} (oczekiwano: {awaited})")


class FlowDiffers(AssertionError):
    """This iIKP arranges a flow otherwise than the scenario assumes (e.g. no open-ended consent, „Zamów
    ponownie” only for a fulfilled order): said at once, in Polish, instead of waiting for a control that
    this iIKP does not offer. A failure of the scenario on this environment, not of the suite."""

    def __init__(self, what: str):
        super().__init__(f"Inny przebieg na tym iIKP: {what}")


class ScreenTextMissing(AssertionError):
    """An expected text or control is not on the screen: a difference of wording (or a missing function),
    reported with the screen, what it offers of the same kind, and the overlay line that would map it.

    Its message begins with „Na ekranie nie ma” (the Allure category „Tekst ekranu inny niż oczekiwany”).
    """

    def __init__(self, what: str, expected: str, kind: str, candidates: list[str], h1: str, url: str,
                 kind_name: str = "", overlay: str = "", screen_text: bool = True, hint: str = ""):
        self.what, self.expected, self.kind, self.candidates = what, expected, kind, list(candidates)
        self.h1, self.url = h1, url
        self.overlay_line = f'"{expected}" = "…"' if expected and screen_text else ""
        offered = ", ".join(f"„{c}”" for c in self.candidates[:15]) or "(żadnych)"
        more = f" i {len(self.candidates) - 15} innych" if len(self.candidates) > 15 else ""
        lines = [f"Na ekranie nie ma: {what}.", f"Ekran: „{h1}” ({_path(url)}).",
                 f"Widoczne {kind_name or 'elementy'}: {offered}{more}."]
        if self.overlay_line:
            mapped = f" (nakładka {overlay} już go zamienia)" if overlay else ""
            lines.append(f"Jeśli to iIKP nazywa go inaczej, dopisz do nakładki tekstów (-D teksty=…){mapped}: "
                         f"{self.overlay_line}")
        elif hint:
            lines.append(hint)
        elif expected:
            lines.append(f"Jeśli to nazwa z danych, która na tym środowisku brzmi inaczej, dopisz do sekcji [nazwy] "
                         f"pliku kont: {expected} = …")
        super().__init__("\n".join(lines))


class AmbiguousQuery(AssertionError):
    """One element was looked for and several visible ones match: the suite does not pick the first."""

    def __init__(self, what: str, matches: list[str], h1: str, url: str):
        self.what, self.matches, self.h1, self.url = what, list(matches), h1, url
        listed = ", ".join(f"„{m}”" for m in self.matches) or "(bez tekstu)"
        super().__init__(f"Niejednoznaczne: {what} pasuje do {len(self.matches)} widocznych elementów: {listed}. "
                         f"Ekran: „{h1}” ({_path(url)}). Zestaw nie wybiera pierwszego z brzegu: "
                         f"obiekt strony musi wskazać jeden (np. w obrębie wiersza albo sekcji).")


def _path(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") if parts.scheme else url

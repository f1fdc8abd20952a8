"""make zwiad: a read-only reconnaissance of an iIKP that drafts the overlay of its screen texts.

    python -m tools.zwiad [-D key=value ...]     (make zwiad ARGS="-D target=iikp -D accounts=konta.ini")

The same configuration as a run (-D > IIKP_<KEY> > [behave.userdata] of behave.ini): target, addresses,
accounts, browser, timeout, the overlay `teksty` (the draft then adds what it still lacks). It logs in each
persona and opens every screen it can reach without changing anything: home, „Moje konto” and the
„Edytuj swoje dane” form (not saved), „Uprawnienia” and each step of the grant wizard (not saved), both
„Recepty” tabs and the order confirmation (left with „Wróć do recept”), a facility search with the choice
of person and the declaration's summary (not submitted), „Zobacz deklaracje”; then it logs out. A persona
whose terms are not accepted is only looked at on the terms screen (accepting would change the account).

For each screen it notes which expected texts of the vocabulary (pages/teksty_ekranow.toml) it found and
which not, with the screen's visible candidates of the same kind and a screenshot. A text that only some
data show (a status, a row's button) counts as missing only when the screen shows unknown texts of that
kind instead; otherwise it stays unverified. A missing text whose kind has exactly one unknown candidate on
the screen gets that candidate as its guess; with the guesses in place the walk is repeated (at most
MAX_PASSES times), so screens behind a reworded link or button are reached too.

Writes reports/zwiad/teksty.toml (a draft overlay: every expected text not found as a key, the guess as its
value or "" with a comment listing the candidates), reports/zwiad/raport.md (Polish, with the screenshots
in reports/zwiad/zrzuty/) and reports/zwiad/zwiad.json (the same for machines, with each screen's text).
Exit codes: 0 everything found, 1 something differs, 2 bad configuration, 3 the environment failed (an error
screen of instrukcja CeZ pkt 3, iIKP or PZ unreachable).
"""

from __future__ import annotations

import argparse
import configparser
import contextlib
import difflib
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harness.config import PROJECT_ROOT, Settings, load_settings
from harness.errors import EXIT_ENVIRONMENT, EXIT_USAGE, SuiteError
from harness.masking import mask_text
from pages import wording
from pages.base import BasePage, Site
from pages.candidates import FOR_ENTRY_KIND, candidates
from pages.errors import EnvironmentFailure

REPORT_DIR = PROJECT_ROOT / "reports" / "zwiad"
MAX_PASSES = 2
SIMILAR = 0.7  # a guess among several candidates needs this similarity („Lekarz POZ” ~ „Lekarz”: 0.75)
SEARCH_QUERY = "Warszawa"  # the facility search's query: a city every public register lists
THIRD_PERSON = ("Ewa Nowak", "15232045626")  # synthetic (harness.gherkin_types), typed on the wizard's step 2
EXIT_OK, EXIT_DIFFERS = 0, 1
# What pages.candidates leaves together or out: which of the buttons and links are links, and the options
# of the visible drop-down lists (their options have no box of their own until the list opens).
_LINKS_AND_OPTIONS = """
const squash = s => (s || '').replace(/\\s+/g, ' ').trim();
const shown = el => el.getClientRects().length > 0;
return [Array.from(document.querySelectorAll('a[href],[role=link],[role=tab]')).filter(shown)
          .map(el => squash(el.getAttribute('aria-label') || el.innerText)),
        Array.from(document.querySelectorAll('select')).filter(shown)
          .flatMap(select => Array.from(select.options).map(option => squash(option.textContent)))];
"""


# -- what each screen is expected to show ---------------------------------------------------------------------
@dataclass(frozen=True)
class ScreenSpec:
    """A screen of the walk: its Polish name, the texts it always shows, and those only some data show."""

    key: str
    name: str
    always: tuple[str, ...]
    maybe: tuple[str, ...] = ()


MENU = ("Wyloguj się", "Recepty", "Uprawnienia", "Moje konto")
CONSENT_KINDS = ("Upoważnienie do dostępu do dokumentacji medycznej", "Zgoda na udzielanie informacji o stanie zdrowia",
                 "Zgoda na udzielenie określonych świadczeń zdrowotnych",
                 "Odmowa zgody na udzielenie określonych świadczeń zdrowotnych")
SCREENS = {spec.key: spec for spec in (
    ScreenSpec("regulamin", "Regulamin (przed pierwszym zalogowaniem)",
               ("Warunki korzystania z serwisu pacjent.gov.pl", "Akceptuję warunki korzystania z serwisu", "Dalej",
                "Wyloguj się")),
    ScreenSpec("strona_glowna", "Strona główna", ("Strona główna", *MENU)),
    ScreenSpec("moje_konto", "Moje konto",
               ("Moje konto", "Edytuj swoje dane", "Imię i nazwisko", "Numer telefonu", "Adres e-mail",
                "Powiadomienia", "Twoja Podstawowa Opieka Zdrowotna (POZ)", "Wypełnij deklarację",
                "Zobacz deklaracje", "Lekarz POZ", "Pielęgniarka POZ", "Położna POZ")),
    ScreenSpec("edycja_danych", "Edytuj swoje dane (formularz, bez zapisu)",
               ("Edytuj swoje dane", "Numer telefonu", "Adres e-mail", "Powiadomienia", "SMS", "E-mail", "Zapisz")),
    ScreenSpec("uprawnienia", "Uprawnienia", ("Uprawnienia", "Dodaj uprawnienie"),
               ("Rodzaj", "Osoba", "Zakres", "Od", "Do", "Status", "Aktywne", "Wycofane", "Wycofaj", *CONSENT_KINDS)),
    ScreenSpec("kreator_1", "Dodaj uprawnienie, krok 1: rodzaj", ("Dodaj uprawnienie", *CONSENT_KINDS, "Dalej")),
    ScreenSpec("kreator_2", "Dodaj uprawnienie, krok 2: osoba",
               ("Dodaj uprawnienie", "Imię i nazwisko osoby", "PESEL osoby", "Dalej")),
    ScreenSpec("kreator_3", "Dodaj uprawnienie, krok 3: zakres i daty (bez zapisu)",
               ("Dodaj uprawnienie", "Pełny zakres", "Obowiązuje od", "Obowiązuje do", "Zapisz")),
    ScreenSpec("kreator_2_swiadczenia", "Dodaj uprawnienie, krok 2: świadczenia",
               ("Dodaj uprawnienie", "Opis świadczeń", "Dalej")),
    ScreenSpec("moje_recepty", "Recepty > Moje recepty",
               ("Recepty", "Moje recepty", "Zamówione recepty", "Zamów receptę")),
    ScreenSpec("potwierdzenie", "Potwierdzenie zamówienia (opuszczone bez zamawiania)",
               ("Potwierdź zamówienie", "Potwierdź", "Wróć do recept")),
    ScreenSpec("odmowa_zamowienia", "Recepty > Moje recepty: odmowa zamówienia", ("Recepty", "Moje recepty"),
               ("deklaracj", "nie może zostać zrealizowane")),
    ScreenSpec("zamowione_recepty", "Recepty > Zamówione recepty", ("Recepty", "Moje recepty", "Zamówione recepty"),
               ("Lekarz", "Status", "Komentarz lekarza", "Złożone", "W realizacji", "Zrealizowane", "Odrzucone",
                "Anulowane", "Anuluj zamówienie", "Zamów ponownie")),
    ScreenSpec("wyszukiwanie_placowki", "Deklaracja POZ, krok 1: wyszukiwanie placówki",
               ("Deklaracja wyboru lekarza POZ", "Miejscowość lub nazwa placówki", "Szukaj")),
    ScreenSpec("wybor_osoby", "Deklaracja POZ, krok 2: osoba i powód",
               ("Deklaracja wyboru lekarza POZ", "Powód zmiany", "Brak szczególnego powodu", "Dalej")),
    ScreenSpec("podsumowanie_deklaracji", "Deklaracja POZ, krok 3: podsumowanie (bez złożenia)",
               ("Potwierdź deklarację", "wybór w", "Ten wybór jest", "Rola", "Złóż deklarację")),
    ScreenSpec("deklaracje", "Zobacz deklaracje", ("Twoje deklaracje POZ",),
               ("Rola", "Placówka", "Osoba", "Data złożenia", "Wybór w roku", "Opłata", "Status", "Uwagi",
                "Złożona", "Zaakceptowana", "Odrzucona", "Zakończona", "lekarz", "pielęgniarka", "położna")),
)}
# Kinds whose texts stand inside longer texts on screen („Status: Złożone”, „Lekarz: …”): found as a phrase.
PHRASE_KINDS = ("status", "komunikat", "tekst", "etykieta wartości")


# -- what was seen --------------------------------------------------------------------------------------------
@dataclass
class Seen:
    """One screen as the walk saw it."""

    persona: str
    spec: ScreenSpec
    h1: str = ""
    url: str = ""
    screenshot: str = ""
    found: list[str] = field(default_factory=list)
    missing: dict[str, list[str]] = field(default_factory=dict)  # expected text -> candidates of its kind
    unverified: list[str] = field(default_factory=list)
    note: str = ""  # what went wrong on the way here, if anything
    reached: bool = True  # False: the way here failed before the screen changed (nothing to judge)
    text: str = ""  # everything the screen showed (zwiad.json: what was there to find)


@dataclass
class Walk:
    """Everything one pass saw, and the guesses it made: {expected text: shown text}."""

    screens: list[Seen] = field(default_factory=list)
    guesses: dict[str, str] = field(default_factory=dict)
    environment_failure: str = ""


def _phrase(text: str, within: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(text) + r"(?!\w)", within) is not None


class Recorder:
    """Notes screens: found and missing texts, candidates, screenshots; guesses what a missing text became."""

    def __init__(self, site: Site, vocabulary: dict, overlay: dict[str, str], folder: Path, walk: Walk):
        self.site, self.vocabulary, self.overlay, self.folder, self.walk = site, vocabulary, overlay, folder, walk
        self.persona = ""

    def shown(self, expected: str) -> str:
        return self.overlay.get(expected, expected)

    def record(self, key: str, note: str = "", values: Callable[[], dict[str, list[str]]] | None = None,
               reached: bool = True) -> Seen:
        """Note the screen the browser shows as `key`; `values`: the texts of a kind the page object reads there
        (statuses, roles, messages), which are the candidates of that kind. Not `reached`: the way there failed
        on the screen before; only the note is kept."""
        spec = SCREENS[key]
        driver = self.site.driver
        seen = Seen(self.persona, spec, note=note, reached=reached)
        if not reached:
            self.walk.screens.append(seen)
            return seen
        try:
            offered = candidates(driver)
            links, options = driver.execute_script(_LINKS_AND_OPTIONS)
            offered["odnosniki"] = [text for text in links if text]
            offered["etykiety"] = offered.get("etykiety", []) + [text for text in options if text]
            offered["komunikaty"] = BasePage(self.site).probe().alerts
            read = {}
            if values:
                with contextlib.suppress(Exception):  # nothing of that kind on the screen: no such candidates
                    read = values()
            seen.url = driver.current_url
            seen.text = mask_text(driver.execute_script("return document.body ? document.body.innerText : ''"))
            seen.h1 = next(iter(offered.get("naglowki", [])), "")
            name = f"{len(self.walk.screens) + 1:02d}-{_slug(self.persona)}-{key}.png"
            if driver.save_screenshot(str(self.folder / name)):
                seen.screenshot = name
        except EnvironmentFailure:
            raise
        except Exception as error:  # a browser that went away: the screen is noted as not seen
            seen.note = (note + "; " if note else "") + f"ekranu nie udało się odczytać: {type(error).__name__}"
            self.walk.screens.append(seen)
            return seen
        known = {kind: {self.shown(t) for t, e in self.vocabulary.items() if FOR_ENTRY_KIND.get(e.kind) == kind}
                 for kind in set(FOR_ENTRY_KIND.values())}
        every = {text for texts in offered.values() for text in texts} | {t for ts in read.values() for t in ts}
        expected_here = (*spec.always, *spec.maybe)
        # texts this screen is expected to show anyway (its title, the menu) are never what another text became
        here = {self.shown(text) for text in (*expected_here, *MENU)}
        seen.found = [t for t in expected_here if self._shows(self.vocabulary[t].kind, self.shown(t), every, offered)]
        # a message that holds a found fragment („deklaracj”) is that text's, not a candidate of another
        explained = [self.shown(t) for t in seen.found if self.vocabulary[t].kind == "komunikat"]
        for expected in expected_here:
            if expected in seen.found:
                continue
            entry = self.vocabulary[expected]
            same_kind = known.get(FOR_ENTRY_KIND.get(entry.kind, "teksty"), set()) | here
            unknown = [c for c in self._pool(entry.kind, offered, read)
                       if c not in same_kind and not _labelled(c, set().union(*known.values()))
                       and not (entry.kind == "komunikat" and any(t.casefold() in c.casefold() for t in explained))]
            if expected in spec.maybe and not unknown:
                seen.unverified.append(expected)
                continue
            seen.missing[expected] = unknown
        self._guess(seen)
        self.walk.screens.append(seen)
        return seen

    @staticmethod
    def _shows(kind: str, text: str, every: set[str], offered: dict[str, list[str]]) -> bool:
        if text in every:
            return True
        if kind == "komunikat":  # a fragment of a message, in any case (pages/teksty_ekranow.toml)
            return any(text.casefold() in shown.casefold() for shown in offered["komunikaty"] + offered["teksty"])
        return kind in PHRASE_KINDS and any(_phrase(text, shown) for shown in offered["teksty"])

    @staticmethod
    def _pool(kind: str, offered: dict[str, list[str]], read: dict[str, list[str]]) -> list[str]:
        """What the screen shows of this kind: where a missing text of the kind may have gone."""
        if kind in read:
            return read[kind]
        if kind in ("status", "tekst"):
            return []  # only the page object knows which cells are statuses or roles
        if kind == "komunikat":
            return offered["komunikaty"]
        if kind in ("odnośnik", "zakładka"):
            return [text for text in offered["przyciski"] if text in offered["odnosniki"]]
        if kind == "przycisk":
            return [text for text in offered["przyciski"] if text not in offered["odnosniki"]]
        return offered.get(FOR_ENTRY_KIND.get(kind, "teksty"), [])

    def _guess(self, seen: Seen) -> None:
        """Pair missing texts with candidates: the only one of its kind, or the clearly most similar one."""
        pairs = []
        for expected, offered in seen.missing.items():
            if expected in self.walk.guesses or not offered:
                continue
            shared = any(set(offered) & set(theirs) for other, theirs in seen.missing.items() if other != expected)
            if len(offered) == 1 and not shared:
                pairs.append((2.0, expected, offered[0]))
                continue
            scores = sorted(((_similar(expected, c), c) for c in offered), reverse=True)
            best = scores[0]
            if best[0] >= SIMILAR and (len(scores) == 1 or best[0] - scores[1][0] >= 0.15):
                pairs.append((best[0], expected, best[1]))
        taken = set(self.walk.guesses.values())
        for _, expected, candidate in sorted(pairs, reverse=True):
            if candidate not in taken and expected not in self.walk.guesses:
                self.walk.guesses[expected] = candidate
                taken.add(candidate)


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.casefold(), b.casefold()).ratio()


def _labelled(text: str, known: set[str]) -> bool:
    """A value line such as „Status: Złożone” or „Lekarz: …” whose label is known is not a candidate of its own."""
    label = text.split(":", 1)[0].strip()
    return ":" in text and label in known


def _slug(text: str) -> str:
    table = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
    return re.sub(r"[^a-zA-Z0-9]+", "-", text.translate(table)).strip("-").lower() or "ekran"


# -- the walk -------------------------------------------------------------------------------------------------
class Step:
    """Runs one step of the walk; a failure is noted on the screen it left the browser on, and the walk goes on."""

    def __init__(self, recorder: Recorder):
        self.recorder = recorder

    def __call__(self, key: str, action: Callable[[], object],
                 values: Callable[[object], dict[str, list[str]]] | None = None,
                 key_of: Callable[[object], str] | None = None):
        """Do `action` and note the screen as `key` (or as `key_of(page)` when the page tells which it is)."""
        before = self._where()
        try:
            page = action()
        except EnvironmentFailure:
            raise
        except Exception as error:  # a text or control that is not there: noted, the walk goes on
            first = (str(error).strip().splitlines() or [type(error).__name__])[0]
            note = mask_text(f"{type(error).__name__}: {first}")[:400]
            self.recorder.record(key, note=note, reached=self._where() != before)
            return None
        self.recorder.record(key_of(page) if key_of else key, values=(lambda: values(page)) if values else None)
        return page

    def _where(self) -> tuple[str, str]:
        """The screen's address and h1 now: whether a failed step still left the browser where it was."""
        try:
            screen = BasePage(self.recorder.site).probe()
        except EnvironmentFailure:
            raise
        except Exception:
            return ("", "")
        return (screen.url, screen.h1)


def walk_persona(site: Site, name: str, pesel: str, recorder: Recorder) -> None:
    """Log in, look at every screen reachable without changing anything, log out."""
    from pages.components.header import LoggedInPage
    from pages.consent_form import ConsentWizardPage
    from pages.declaration_form import DOCTOR, NO_REASON
    from pages.home import HomePage
    from pages.locators import Query, label, role
    from pages.orders import OrderConfirmationPage, OrdersPage
    from pages.pz_login import PzLoginPage
    from pages.terms import TermsPage

    recorder.persona = name
    step = Step(recorder)
    anywhere = LoggedInPage(site)
    landing = PzLoginPage.start_login(site).log_in(pesel)
    try:
        if isinstance(landing, TermsPage):  # accepting the terms would change the account: look and leave
            recorder.record("regulamin")
            return
        step("strona_glowna", lambda: HomePage(site).arrive())
        account = step("moje_konto", anywhere.my_account)
        if account:
            step("edycja_danych", account.edit_contact_data)
        consents = step("uprawnienia", anywhere.consents,
                        lambda page: _columns(page, {"status": "Status", "etykieta": "Rodzaj"}))
        for kind, second in ((CONSENT_KINDS[0], "kreator_2"), (CONSENT_KINDS[2], "kreator_2_swiadczenia")):
            if consents is None:
                break
            wizard = step("kreator_1", consents.add_consent) if second == "kreator_2" else _quiet(consents.add_consent)
            if wizard is None:
                break
            if _next_step(step, wizard, second, lambda w=wizard, k=kind: w.set_checked(label(k), True, k)) \
                    and second == "kreator_2":
                _next_step(step, wizard, "kreator_3", lambda w=wizard: (
                    w.fill(ConsentWizardPage.PERSON_NAME, THIRD_PERSON[0], "pole „Imię i nazwisko osoby”"),
                    w.fill(ConsentWizardPage.PERSON_PESEL, THIRD_PERSON[1], "pole „PESEL osoby”")))
            consents = _quiet(anywhere.consents)  # nothing saved
        prescriptions = step("moje_recepty", anywhere.prescriptions)
        orderable = (_quiet(prescriptions.orderable_medicines) or []) if prescriptions else []
        if orderable:
            answer = step("potwierdzenie", lambda: prescriptions.start_order(orderable[:1]),
                          key_of=lambda page: "potwierdzenie" if isinstance(page, OrderConfirmationPage)
                          else "odmowa_zamowienia")  # refused: the list says why
            if isinstance(answer, OrderConfirmationPage):
                _quiet(answer.back)  # „Wróć do recept”: nothing ordered
        recipes = _quiet(anywhere.prescriptions)
        if recipes:
            step("zamowione_recepty", lambda: recipes.tab(OrdersPage),
                 lambda page: {"status": [row["status"] or "" for row in page.read(Query.each(
                     OrdersPage.ORDERS, {"status": Query.value_of(OrdersPage.STATUS_LABEL)}))]})
        account = _quiet(anywhere.my_account)
        search = step("wyszukiwanie_placowki", lambda: account.start_declaration(DOCTOR).search(SEARCH_QUERY)) \
            if account else None
        found = (_quiet(search.facilities) or []) if search else []
        if found:
            names = search.read(Query.names(role("link"))) or []
            facility = next((n for n in names if n and n in found[0]), None)
            person_page = step("wybor_osoby", lambda: search.choose(facility)) if facility else None
            people = (_quiet(lambda: person_page.read(Query.names(role("radio")))) or []) if person_page else []
            if people:  # the summary before „Złóż deklarację”, never submitted
                step("podsumowanie_deklaracji", lambda: person_page.choose(people[0], NO_REASON))
        account = _quiet(anywhere.my_account)
        if account:
            step("deklaracje", account.see_declarations,
                 lambda page: _columns(page, {"status": "Status", "tekst": "Rola"}))
    finally:
        _log_out(site)


def _columns(page, columns: dict[str, str]) -> dict[str, list[str]]:
    """{kind: the cells of that column} of the page's table, as shown (unknown statuses included)."""
    from pages.locators import Query

    rows = page.read(Query.table())
    return {kind: [row["cells"].get(header, "") for row in rows] for kind, header in columns.items()}


def _next_step(step: Step, wizard, key: str, fill: Callable[[], object]):
    """Answer a wizard step and press „Dalej”; the wizard's page object once the next step is shown."""
    from pages.consent_form import ConsentWizardPage

    def go():
        fill()
        wizard.wait_for(wizard.is_here, "następny krok kreatora",
                        after=wizard.click(ConsentWizardPage.NEXT, "przycisk „Dalej”"))
        return wizard

    return step(key, go)


def _quiet(service: Callable[[], object]):
    """A move that is not a screen of its own (back to a list): its page, or None when it fails."""
    try:
        return service()
    except EnvironmentFailure:
        raise
    except Exception:
        return None


def _log_out(site: Site) -> None:
    """„Wyloguj się” (instrukcja CeZ pkt 2.3), whatever screen the walk ended on."""
    from pages.components.header import LoggedInPage

    with contextlib.suppress(EnvironmentFailure, Exception):
        page = LoggedInPage(site)
        if page.can_log_out():
            page.logout()


# -- configuration, environment and the passes ----------------------------------------------------------------
def _arguments(argv: list[str]) -> tuple[Settings, Path]:
    """The run's settings and the folder of the reports."""
    parser = argparse.ArgumentParser(prog="make zwiad", add_help=True,
                                     description="Rozpoznanie iIKP tylko do odczytu; szkic nakładki tekstów.")
    parser.add_argument("-D", "--define", action="append", default=[], metavar="KLUCZ=WARTOŚĆ")
    parser.add_argument("--katalog", type=Path, default=REPORT_DIR,
                        help=f"gdzie zapisać wyniki (domyślnie {REPORT_DIR})")
    args, rest = parser.parse_known_args(argv)
    if rest:
        raise SuiteError(f"Nieznane argumenty: {' '.join(rest)}. make zwiad przyjmuje tylko -D klucz=wartość, "
                         "np. ARGS=\"-D target=iikp -D accounts=konta.ini\".")
    defines = {}
    for define in args.define:
        key, sep, value = define.partition("=")
        if not sep:
            raise SuiteError(f"Błędne -D {define}: podaj klucz=wartość, np. -D target=iikp.")
        defines[key.strip()] = value
    ini_parser = configparser.ConfigParser()
    ini_parser.read(PROJECT_ROOT / "behave.ini", encoding="utf-8")
    ini = dict(ini_parser["behave.userdata"]) if ini_parser.has_section("behave.userdata") else {}
    defines.pop("screenshots", None)
    return load_settings(ini, defines), args.katalog


def _overlay(settings: Settings, vocabulary: dict) -> dict[str, str]:
    path = getattr(settings, "teksty", "")
    return wording.parse_overlay(Path(path), vocabulary) if path else {}


@contextlib.contextmanager
def _environment(settings: Settings):
    """(ikp_url, pz_url, [(persona name, pesel)]) of the target; a simulator of our own when none is given."""
    from harness import preflight
    from harness.personas import load_accounts
    from harness.simulator import AdminClient, reach_simulator

    if not settings.uses_simulator:
        preflight.check(settings.base_url, settings.pz_url, settings.preflight_timeout)
        accounts = load_accounts(settings.accounts_path)
        yield settings.base_url, settings.pz_url, [(name, p.pesel) for name, p in accounts.items()]
        return
    process, ikp_url, pz_url, token = reach_simulator(settings)
    try:
        patients = AdminClient(ikp_url, token).patients()  # read only: who the built-in personas are
        yield ikp_url, pz_url, [(f"{p['first_name']} {p['last_name']}", p["pesel"]) for p in patients]
    finally:
        if process:
            process.stop()


def run_pass(settings: Settings, ikp_url: str, pz_url: str, personas, vocabulary: dict, overlay: dict[str, str],
             folder: Path) -> Walk:
    """One walk of every persona with this overlay (the user's, plus the guesses of earlier passes)."""
    from harness.browser import new_browser, quit_browser
    from harness.leases import Leases

    walk = Walk()
    previous = wording.install(wording.Wording(dict(overlay), "zwiad"))
    leases = Leases(settings.lease_timeout, environment=ikp_url)
    try:
        for name, pesel in personas:
            driver = new_browser(settings)
            try:
                leases.acquire(pesel, name)  # instrukcja CeZ pkt 1: one person per account at a time
                site = Site(driver, ikp_url, pz_url, settings.timeout)
                walk_persona(site, name, pesel, Recorder(site, vocabulary, overlay, folder, walk))
            except EnvironmentFailure as failure:
                walk.environment_failure = str(failure)
                break
            finally:
                leases.release_all()
                quit_browser(driver)
    finally:
        wording.install(previous)
    return walk


# -- what is written ------------------------------------------------------------------------------------------
def summarise(walk: Walk) -> tuple[dict[str, list[Seen]], list[str]]:
    """({differing text: its screens}, texts found as expected). A text differs when it was found only as a
    guess of this reconnaissance, or on no screen at all; one found as expected on any screen is found."""
    found = {text for seen in walk.screens for text in seen.found if text not in walk.guesses}
    differs: dict[str, list[Seen]] = {}
    for seen in walk.screens:
        for text in [*seen.missing, *(t for t in seen.found if t in walk.guesses)]:
            if text not in found:
                differs.setdefault(text, []).append(seen)
    return differs, sorted(found)


def draft(walk: Walk, user_overlay: dict[str, str]) -> str:
    """The draft overlay: the user's own lines, then every missing text with its guess or "" and the candidates."""
    missing, _ = summarise(walk)
    lines = ["# Szkic nakładki tekstów ekranów z rozpoznania iIKP (make zwiad); raport: reports/zwiad/raport.md.",
             "# Sprawdź każdą linię na zrzutach ekranu, uzupełnij puste wartości i użyj: -D teksty=ŚCIEŻKA.", "",
             "[teksty]"]
    for expected, shown in user_overlay.items():
        lines.append(f"{_toml(expected)} = {_toml(shown)}  # z podanej nakładki")
    for expected, screens in missing.items():
        offered = []
        for seen in screens:
            offered += [c for c in seen.missing.get(expected, []) if c not in offered]
        where = ", ".join(sorted({f"„{seen.spec.name}” ({seen.persona})" for seen in screens}))
        guess = walk.guesses.get(expected, "")
        lines.append(f"# {'zamiast niego' if guess else 'nie znaleziono'} na: {where}")
        if not guess:
            listed = ", ".join(f"„{c}”" for c in offered[:12]) or "brak kandydatów tego rodzaju"
            lines.append(f"# kandydaci: {listed}")
        lines.append(f"{_toml(expected)} = {_toml(guess)}")
    return "\n".join(lines) + "\n"


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def report(walk: Walk, settings: Settings, ikp_url: str, passes: int) -> str:
    """The readable Polish report (Markdown) with the screenshots."""
    missing, found = summarise(walk)
    out = ["# Rozpoznanie iIKP (make zwiad)", "",
           f"Środowisko: {ikp_url} (cel: {settings.target}); ekranów: {len(walk.screens)}; przejść: {passes}.",
           f"Znalezione teksty: {len(found)}; nieznalezione: {len(missing)} (szkic nakładki: teksty.toml).", ""]
    if walk.environment_failure:
        out += [f"**Awaria środowiska:** {walk.environment_failure}", ""]
    if missing:
        out += ["## Teksty do sprawdzenia", "", "| oczekiwany tekst | propozycja | ekrany |", "|---|---|---|"]
        for expected, screens in missing.items():
            where = "; ".join(sorted({seen.spec.name for seen in screens}))
            out.append(f"| „{expected}” | {('„' + walk.guesses[expected] + '”') if expected in walk.guesses else '—'}"
                       f" | {where} |")
        out.append("")
    out += ["## Ekrany", ""]
    for seen in walk.screens:
        out += [f"### {seen.spec.name} — {seen.persona}", ""]
        if not seen.reached:
            out += [f"Nie osiągnięto (teksty tego ekranu nie zostały sprawdzone): {seen.note}", ""]
            continue
        out.append(f"Adres: `{seen.url}`; nagłówek: „{seen.h1}”." if seen.url else "Ekranu nie odczytano.")
        if seen.note:
            out.append(f"Uwaga: {seen.note}")
        out.append("")
        if seen.found:
            out.append("Znalezione: " + ", ".join(
                f"„{t}” (jako „{walk.guesses[t]}”, do sprawdzenia)" if t in walk.guesses else f"„{t}”"
                for t in seen.found) + ".")
        for text, offered in seen.missing.items():
            listed = ", ".join(f"„{c}”" for c in offered) or "brak kandydatów tego rodzaju"
            out.append(f"- **Brak „{text}”**; na ekranie zamiast tego: {listed}.")
        if seen.unverified:
            out.append("Nie do sprawdzenia na tych danych: " + ", ".join(f"„{t}”" for t in seen.unverified) + ".")
        if seen.screenshot:
            out += ["", f"![{seen.spec.name}](zrzuty/{seen.screenshot})"]
        out.append("")
    return mask_text("\n".join(out)) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Walk, draft, report; return the exit code."""
    from harness.browser import check_setup

    try:
        settings, folder = _arguments(sys.argv[1:] if argv is None else argv)
        check_setup(settings)
        vocabulary = wording.load_vocabulary()
        user_overlay = _overlay(settings, vocabulary)
    except (SuiteError, wording.WordingError) as error:
        print(str(error), file=sys.stderr)
        return EXIT_USAGE
    (folder / "zrzuty").mkdir(parents=True, exist_ok=True)  # only our own files in it are replaced
    try:
        with _environment(settings) as (ikp_url, pz_url, personas):
            overlay, passes, walk = dict(user_overlay), 0, Walk()
            while passes < MAX_PASSES:
                passes += 1
                for old in (folder / "zrzuty").glob("*.png"):
                    old.unlink()
                walk = run_pass(settings, ikp_url, pz_url, personas, vocabulary, overlay, folder / "zrzuty")
                new = {k: v for k, v in walk.guesses.items() if k not in overlay}
                if walk.environment_failure or not new:
                    break
                overlay.update(new)
                print(f"Zwiad: przejście {passes} odgadło {len(new)} tekstów; idę jeszcze raz z nimi.", flush=True)
            walk.guesses = {**{k: v for k, v in overlay.items() if k not in user_overlay}, **walk.guesses}
    except EnvironmentFailure as failure:
        print(str(failure), file=sys.stderr)
        return EXIT_ENVIRONMENT
    except SuiteError as error:
        print(str(error), file=sys.stderr)
        return error.exit_code
    (folder / "teksty.toml").write_text(draft(walk, user_overlay), encoding="utf-8")
    (folder / "raport.md").write_text(report(walk, settings, ikp_url, passes), encoding="utf-8")
    missing, found = summarise(walk)
    (folder / "zwiad.json").write_text(json.dumps({
        "listed": list(missing), "found": found, "guesses": walk.guesses, "passes": passes,
        "screens": [{"persona": seen.persona, "screen": seen.spec.key, "name": seen.spec.name, "url": seen.url,
                     "h1": seen.h1, "found": seen.found, "missing": seen.missing, "unverified": seen.unverified,
                     "note": seen.note, "reached": seen.reached, "text": seen.text} for seen in walk.screens]},
        ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"Zwiad: {len(walk.screens)} ekranów, {len(found)} tekstów znalezionych, {len(missing)} nieznalezionych. "
          f"Szkic nakładki: {folder / 'teksty.toml'}; raport: {folder / 'raport.md'}.")
    if walk.environment_failure:
        print(walk.environment_failure, file=sys.stderr)
        return EXIT_ENVIRONMENT
    return EXIT_DIFFERS if missing else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

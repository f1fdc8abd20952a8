"""The analyst's check of one feature file: every step binds to a sentence of docs/kroki.md, no browser needed.

Usage: python -m tools.sprawdz features/x.feature   (make sprawdz PLIK=features/x.feature)
Exit 0: every step is a catalogue sentence; 2: some are not (each with a Polish hint), or the file is
missing or does not parse. Nothing is written anywhere: no browser, no simulator, no reports/.
behave's step registry is global: run this in a process of its own (as make and the tests do).
"""

from __future__ import annotations

import difflib
import itertools
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from behave.parser import ParserError, parse_file
from behave.runner_util import load_step_modules
from behave.step_registry import registry

from harness import gherkin_types
from harness.config import PROJECT_ROOT
from simulator import baseline

EXIT_OK, EXIT_UNDEFINED = 0, 2
KEYWORDS = {"given": "Zakładając, że", "when": "Gdy", "then": "Wtedy", "step": "*"}
_FIELD = re.compile(r"\{(\w+)(?::(\w+))?\}")
_WORD = re.compile(r"\w+")
# parse's own types: the text they take
BUILTIN_PATTERNS = {"d": r"-?\d+", "w": r"\w+", "S": r"\S+", "f": r"-?\d+(?:\.\d+)?"}
BUILTIN_WORDS = {"d": "liczba całkowita, np. 7", "w": "jedno słowo", "S": "tekst bez spacji", "f": "liczba"}
SUGGESTIONS = 3


@dataclass
class Sentence:
    """One catalogue sentence: behave's matcher and what its parameters take."""

    keyword: str
    pattern: str
    matcher: object
    # "f" or "m" when the catalogue has this sentence in a feminine and a masculine form (zamówiła / zamówił)
    gender: str | None = None

    def fields(self) -> list[tuple[str, str | None]]:
        return _FIELD.findall(self.pattern)

    def type_pattern(self, type_name: str | None) -> str:
        if not type_name:
            return r".+?"
        if type_name in BUILTIN_PATTERNS:
            return BUILTIN_PATTERNS[type_name]
        return getattr(self.matcher.TYPE_REGISTRY[type_name], "pattern", r".+?")

    def allowed(self, type_name: str | None) -> str:
        if not type_name:
            return "dowolny tekst"
        if type_name in BUILTIN_WORDS:
            return BUILTIN_WORDS[type_name]
        return getattr(self.matcher.TYPE_REGISTRY[type_name], "allowed", "")

    def choices(self, type_name: str | None) -> list[str] | None:
        """The closed list of values a parameter takes, or None when it takes free text or a pattern."""
        if not type_name or type_name in BUILTIN_PATTERNS:
            return None
        items = self.type_pattern(type_name).split("|")
        if any(re.search(r"(?<!\\)[\[\](){}*+?^$.]", item) for item in items):
            return None
        return [re.sub(r"\\(.)", r"\1", item) for item in items]

    def loose(self, written: str) -> dict[str, str] | None:
        """Which values the analyst put where: each parameter takes its own kind of text if it can, else any
        text; the reading with the most parameters of their own kind wins. None: the words around differ."""
        fields = self.fields()
        for typed in sorted(itertools.product((True, False), repeat=len(fields)), key=lambda t: -sum(t)):
            parts, last = [], 0
            for (name, type_name), own, match in zip(fields, typed, _FIELD.finditer(self.pattern), strict=True):
                taken = f"(?:{self.type_pattern(type_name)})" if own else ".+?"
                parts += [re.escape(self.pattern[last:match.start()]), f"(?P<{name}>{taken})"]
                last = match.end()
            parts.append(re.escape(self.pattern[last:]))
            found = re.fullmatch("".join(parts), written)
            if found:
                return found.groupdict()
        return None

    def filled(self, values: dict[str, str]) -> str:
        return _FIELD.sub(lambda m: values.get(m.group(1), "{" + m.group(1) + "}"), self.pattern)


@dataclass
class Hint:
    sentence: Sentence
    text: str  # the sentence filled with the analyst's values where they fit
    score: float
    wrong_values: list[tuple[str, str, str, list[str] | None]]  # (parameter, value, allowed, closed list)
    person: str | None = None  # the patient the analyst named, where the sentence has one


def load_sentences() -> list[Sentence]:
    gherkin_types.register()
    load_step_modules([str(PROJECT_ROOT / "features" / "steps")])
    sentences = [Sentence(keyword, matcher.pattern, matcher)
                 for keyword in KEYWORDS for matcher in registry.steps.get(keyword, [])]
    _mark_gender_pairs(sentences)
    return sentences


def _mark_gender_pairs(sentences: list[Sentence]) -> None:
    """Two sentences that differ in one word only, one of them ending in „a”: the feminine and masculine form."""
    for one in sentences:
        for other in sentences:
            a, b = one.pattern.split(" "), other.pattern.split(" ")
            if one is other or one.keyword != other.keyword or len(a) != len(b):
                continue
            differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
            if len(differing) == 1 and differing[0][0].endswith("a") != differing[0][1].endswith("a"):
                one.gender = "f" if differing[0][0].endswith("a") else "m"


def _gender_of(person: str | None) -> str | None:
    """A Polish first name ending in „a” is a woman's (Anna, Maria); None when no person is known."""
    return None if not person else ("f" if person.split()[0].endswith("a") else "m")


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]


def _similarity(written: str, candidate: str) -> float:
    """Words in common (in any order) and the same characters in the same order, both 0..1."""
    a, b = _words(written), _words(candidate)
    common = sum(min(a.count(word), b.count(word)) for word in set(a))
    dice = 2 * common / (len(a) + len(b)) if a or b else 0.0
    return 0.6 * dice + 0.4 * difflib.SequenceMatcher(None, written.casefold(), candidate.casefold()).ratio()


def _values_found(sentence: Sentence, written: str) -> dict[str, str]:
    """Values of the written step that fit the sentence's parameters, in order (for a reordered sentence)."""
    values, taken = {}, []
    # the sentence's own quoted words (a screen's name, „Uprawnienia”) are not the analyst's values
    fixed = {f"„{text}”" for text in re.findall(r"„([^„”{}]+)”", sentence.pattern)}
    for name, type_name in sentence.fields():
        quoted = re.search(r"„\{" + name + r"(?::\w+)?\}”", sentence.pattern) is not None
        core = sentence.type_pattern(type_name) if type_name != "Tekst" else r"[^„”]+"
        regex = re.compile(f"„(?:{core})”" if quoted else rf"(?<!\w)(?:{core})(?!\w)")
        for match in regex.finditer(written):
            if match.group() in fixed:
                continue
            if not any(start < match.end() and match.start() < end for start, end in taken) and match.group():
                taken.append(match.span())
                values[name] = match.group()[1:-1] if quoted else match.group()
                break
    return values


def hint_for(sentence: Sentence, written: str) -> Hint:
    loose = sentence.loose(written)
    if loose is None:
        values = _values_found(sentence, written)
        text = sentence.filled(values)
        return Hint(sentence, text, _similarity(written, text), [], _person(sentence, values))
    values, wrong = dict(loose), []
    for name, type_name in sentence.fields():
        value = values[name]
        if re.fullmatch(sentence.type_pattern(type_name), value):
            continue
        choices = sentence.choices(type_name)
        wrong.append((name, value, sentence.allowed(type_name), choices))
        if choices:
            values[name] = difflib.get_close_matches(value, choices, n=1, cutoff=0)[0]
        else:
            del values[name]
    text = sentence.filled(values)
    # the same sentence with another value scores above any other sentence
    return Hint(sentence, text, 1.0 + _similarity(written, text), wrong, _person(sentence, values))


def _person(sentence: Sentence, values: dict[str, str]) -> str | None:
    return next((values[name] for name, type_name in sentence.fields() if type_name == "Osoba" and name in values),
                None)


def hints(sentences: list[Sentence], written: str) -> list[Hint]:
    """The closest sentences; of a feminine/masculine pair only the form that fits the named patient."""
    ranked = sorted((hint_for(sentence, written) for sentence in sentences), key=lambda h: -h.score)
    best, seen, paired = [], set(), set()
    for hint in ranked:
        gender, pair = hint.sentence.gender, _pair_key(hint.sentence)
        wanted = _gender_of(hint.person)
        if gender and ((wanted and gender != wanted) or pair in paired):
            continue
        if hint.text not in seen:
            seen.add(hint.text)
            paired.add(pair)
            best.append(hint)
    return best[:SUGGESTIONS]


def _pair_key(sentence: Sentence) -> tuple[str, ...]:
    """The same for both forms of a feminine/masculine pair: the pattern without its gendered word."""
    return (sentence.keyword, *(word.rstrip("a") for word in sentence.pattern.split(" ")))


def _report_undefined(path: str, step, sentences: list[Sentence]) -> list[str]:
    found = hints(sentences, step.name)
    out = [f"{path}:{step.line}: tego zdania nie ma w katalogu kroków (docs/kroki.md):",
           f"    {step.keyword.strip()} {step.name}"]
    same_words = [s for s in sentences if s.matcher.match(step.name)]
    if same_words:
        keywords = " albo ".join(f"„{KEYWORDS[s.keyword]}”" for s in same_words)
        out.append(f"  To zdanie jest w katalogu, ale po {keywords}, a tu stoi po „{step.keyword.strip()}” "
                   "(„I” przejmuje słowo z wiersza wyżej).")
    for name, value, allowed, choices in found[0].wrong_values if found else []:
        if choices:
            listed = ", ".join(f"„{choice}”" for choice in choices)
            out.append(f"  Wartość „{value}” parametru `{name}` jest spoza listy. Dozwolone: {listed}.")
        else:
            out.append(f"  Wartość „{value}” nie pasuje do parametru `{name}`: {allowed}.")
    out.append("  Najbliższe zdania z katalogu:")
    out += [f"    {number}. {KEYWORDS[hint.sentence.keyword]} {hint.text}"
            for number, hint in enumerate(found, start=1)]
    return out + [""]


def check(path: Path, sentences: list[Sentence]) -> tuple[str, int, int, list[str]]:
    """(the file's language, steps checked, steps undefined, the report's lines) for one feature file."""
    feature = parse_file(str(path))
    if feature is None:
        return "pl", 0, 0, []
    shown = str(path)
    checked, lines, undefined = 0, [], 0
    seen = set()
    for scenario in feature.walk_scenarios():
        for step in [*scenario.background_steps, *scenario.steps]:
            if (step.line, step.name) in seen:
                continue
            seen.add((step.line, step.name))
            checked += 1
            matcher = registry.find_step_definition(step)
            if matcher is None:
                undefined += 1
                lines += _report_undefined(shown, step, sentences)
            else:
                lines += _unknown_personas(shown, step, matcher)
    return feature.language, checked, undefined, lines


def _unknown_personas(path: str, step, matcher) -> list[str]:
    """A warning (not an error) for a patient the simulator does not know: the real iIKP's accounts file may."""
    types = dict(_FIELD.findall(matcher.pattern))
    known = [" ".join(persona["name"]) for persona in baseline.PERSONAS.values()]
    return [f"{path}:{step.line}: uwaga: „{argument.value}” nie jest personą symulatora ({', '.join(known)}); "
            "scenariusz przejdzie tylko na środowisku, którego plik kont ją zna.\n"
            for argument in matcher.match(step.name).arguments
            if types.get(argument.name) == "Osoba" and argument.value not in known]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0] in ("-h", "--help"):
        print("Użycie: make sprawdz PLIK=features/nazwa.feature (albo python -m tools.sprawdz PLIK)",
              file=sys.stderr)
        return EXIT_UNDEFINED
    path = Path(args[0])
    if path.is_dir():
        print(f"„{path}” to katalog. Podaj jeden plik .feature, np. make sprawdz PLIK=features/zgody.feature",
              file=sys.stderr)
        return EXIT_UNDEFINED
    if not path.is_file():
        print(f"Nie ma pliku „{path}”. Podaj ścieżkę pliku .feature, np. "
              "make sprawdz PLIK=features/zgody.feature", file=sys.stderr)
        return EXIT_UNDEFINED
    try:
        sentences = load_sentences()
        language, checked, undefined, lines = check(path, sentences)
    except ParserError as error:
        where = re.search(r'at line (\d+): "(.*)"', str(error)) or re.search(r"line (\d+)()", str(error))
        place = f"wiersz {where.group(1)}" + (f": „{where.group(2)}”" if where and where.group(2) else "") \
            if where else "nieznany wiersz"
        print(f"Plik „{path}” nie daje się odczytać ({place}). Popraw ten wiersz "
              "(nagłówek `# language: pl`, polskie słowa kluczowe: Funkcja, Scenariusz, Zakładając, że, "
              "Gdy, Wtedy, I).", file=sys.stderr)
        return EXIT_UNDEFINED
    except UnicodeDecodeError:
        print(f"Plik „{path}” nie jest tekstem w UTF-8. Zapisz go w kodowaniu UTF-8.", file=sys.stderr)
        return EXIT_UNDEFINED
    if language != "pl":
        print(f"Plik „{path}” nie zaczyna się od wiersza `# language: pl`: dopisz go na samej górze, "
              "potem użyj polskich słów kluczowych (Funkcja, Scenariusz, Zakładając, że, Gdy, Wtedy, I).",
              file=sys.stderr)
        return EXIT_UNDEFINED
    print("\n".join(lines), end="\n" if lines else "")
    if checked == 0:
        print(f"W pliku „{path}” nie ma żadnego kroku do sprawdzenia (brak scenariuszy?).")
        return EXIT_UNDEFINED
    if undefined:
        print(f"{path}: {undefined} z {checked} kroków nie ma w katalogu. Popraw je według podpowiedzi "
              "albo poproś programistę o nowe zdanie.")
        return EXIT_UNDEFINED
    print(f"{path}: wszystkie kroki ({checked}) są w katalogu.")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

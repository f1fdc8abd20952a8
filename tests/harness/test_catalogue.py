"""The committed step catalogue is generated from the registry and up to date."""

import re
import subprocess
import sys

from harness.config import PROJECT_ROOT
from tools.isolated_run import isolated_ini


def test_committed_catalogue_is_up_to_date():
    run = subprocess.run([sys.executable, "-m", "tools.catalogue", "--check"], cwd=PROJECT_ROOT,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr + "\nRun `make kroki` and commit docs/kroki.md."


def test_every_step_used_in_the_features_is_listed(tmp_path):
    catalogue = (PROJECT_ROOT / "docs" / "kroki.md").read_text(encoding="utf-8")
    cwd = isolated_ini(tmp_path, tmp_path / "results")  # the dry run's Allure output stays out of reports/
    run = subprocess.run([sys.executable, "-m", "behave", "--dry-run", "--no-junit", "-f", "steps.usage",
                          "-o", "/dev/null"], cwd=cwd, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    for definition in sorted({line.split("#")[-1].strip() for line in run.stdout.splitlines()
                              if "features/steps/" in line}):
        assert definition.split(":")[0] in catalogue


# Words that occur in English sentences and never in a Polish one („to”, „a”, „on” and „i” are Polish too).
ENGLISH = re.compile(r"\b(the|and|of|is|are|with|for|when|that|this|from|by|its|which|be|has|have|will|"
                     r"if|else|returns?|step|page|none|true|false|self|context)\b", re.IGNORECASE)
# snake_case, camelCase or CamelCase words, module paths and calls: how Python names look.
IDENTIFIER = re.compile(r"\b[A-Za-z]\w*_\w+\b|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b\w+\.py\b|\b\w+\(\)")
NOT_IDENTIFIERS = {"iIKP", "CeZ"}  # names of the system and of its operator


def catalogue_prose() -> list[tuple[int, str]]:
    """The catalogue's lines except the "definicja:" ones, which point at the code on purpose."""
    lines = (PROJECT_ROOT / "docs" / "kroki.md").read_text(encoding="utf-8").splitlines()
    return [(number, line) for number, line in enumerate(lines, start=1) if not line.startswith("- definicja: ")]


def test_the_catalogue_has_no_english_sentence():
    found = [(number, line) for number, line in catalogue_prose() if ENGLISH.search(line)]
    assert found == [], "angielskie słowa w docs/kroki.md:\n" + "\n".join(f"{n}: {line}" for n, line in found)


def test_the_catalogue_names_no_python_identifier_outside_its_definitions():
    found = [(number, word) for number, line in catalogue_prose() for word in IDENTIFIER.findall(line)
             if word not in NOT_IDENTIFIERS]
    assert found == [], "identyfikatory Pythona w docs/kroki.md:\n" + "\n".join(f"{n}: {w}" for n, w in found)


def test_the_checks_would_catch_english_and_identifiers():
    """The two checks above can fail: an English docstring and a page class name are caught."""
    assert ENGLISH.search("Withdraws the consent this scenario granted last")
    assert IDENTIFIER.search("- strona: `AccountPage`, `log_in`")
    assert not ENGLISH.search("Gdy Jan Nowak wycofuje to uprawnienie i widzi je jako wycofane")
    assert not IDENTIFIER.search("- strona: „Moje konto”, „Zamówione recepty”; jan.nowak@example.com")

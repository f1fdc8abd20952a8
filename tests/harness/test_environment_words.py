"""An environment's words and names: [nazwy] of the accounts file renames data values of the steps, and a bad
overlay or a bad name stops the run with exit 2 before any browser starts."""

from __future__ import annotations

import pytest

from harness import personas
from harness.errors import AccountsError
from harness.gherkin_types import THIRD_PERSONS, TYPES
from harness.personas import load_accounts, load_names, rename, renaming
from tests.meta.conftest import PROJECT_ROOT, behave

PESEL = "02070803628"  # the simulator's synthetic Jan Nowak
ONE_SCENARIO = str(PROJECT_ROOT / "features" / "logowanie.feature:9")
NOWHERE = "http://127.0.0.1:9"


@pytest.fixture
def names():
    """Install names for one test; put the previous ones back after it."""
    previous = {}

    def use(mapping: dict[str, str]) -> None:
        previous.update(personas.install_names(mapping))

    yield use
    personas.install_names(previous)


def _accounts(tmp_path, names_section: str):
    path = tmp_path / "accounts.ini"
    path.write_text(f"[Jan Nowak]\npesel = {PESEL}\n\n[nazwy]\n{names_section}", encoding="utf-8")
    return path


def test_names_are_read_with_their_case_and_personas_stay_personas(tmp_path):
    path = _accounts(tmp_path, "Metformina 500 mg = Metformax 500 mg\nlek. Barbara Zając = lek. Barbara Zięba\n")
    assert load_names(path) == {"Metformina 500 mg": "Metformax 500 mg", "lek. Barbara Zając": "lek. Barbara Zięba"}
    assert list(load_accounts(path)) == ["Jan Nowak"]


@pytest.mark.parametrize("section, says", [
    ("Metformina 50 mg = Metformax\n", ["wiersz 5", "„Metformina 50 mg”", "„Metformina 500 mg”",
                                        "features/*.feature"]),
    ("Metformina 500 mg =\n", ["wiersz 5", "pustą wartość"]),
    ("Dodaj uprawnienie = Udostępnij dane\n", ["„Dodaj uprawnienie” nie występuje w scenariuszach"]),
])
def test_a_bad_name_is_refused_naming_the_line(tmp_path, section, says):
    with pytest.raises(AccountsError) as refused:
        load_names(_accounts(tmp_path, section))
    for part in says:
        assert part in str(refused.value)


def test_no_file_or_no_section_means_no_names(tmp_path):
    assert load_names(tmp_path / "missing.ini") == {}
    plain = tmp_path / "plain.ini"
    plain.write_text(f"[Jan Nowak]\npesel = {PESEL}\n", encoding="utf-8")
    assert load_names(plain) == {}


def test_data_parameters_come_renamed_and_screen_texts_do_not(names):
    names({"Metformina 500 mg": "Metformax 500 mg", "Ewa Nowak": "Ewa Nowicka",
           "Przychodnia Zdrowie": "NZOZ Zdrowie"})
    medicines = renaming(TYPES["Leki"][0])
    assert medicines.pattern == TYPES["Leki"][0].pattern and medicines.kind == "dane"
    assert medicines("„Metformina 500 mg” i „Bisoprolol 5 mg”") == ["Metformax 500 mg", "Bisoprolol 5 mg"]
    assert renaming(TYPES["Tekst"][0])("Przychodnia Zdrowie") == "NZOZ Zdrowie"
    assert THIRD_PERSONS["Ewy Nowak"].name == "Ewa Nowicka" and THIRD_PERSONS["Ewy Nowak"].pesel == "15232045626"
    assert rename("Bisoprolol 5 mg") == "Bisoprolol 5 mg"


def test_a_bad_overlay_stops_the_run_before_any_browser(tmp_path):
    overlay = tmp_path / "teksty.toml"
    overlay.write_text('[teksty]\n"Dodaj uprawnienia" = "Udostępnij dane"\n', encoding="utf-8")
    run = behave("-D", f"teksty={overlay}", "-D", f"driver_path={tmp_path / 'no-driver'}", ONE_SCENARIO,
                 timeout=120)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "wiersz 2" in run.stderr and "„Dodaj uprawnienie”" in run.stderr and "Traceback" not in run.stderr


def test_a_bad_name_stops_a_real_iikp_run_before_any_browser(tmp_path):
    path = _accounts(tmp_path, "Metformina 50 mg = Metformax\n")
    run = behave("-D", "target=iikp", "-D", f"accounts={path}", "-D", f"base_url={NOWHERE}", "-D",
                 f"pz_url={NOWHERE}", "-D", f"driver_path={tmp_path / 'no-driver'}", ONE_SCENARIO, timeout=120)
    assert run.returncode == 2, run.stderr[-2000:]
    assert "wiersz 5" in run.stderr and "„Metformina 500 mg”" in run.stderr


def _failures_of_their_own():
    from pages.errors import AmbiguousQuery, FlowDiffers, ScreenTextMissing

    missing = ScreenTextMissing("odnośnik „Dodaj uprawnienie”", "Dodaj uprawnienie", "przyciski", ["Udostępnij dane"],
                                "Uprawnienia", "http://ikp.test/ikp/uprawnienia", "przyciski i odnośniki")
    ambiguous = AmbiguousQuery("odnośnik „Moje konto”", ["Moje konto", "Moje konto"], "Strona główna", "http://x/ikp")
    return {"Tekst ekranu inny niż oczekiwany": [f"AssertionError: {missing}", f"AssertionError: {ambiguous}"],
            "Inny przebieg na tym iIKP": [str(FlowDiffers("to iIKP wymaga daty zakończenia uprawnienia"))]}


@pytest.mark.parametrize("category", ["Tekst ekranu inny niż oczekiwany", "Inny przebieg na tym iIKP"])
def test_screen_text_and_flow_failures_have_their_own_allure_category_before_product_defects(category):
    import json
    import re

    categories = json.loads((PROJECT_ROOT / "harness" / "allure_categories.json").read_text(encoding="utf-8"))
    names = [entry["name"] for entry in categories]
    ours = categories[names.index(category)]
    assert names.index(category) < names.index("Błąd produktu")
    assert ours["matchedStatuses"] == ["failed"]
    for message in _failures_of_their_own()[category]:
        assert re.fullmatch(ours["messageRegex"], message)
    for other in ("Expected: 'placed'\n     but: was 'rejected'",
                  "zamówienie na „Metformina 500 mg”: oczekiwano „zrealizowane”, na ekranie „Złożone”"):
        assert not re.fullmatch(ours["messageRegex"], other)


def test_each_environment_failure_kind_falls_first_into_its_own_category_whatever_the_address():
    """Allure files a result under the first category that matches: each kind of instrukcja CeZ pkt 3 (two error
    screens, two parts that do not answer) has its own group, the same for every address and time."""
    import json
    import re

    from pages.errors import IkpErrorScreen, IkpNotAnswering, PzErrorScreen, PzNotAnswering

    categories = json.loads((PROJECT_ROOT / "harness" / "allure_categories.json").read_text(encoding="utf-8"))

    def first_category(message):
        return next(c["name"] for c in categories if "broken" in c["matchedStatuses"]
                    and re.fullmatch(c.get("messageRegex", "[\\s\\S]*"), message))

    expected = {PzErrorScreen: "Awaria środowiska: testowy Profil Zaufany (ekran 3.1)",
                IkpErrorScreen: "Awaria środowiska: iIKP (ekran 3.2)",
                PzNotAnswering: "Awaria środowiska: testowy Profil Zaufany nie odpowiada",
                IkpNotAnswering: "Awaria środowiska: iIKP nie odpowiada"}
    for kind, category in expected.items():
        one, other = kind("http://127.0.0.1:41001/pz/ekran_pz"), kind("http://127.0.0.1:52002/ikp", "szczegóły")
        assert str(one) == str(other) and not re.search(r"\d{4,}|127\.0", str(one)), str(one)
        assert first_category(f"{kind.__module__}.{kind.__name__}: {one}") == category, kind

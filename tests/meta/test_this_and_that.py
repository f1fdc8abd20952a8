"""„ta/to/tę …” means the last thing this scenario created, whichever way it was created: on screen (Gdy …)
or arranged (Zakładając, że …). The features use most sentences one way; here each is used the other way,
and a sentence with nothing to refer to says so instead of failing with an AttributeError."""

from __future__ import annotations

import pytest

from tests.meta.conftest import allure_results, behave, throwaway_project

pytestmark = pytest.mark.meta

RECORDS = "Upoważnienie do dostępu do dokumentacji medycznej"
MAZUR = "„lek. Piotr Mazur” z placówki „Centrum Medyczne Zdrowa Rodzina”"
FEATURE = f"""# language: pl
@symulator @placowka
Funkcja: „ta/to/tę” po zdaniu na ekranie i po założeniu

  Scenariusz: zamówienie założone: lekarz je rozpoczyna, pacjent widzi lekarza i nie może anulować
    Zakładając, że Jan Nowak zamówił receptę na „Bisoprolol 5 mg”
    I Jan Nowak jest zalogowany w iIKP
    Gdy lekarz rozpoczyna realizację tego zamówienia
    Wtedy Jan Nowak widzi to zamówienie jako w realizacji
    I to zamówienie trafiło do lekarza „dr n. med. Adam Lekarski” z placówki POZ „Przychodnia Zdrowie”
    I Jan Nowak nie może anulować tego zamówienia

  Scenariusz: zamówienie założone: pacjent je anuluje, zamawia ponownie, lekarz odrzuca z komentarzem
    Zakładając, że Jan Nowak zamówił receptę na „Metformina 500 mg”
    I Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak anuluje to zamówienie
    I Jan Nowak zamawia ponownie to samo
    I lekarz odrzuca to zamówienie z komentarzem „Proszę o kontakt”
    Wtedy przy tym zamówieniu widnieje komentarz lekarza „Proszę o kontakt”

  Scenariusz: uprawnienie założone: jego zakres i okres
    Zakładając, że Jan Nowak ma już aktywne uprawnienie „{RECORDS}” dla Ewy Nowak
    I Jan Nowak jest zalogowany w iIKP
    Wtedy Jan Nowak widzi to uprawnienie w „Uprawnienia” jako aktywne
    I to uprawnienie ma pełny zakres
    I to uprawnienie obowiązuje od dziś bezterminowo

  Scenariusz: deklaracja założona: placówka ją odrzuca z uwagą
    Zakładając, że Jan Nowak złożył deklarację wyboru lekarza POZ {MAZUR}
    I Jan Nowak jest zalogowany w iIKP
    Gdy placówka odrzuca tę deklarację z uwagą „Brak miejsc”
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako odrzuconą z uwagą „Brak miejsc”

  Scenariusz: deklaracja złożona na ekranie: placówka się nią nie zajmuje przez 7 dni
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy Jan Nowak składa deklarację wyboru położnej POZ „Monika Kaczmarek” z placówki „Centrum Medyczne Zdrowa Rodzina”
    I placówka nie zajmuje się tą deklaracją przez 7 dni
    Wtedy w „Zobacz deklaracje” Jan Nowak widzi tę deklarację jako odrzuconą

  Scenariusz: tę deklarację, choć scenariusz żadnej nie utworzył
    Zakładając, że Jan Nowak jest zalogowany w iIKP
    Gdy placówka przyjmuje tę deklarację
"""


def test_this_and_that_refer_to_what_the_scenario_created_either_way(tmp_path, simulator):
    results = tmp_path / "allure-results"
    project = throwaway_project(tmp_path / "project", FEATURE, results)
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", "-D", "retries=0",
                 cwd=project, env={"IIKP_SIM_TOKEN": simulator.token})
    by_name = {r["name"]: r for r in allure_results(results)}
    nothing = by_name.pop("tę deklarację, choć scenariusz żadnej nie utworzył")
    assert {name: r["status"] for name, r in by_name.items()} == dict.fromkeys(by_name, "passed"), run.stdout[-4000:]
    assert len(by_name) == 5
    message = nothing.get("statusDetails", {}).get("message", "")
    assert nothing["status"] == "broken"
    assert "Zdanie mówi o „tę deklarację”, ale scenariusz nie utworzył wcześniej" in message, message
    assert "AttributeError" not in message

"""The named person counts: a sentence about someone other than the one logged in fails, and does nothing."""

from __future__ import annotations

import pytest

from tests.meta.conftest import allure_results, behave, throwaway_project

pytestmark = pytest.mark.meta

# One sentence per area, said of someone else while Jan Nowak is logged in: (area, sentence, named person).
WRONG_PERSON = [
    ("logowanie", "Gdy Anna Kowalska otwiera „Moje konto”", "Annie Kowalskiej"),
    ("wylogowanie", "Gdy Anna Kowalska wylogowuje się przyciskiem „Wyloguj się”", "Annie Kowalskiej"),
    ("pierwsze logowanie", "Gdy Anna Kowalska akceptuje regulamin iIKP", "Annie Kowalskiej"),
    ("dane kontaktowe", "Gdy Maria Zielińska próbuje zapisać jako adres e-mail „x@example.com”",
     "Marii Zielińskiej"),
    ("zgody", "Gdy Anna Kowalska nadaje uprawnienie „Upoważnienie do dostępu do dokumentacji medycznej” "
              "dla Ewy Nowak od dziś bezterminowo", "Annie Kowalskiej"),
    ("e-recepta", "Gdy Maria Zielińska zamawia receptę na „Metformina 500 mg”", "Marii Zielińskiej"),
    ("deklaracja POZ", "Gdy Stanisław Wójcik składa deklarację wyboru lekarza POZ „lek. Barbara Zając” "
                       "z placówki „Przychodnia Zdrowie”", "Stanisławie Wójciku"),
    ("obsługa błędów", "Gdy Anna Kowalska otwiera ponownie „Moje konto”", "Annie Kowalskiej"),
    ("kontrola", "Gdy Maria Zielińska przegląda swoje deklaracje w „Zobacz deklaracje”", "Marii Zielińskiej"),
]


def _feature() -> str:
    lines = ["# language: pl", "Funkcja: Zdanie o innej osobie niż zalogowana", ""]
    for area, sentence, _ in WRONG_PERSON:
        lines += [f"  Scenariusz: {area}", "    Zakładając, że Jan Nowak jest zalogowany w iIKP", f"    {sentence}", ""]
    return "\n".join(lines)


def test_a_sentence_about_someone_else_fails_clearly_and_changes_nothing(tmp_path, simulator, sim_admin):
    results = tmp_path / "allure-results"
    project = throwaway_project(tmp_path / "project", _feature(), results)
    run = behave("-D", f"base_url={simulator.ikp_url}", "-D", f"pz_url={simulator.pz_url}", "-D", "retries=0",
                 cwd=project, env={"IIKP_SIM_TOKEN": simulator.token})
    assert run.returncode == 1, run.stdout + run.stderr
    by_name = {r["name"]: r for r in allure_results(results)}
    assert set(by_name) == {area for area, _, _ in WRONG_PERSON}
    for area, _, named in WRONG_PERSON:
        result = by_name[area]
        message = result.get("statusDetails", {}).get("message", "")
        assert result["status"] == "broken", (area, result["status"])
        assert f"Scenariusz mówi o {named}, a zalogowany jest Jan Nowak." in message, (area, message)
    changes = {"consent_granted", "order_placed", "declaration_submitted", "contact_updated", "terms_accepted",
               "logout"}
    logouts_by_harness = len(WRONG_PERSON)  # every scenario ends logged in; the harness logs Jan out
    events = [e["kind"] for e in sim_admin.events() if e["kind"] in changes]
    assert events == ["logout"] * logouts_by_harness, events

"""Another iIKP from the same simulator: other words (--reword), other names (--rename), other flows (--variant)."""

import dataclasses
import os
import re
import shutil
import subprocess
import sys
import uuid

import pytest
from bs4 import BeautifulSoup

from harness.config import load_settings
from harness.errors import ConfigError
from simulator import baseline, db, variants
from simulator.__main__ import parse_args
from simulator.web import Settings
from tests.simulator.conftest import IKP, JAN, OTHER_VALID, PZ, STANISLAW, TOKEN, Sim, alert, text

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
REWORDED = os.path.join(ROOT, "tests", "data", "przeformulowane.toml")
RENAMED = os.path.join(ROOT, "tests", "data", "nazwy.ini")
NEW = IKP + "/ikp/uprawnienia/nowe"
ORDERS = IKP + "/ikp/recepty/zamowione"
RECORDS = "records_access"


def other_sim(apps, baseline_db, db_dir, **changes):
    """Both apps on a fresh copy of the baseline database, with other Settings (restored by the next `sim`)."""
    path = os.path.join(db_dir, f"{uuid.uuid4().hex}.sqlite3")
    shutil.copyfile(baseline_db, path)
    for app in apps:
        app.config["SIM"] = dataclasses.replace(Settings(path, TOKEN, IKP, PZ), **changes)
    return Sim(path, *apps)


@pytest.fixture
def variant_sim(apps, baseline_db, db_dir):
    """A factory of simulators with other settings: variant_sim(reword=..., flows=...)."""
    return lambda **changes: other_sim(apps, baseline_db, db_dir, **changes)


def visible(response):
    """The page's words as a person reads them (no scripts, no styles), spacing normalised."""
    soup = BeautifulSoup(text(response), "html.parser")
    for tag in soup.find_all(("script", "style")):
        tag.decompose()
    return " ".join(soup.get_text(" ").split())


def has_phrase(words, phrase):
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", words) is not None


def arrange_every_screen(sim):
    """Jan with an active and a withdrawn consent and an order in every status; the screens that show them."""
    rx = [p["id"] for p in sim.patient(JAN)["prescriptions"] if p["continuation"]]
    sim.ok("POST", f"/patients/{JAN}/consents", {"kind": RECORDS, "person_name": "Ewa Nowak",
                                                "person_pesel": OTHER_VALID}, status=201)
    sim.ok("POST", f"/patients/{JAN}/consents", {"kind": "health_info", "person_name": "Ewa Nowak",
                                                "person_pesel": OTHER_VALID, "status": "withdrawn"}, status=201)
    for status in ("placed", "in_progress", "fulfilled", "cancelled"):
        sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": rx[:1], "status": status}, status=201)
    order = sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": rx[:1]}, status=201)
    sim.ok("POST", f"/orders/{order['id']}/reject", {"comment": "Proszę o wizytę"})
    return rx


def every_screen(sim, window):
    """Every logged-in screen the suite relies on, as responses: lists, wizard steps, confirmations, searches."""
    rx = arrange_every_screen(sim)
    pages = [window.open(IKP + path) for path in (
        "/ikp", "/ikp/konto", "/ikp/konto/edycja", "/ikp/uprawnienia", "/ikp/uprawnienia/nowe", "/ikp/recepty",
        "/ikp/recepty/zamowione", "/ikp/deklaracje", "/ikp/deklaracje/nowa?rola=lekarz&q=Warszawa",
        "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1")]
    window.open(NEW)
    pages.append(window.submit(NEW, {"krok": "1", "kind": RECORDS}))
    pages.append(window.submit(NEW, {"krok": "2", "kind": RECORDS, "person_name": "Ewa Nowak",
                                     "person_pesel": OTHER_VALID}))
    window.open(IKP + "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1")
    pages.append(window.submit(IKP + "/ikp/deklaracje/nowa/podsumowanie",
                               {"rola": "lekarz", "placowka": "1", "staff": "2", "reason": "none"}))
    window.open(IKP + "/ikp/recepty")
    pages.append(window.submit(IKP + "/ikp/recepty", {"prescription": [str(i) for i in rx]}))
    return pages


# -- rewording ------------------------------------------------------------------------------------------------
def test_rewording_changes_whole_phrases_in_texts_and_shown_attributes_only():
    words = variants.Rewording({"Złożone": "Wysłane", "Dodaj uprawnienie": "Udostępnij dane", "Dodaj": "X",
                                "Lekarz POZ": "Lekarz"})
    page = ('<title>Dodaj uprawnienie – iIKP</title><script>var s = "Złożone";</script>'
            '<p>Status: Złożone</p><p>Złożona, złożone, Złożoneee</p><h3>Lekarz POZ</h3>'
            '<a href="/x" aria-label="Dodaj uprawnienie" data-x="Złożone">Dodaj uprawnienie</a>'
            '<input type="hidden" name="status" value="Złożone"><input type="submit" value="Dodaj">'
            '<input type="text" placeholder="Złożone" value="Złożone">')
    assert variants.Rewording({}).apply(page) == page
    assert words.apply(page) == (
        '<title>Udostępnij dane – iIKP</title><script>var s = "Złożone";</script>'
        '<p>Status: Wysłane</p><p>Złożona, złożone, Złożoneee</p><h3>Lekarz</h3>'
        '<a href="/x" aria-label="Udostępnij dane" data-x="Złożone">Udostępnij dane</a>'
        '<input type="hidden" name="status" value="Złożone"><input type="submit" value="X">'
        '<input type="text" placeholder="Wysłane" value="Złożone">')


def test_the_shipped_overlay_rewords_texts_every_one_of_which_the_simulator_shows(sim, variant_sim):
    texts = variants.load_rewording(REWORDED)
    assert 15 <= len(texts) <= 20
    plain = " | ".join(visible(page) for page in every_screen(sim, _login(sim)))
    assert [t for t in texts if not has_phrase(plain, t)] == []

    reworded_sim = variant_sim(reword=variants.Rewording(texts))
    reworded = " | ".join(visible(page) for page in every_screen(reworded_sim, _login(reworded_sim)))
    assert [t for t in texts if has_phrase(reworded, t) and t not in texts.values()] == []
    assert [t for t in texts.values() if not has_phrase(reworded, t)] == []


def _login(sim):
    window = sim.browser()
    window.login(JAN)
    return window


def test_forms_work_on_reworded_screens(variant_sim):
    sim = variant_sim(reword=variants.Rewording(variants.load_rewording(REWORDED)))
    window = _login(sim)
    listing = window.open(IKP + "/ikp/recepty")
    rx = re.findall(r'name="prescription" value="(\d+)"', text(listing))
    confirmation = window.submit(IKP + "/ikp/recepty", {"prescription": rx[:1]})
    assert "<h1>Podsumowanie zamówienia</h1>" in text(confirmation)
    placed = window.submit(IKP + "/ikp/recepty/potwierdz", {"prescription": rx[:1]})
    assert window.url == ORDERS and "Status: Wysłane" in visible(placed)
    window.open(NEW)
    window.submit(NEW, {"krok": "1", "kind": RECORDS})
    window.submit(NEW, {"krok": "2", "kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID})
    saved = window.submit(NEW, {"krok": "3", "kind": RECORDS, "person_name": "Ewa Nowak",
                                "person_pesel": OTHER_VALID, "scope": "Pełny zakres", "date_from": "", "date_to": ""})
    assert window.url == IKP + "/ikp/uprawnienia" and "Obowiązujące" in visible(saved)
    assert [c["scope"] for c in sim.patient(JAN)["consents"]] == ["Pełny zakres"]


def test_pz_origin_and_admin_json_are_reworded_only_where_texts_are_shown(variant_sim):
    sim = variant_sim(reword=variants.Rewording({"Dalej": "Kontynuuj", "Złożone": "Wysłane"}))
    window = sim.browser()
    pz_page = window.open(IKP + "/ikp/zaloguj")
    assert "Kontynuuj" in visible(pz_page) and "Dalej" not in visible(pz_page)
    rx = [p["id"] for p in sim.patient(JAN)["prescriptions"] if p["continuation"]]
    order = sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": rx[:1]}, status=201)
    assert order["status"] == "placed" and "Wysłane" not in str(sim.patient(JAN))


@pytest.mark.parametrize("content, reason", [
    ('[teksty]\n"Dodaj uprawnienie" = ""\n', "non-empty"),
    ('[teksty]\n"Dodaj uprawnienie" = 3\n', "non-empty"),
    ('[teksty\n', "not UTF-8 TOML"),
    ('[inne]\n"a" = "b"\n', "exactly one table [teksty]"),
    ('[teksty]\n"a" = "b"\n[inne]\n', "exactly one table [teksty]"),
])
def test_a_bad_overlay_is_refused_with_one_line(tmp_path, content, reason):
    path = tmp_path / "teksty.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(variants.VariantError, match=re.escape(reason)):
        variants.load_rewording(path)


# -- renaming -------------------------------------------------------------------------------------------------
def renamed_sim(apps, baseline_db, db_dir, names):
    sim = other_sim(apps, baseline_db, db_dir)
    conn = db.connect(sim.db_path)
    try:
        baseline.rename(conn, names)
    finally:
        conn.close()
    return sim


def test_renamed_baseline_names_are_shown_searched_and_kept_across_resets(apps, baseline_db, db_dir):
    names = variants.load_names(RENAMED)
    assert {"Metformina 500 mg", "lek. Barbara Zając"} <= set(names)
    sim = renamed_sim(apps, baseline_db, db_dir, names)
    for _ in range(2):
        window = _login(sim)
        shown = " | ".join(visible(window.open(IKP + path)) for path in (
            "/ikp/recepty", "/ikp/konto", "/ikp/deklaracje/nowa?rola=lekarz&q=Lipowa",
            "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1", "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=3",
            "/ikp/deklaracje/nowa/osoba?rola=pielegniarka&placowka=3"))
        for old, new in names.items():
            assert has_phrase(shown, new) and not has_phrase(shown, old), (old, new)
        assert [p["medicine"] for p in sim.patient(STANISLAW)["prescriptions"]] == ["Metformax 500 mg"]
        window.logout()
        sim.ok("POST", "/reset")  # the names belong to this database's baseline
    sim.ok("POST", f"/patients/{JAN}/reset")
    assert "Metformax 500 mg" in [p["medicine"] for p in sim.patient(JAN)["prescriptions"]]


def test_renaming_again_replaces_the_earlier_names_and_unknown_names_are_refused(apps, baseline_db, db_dir):
    sim = renamed_sim(apps, baseline_db, db_dir, {"Metformina 500 mg": "Metformax 500 mg"})
    conn = db.connect(sim.db_path)
    try:
        baseline.rename(conn, {"Metformina 500 mg": "Glucophage 500 mg"})
        assert "Glucophage 500 mg" in [p["medicine"] for p in sim.patient(JAN)["prescriptions"]]
        baseline.rename(conn, {})
        assert "Metformina 500 mg" in [p["medicine"] for p in sim.patient(JAN)["prescriptions"]]
        with pytest.raises(ValueError, match="'Aspiryna' is no baseline name"):
            baseline.rename(conn, {"Aspiryna": "Polopiryna"})
    finally:
        conn.close()


# -- flow variants --------------------------------------------------------------------------------------------
def order_screen(sim):
    window = _login(sim)
    listing = window.open(IKP + "/ikp/recepty")
    rx = re.findall(r'name="prescription" value="(\d+)"', text(listing))
    return window, rx, window.submit(IKP + "/ikp/recepty", {"prescription": rx[:2]})


def test_confirmation_is_a_page_by_default(sim):
    _, _, confirmation = order_screen(sim)
    soup = BeautifulSoup(text(confirmation), "html.parser")
    assert soup.h1.get_text() == "Potwierdź zamówienie" and soup.find(attrs={"role": "dialog"}) is None


def test_confirmation_as_a_modal_dialog_over_the_list(variant_sim):
    sim = variant_sim(flows=frozenset({"confirm-dialog"}))
    window, rx, confirmation = order_screen(sim)
    soup = BeautifulSoup(text(confirmation), "html.parser")
    assert confirmation.status_code == 200 and [h.get_text() for h in soup.find_all("h1")] == ["Recepty"]
    dialog = soup.find(attrs={"role": "dialog"})
    assert dialog["aria-modal"] == "true"
    assert soup.find(id=dialog["aria-labelledby"]).get_text() == "Potwierdź zamówienie"
    assert [li.get_text() for li in dialog.find(id="order-medicines").find_all("li")] == [
        "Metformina 500 mg", "Bisoprolol 5 mg"]
    assert dialog.find("button").get_text() == "Potwierdź" and dialog.find("a", href="/ikp/recepty")
    behind = soup.find("form", action="/ikp/recepty")
    assert behind.has_attr("inert") and len(behind.find_all("input", checked=True)) == 2
    assert sim.patient(JAN)["orders"] == []
    window.submit(IKP + "/ikp/recepty/potwierdz", {"prescription": rx[:2]})
    assert window.url == ORDERS and len(sim.patient(JAN)["orders"]) == 1


def wizard_step_3(sim):
    window = _login(sim)
    window.open(NEW)
    window.submit(NEW, {"krok": "1", "kind": RECORDS})
    person = {"kind": RECORDS, "person_name": "Ewa Nowak", "person_pesel": OTHER_VALID}
    return window, person, window.submit(NEW, {"krok": "2", **person})


def test_open_ended_consents_by_default(sim):
    window, person, step_3 = wizard_step_3(sim)
    field = BeautifulSoup(text(step_3), "html.parser").find(id="date_to")
    assert not field.has_attr("required") and "bezterminowo" in visible(step_3)
    window.submit(NEW, {"krok": "3", **person, "scope": "Pełny zakres", "date_from": "", "date_to": ""})
    assert [c["date_to"] for c in sim.patient(JAN)["consents"]] == [None]


def test_consents_need_an_end_date(variant_sim):
    sim = variant_sim(flows=frozenset({"end-date-required"}))
    window, person, step_3 = wizard_step_3(sim)
    field = BeautifulSoup(text(step_3), "html.parser").find(id="date_to")
    assert field.has_attr("required") and field["aria-required"] == "true"
    assert "nie może być bezterminowe" in visible(step_3)
    refused = window.submit(NEW, {"krok": "3", **person, "scope": "Pełny zakres", "date_from": "", "date_to": ""})
    assert refused.status_code == 422
    assert alert(refused, "date_to-error") == "Podaj datę zakończenia: uprawnienie nie może być bezterminowe."
    assert sim.patient(JAN)["consents"] == []
    window.submit(NEW, {"krok": "3", **person, "scope": "Pełny zakres", "date_from": "", "date_to": "2099-12-31"})
    assert [c["date_to"] for c in sim.patient(JAN)["consents"]] == ["2099-12-31"]


def orders_in_statuses(sim):
    rx = [p["id"] for p in sim.patient(JAN)["prescriptions"] if p["continuation"]]
    return {status: sim.ok("POST", f"/patients/{JAN}/orders", {"prescription_ids": rx[:1], "status": status},
                           status=201)["id"] for status in ("fulfilled", "rejected", "cancelled")}


def repeat_buttons(response):
    soup = BeautifulSoup(text(response), "html.parser")
    return sorted(int(form["action"].split("/")[-2]) for form in soup.find_all("form")
                  if form.get("action", "").endswith("/ponow"))


def test_repeat_offered_for_every_ended_order_by_default(sim):
    ids = orders_in_statuses(sim)
    window = _login(sim)
    assert repeat_buttons(window.open(ORDERS)) == sorted(ids.values())


def test_repeat_only_for_a_fulfilled_order(variant_sim):
    sim = variant_sim(flows=frozenset({"repeat-fulfilled-only"}))
    ids = orders_in_statuses(sim)
    window = _login(sim)
    assert repeat_buttons(window.open(ORDERS)) == [ids["fulfilled"]]
    refused = window.submit(f"{ORDERS}/{ids['cancelled']}/ponow")
    assert refused.status_code == 409
    assert alert(refused, "form-error") == "Ponownie można zamówić tylko zrealizowane zamówienie."
    window.open(ORDERS)
    confirmation = window.submit(f"{ORDERS}/{ids['fulfilled']}/ponow")
    assert "<h1>Potwierdź zamówienie</h1>" in text(confirmation)


# -- switches: command line and suite configuration -----------------------------------------------------------
def test_switches_on_the_command_line(tmp_path):
    args = parse_args(["--reword", REWORDED, "--rename", RENAMED, "--variant", "confirm-dialog,end-date-required"])
    assert args.reword["Dodaj uprawnienie"] == "Udostępnij dane"
    assert args.rename["lek. Barbara Zając"] == "lek. Barbara Zawadzka"
    assert args.variant == {"confirm-dialog", "end-date-required"}
    default = parse_args([])
    assert (default.reword, default.rename, default.variant) == (None, None, frozenset())


@pytest.mark.parametrize("args, reason", [
    (["--variant", "modal"], "unknown variant 'modal'"),
    (["--reword", "/no/such/file.toml"], "cannot read /no/such/file.toml"),
    (["--rename", REWORDED], "has no section [nazwy]"),
])
def test_bad_switches_give_one_line_and_exit_2(args, reason):
    completed = subprocess.run([sys.executable, "-m", "simulator", *args], cwd=ROOT, capture_output=True,
                               text=True, timeout=30)
    assert completed.returncode == 2 and completed.stdout == ""
    assert completed.stderr.startswith("simulator: error:") and reason in completed.stderr
    assert len(completed.stderr.strip().splitlines()) == 1


def test_a_rename_of_no_baseline_name_stops_the_start(tmp_path):
    names = tmp_path / "konta.ini"
    names.write_text("[Jan Nowak]\npesel = 1\n\n[nazwy]\nAspiryna = Polopiryna\n", encoding="utf-8")
    completed = subprocess.run([sys.executable, "-m", "simulator", "--ikp-port", "0", "--pz-port", "0",
                                "--token", TOKEN, "--rename", str(names)], cwd=ROOT, capture_output=True,
                               text=True, timeout=30)
    assert completed.returncode == 2 and "'Aspiryna' is no baseline name" in completed.stderr


def test_suite_keys_of_the_switches():
    settings = load_settings({}, {"sim_reword": "tests/data/przeformulowane.toml", "sim_rename": RENAMED,
                                  "sim_variants": "end-date-required, confirm-dialog"}, environ={})
    assert settings.sim_reword == REWORDED and settings.sim_rename == RENAMED
    assert settings.sim_variants == "end-date-required,confirm-dialog"
    with pytest.raises(ConfigError, match="nieznany wariant 'modal'"):
        load_settings({}, {"sim_variants": "modal"}, environ={})
    with pytest.raises(ConfigError, match="nie ma pliku"):
        load_settings({}, {"sim_reword": "brak.toml"}, environ={})

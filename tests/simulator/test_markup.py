"""--markup random: every screen in another markup with the same texts, names, fields, links and headings."""

import os
import re
import shutil
import uuid
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from flask import render_template
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from simulator import markup
from simulator.__main__ import parse_args
from simulator.server import SimulatorServer
from simulator.web import Settings
from tests.simulator.conftest import ANNA, IKP, JAN, PZ, TOKEN, Sim, text, wait

SEEDS = (1, 2, 3, 4, 5)
IDREFS = ("for", "form", "list", "headers", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns")
# Where the crawl of the logged-in screens starts; every same-origin link found on them is followed too.
START = (
    "/ikp", "/ikp/konto", "/ikp/konto/edycja", "/ikp/uprawnienia", "/ikp/uprawnienia/nowe", "/ikp/recepty",
    "/ikp/deklaracje", "/ikp/deklaracje/nowa?rola=lekarz&q=Warszawa",
    "/ikp/deklaracje/nowa/osoba?rola=lekarz&placowka=1", "/ikp/nie-ma-takiej",
)
NOT_CRAWLED = ("/ikp/wyloguj", "/ikp/zaloguj", "/ikp/sso")
MAX_SCREENS = 30


def soup_of(html):
    return BeautifulSoup(html, "html.parser")


def visible_text(tag):
    """The text as a user reads it: submit inputs show their value; colons and spacing do not count."""
    body = soup_of(str(tag))
    for tag in body.find_all(("script", "style")):
        tag.decompose()
    for tag in body.find_all("input"):
        if tag.get("type", "").lower() in ("submit", "button", "reset"):
            tag.replace_with(f" {tag.get('value', '')} ")
    return " ".join(body.get_text(" ").replace(":", " ").split())


def own_label_text(label):
    """A label's text without the control it may wrap."""
    copy = soup_of(str(label)).label
    for control in copy.find_all(("input", "select", "textarea")):
        control.decompose()
    return " ".join(copy.get_text(" ").split())


def field_labels(soup):
    """{(field name, value): label text} of every labelled control, by <label for> or a wrapping <label>."""
    labels = {}
    for control in soup.find_all(("input", "select", "textarea")):
        if control.get("type", "").lower() in ("hidden", "submit", "button"):
            continue
        label = control.find_parent("label")
        if label is None and control.get("id"):
            label = soup.find("label", attrs={"for": control["id"]})
        key = (control.get("name"), control.get("value") if control.get("type") in ("radio", "checkbox") else None)
        labels[key] = own_label_text(label) if label is not None else None
    return labels


def buttons(soup):
    """Names of the buttons: <button> text or a submit input's value."""
    names = [" ".join(tag.get_text(" ").split()) for tag in soup.find_all("button")]
    names += [tag.get("value") for tag in soup.find_all("input") if tag.get("type", "").lower() == "submit"]
    return Counter(names)


def column_headers(soup):
    """[(column or row, text)] of the header cells: <th> (scope) or role columnheader / rowheader."""
    headers = []
    for tag in soup.find_all(lambda tag: tag.name == "th" or tag.get("role") in ("columnheader", "rowheader")):
        kind = "row" if tag.get("scope") == "row" or tag.get("role") == "rowheader" else "column"
        headers.append((kind, " ".join(tag.get_text(" ").split())))
    return headers


def table_names(soup):
    """The accessible name of each table: its caption, aria-label or the text aria-labelledby points to."""
    names = []
    for table in soup.find_all(lambda tag: tag.name == "table" or tag.get("role") == "table"):
        caption = table.find("caption")
        if caption is not None:
            names.append(" ".join(caption.get_text(" ").split()))
        elif table.get("aria-label"):
            names.append(table["aria-label"])
        else:
            names.append(" ".join(soup.find(id=table["aria-labelledby"]).get_text(" ").split()))
    return names


def structure(html):
    """What must not change between markups."""
    soup = soup_of(html)
    return {
        "text": visible_text(soup.body),
        "title": soup.title.get_text(),
        "headings": [(tag.name, tag.get_text(" ", strip=True)) for tag in soup.find_all(re.compile(r"^h[1-6]$"))],
        "links": [tag["href"] for tag in soup.find_all("a", href=True) if not tag["href"].startswith("#")],
        "forms": [(form.get("method", "get").lower(), form.get("action")) for form in soup.find_all("form")],
        "fields": Counter(tag["name"] for tag in soup.find_all(("input", "select", "textarea", "button"),
                                                                attrs={"name": True})),
        "hidden": Counter(tag.get("name") for tag in soup.find_all("input", type="hidden")),
        "labels": field_labels(soup),
        "buttons": buttons(soup),
        "columns": column_headers(soup),
        "tables": table_names(soup),
        "roles": Counter((tag["role"], visible_text(tag)) for tag in soup.find_all(role=True)
                         if tag["role"] in ("alert", "status", "search")),
        "aria_labels": Counter(tag["aria-label"] for tag in soup.find_all(attrs={"aria-label": True})
                               if tag.get("role") != "table"),
    }


def names_of(html):
    soup = soup_of(html)
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    classes = {name for tag in soup.find_all(class_=True) for name in tag["class"]}
    return ids, classes


def assert_references_resolve(html):
    soup = soup_of(html)
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for tag in soup.find_all(True):
        for attr in IDREFS:
            value = tag.get(attr)
            for token in (value if isinstance(value, list) else (value or "").split()):
                assert token in ids, (tag.name, attr, token)
        if tag.name == "a" and tag.get("href", "").startswith("#") and len(tag["href"]) > 1:
            assert tag["href"][1:] in ids
        assert not [attr for attr in tag.attrs if attr.startswith("data-")], tag


def with_markup(sim, seed):
    for app in (sim.ikp_app, sim.pz_app):
        settings = app.config["SIM"]
        settings.markup, settings.markup_seed = ("default", None) if seed is None else ("random", seed)


@pytest.fixture(scope="module")
def pages(apps, baseline_db, db_dir):
    """{(path, seed or None): html} of the PZ page and of the screens, for the default markup and each seed."""
    path = os.path.join(db_dir, f"markup-{uuid.uuid4().hex}.sqlite3")
    shutil.copyfile(baseline_db, path)
    for app in apps:
        app.config["SIM"] = Settings(path, TOKEN, IKP, PZ)
    sim = Sim(path, *apps)
    jan = sim.browser()
    jan.login(JAN)
    # Some rows for the tables (the screens' own tests check these calls; here only the markup matters).
    sim.admin("POST", f"/patients/{JAN}/consents", {"kind": "records_access", "person_name": "Anna Kowalska",
                                                     "person_pesel": ANNA})
    sim.admin("POST", f"/patients/{JAN}/consents", {"kind": "treatment_refusal", "scope": "Transfuzja krwi",
                                                     "status": "withdrawn"})
    sim.admin("POST", f"/patients/{JAN}/orders", {"prescription_ids": [1]})
    pz_url = sim.browser().get(IKP + "/ikp/zaloguj").headers["Location"]
    result = {("pz", None): text(jan.get(pz_url))}
    assert "Pesel" in result[("pz", None)]
    screens, queue = [], list(START)
    while queue and len(screens) < MAX_SCREENS:
        screen = queue.pop(0)
        if screen in screens or screen.startswith(NOT_CRAWLED) or not screen.startswith("/ikp"):
            continue
        response = jan.get(IKP + screen)
        if response.status_code in (301, 302, 303, 307, 308):
            queue.append(response.headers["Location"].removeprefix(IKP))
            continue
        screens.append(screen)
        result[(screen, None)] = (response.status_code, text(response))
        for link in soup_of(text(response)).find_all("a", href=True):
            href = link["href"].removeprefix(IKP)
            if href.startswith("/ikp") and not href.startswith(NOT_CRAWLED) and href not in screens:
                queue.append(href)
    for seed in SEEDS:
        with_markup(sim, seed)
        result[("pz", seed)] = text(jan.get(pz_url))
        for screen in screens:
            response = jan.get(IKP + screen)
            assert response.status_code == result[(screen, None)][0], screen
            result[(screen, seed)] = text(response)
    with_markup(sim, None)
    return {key: value[1] if isinstance(value, tuple) else value for key, value in result.items()}


def test_every_screen_keeps_what_users_and_the_server_see(pages):
    for (path, seed), html in pages.items():
        if seed is None:
            continue
        original = pages[(path, None)]
        expected, actual = structure(original), structure(html)
        for key in expected:
            assert actual[key] == expected[key], (path, seed, key)
        assert_references_resolve(html)


def test_no_original_id_class_or_data_attribute_is_left(pages):
    for (path, seed), html in pages.items():
        if seed is None:
            continue
        ids, classes = names_of(pages[(path, None)])
        new_ids, new_classes = names_of(html)
        assert not ids & new_ids and not classes & new_classes, (path, seed)
        assert "data-" not in html.split("</head>", 1)[1], (path, seed)
        assert len(new_ids) >= len(ids) and len(new_classes) >= len(classes)


def test_styles_follow_the_renamed_ids_and_classes():
    css = "#flash, .hint > a[href='#x.y'] { color: #fff; margin: .5rem; }\n@media (max-width: 40rem) { .hint { a: b } }"
    renamed = markup.rename_css(css, lambda name: f"I{name}", lambda name: f"C{name}")
    assert renamed == ("#Iflash, .Chint > a[href='#x.y'] { color: #fff; margin: .5rem; }\n"
                       "@media (max-width: 40rem) { .Chint { a: b } }")


def variants(pages):
    """Which equivalent alternative each seed used anywhere."""
    found = {}
    for (path, seed), html in pages.items():
        soup = soup_of(html)
        seen = found.setdefault(seed, set())
        if soup.find("input", type="submit"):
            seen.add("input submit")
        if soup.find("button", type="submit"):
            seen.add("button")
        if soup.find(role="table"):
            seen.add("aria grid")
        if soup.find("table"):
            seen.add("table")
        if any(label.find(("input", "select", "textarea")) for label in soup.find_all("label")):
            seen.add("wrapping label")
        if soup.find("label", attrs={"for": True}):
            seen.add("label for")
        if path == "/ikp/konto":
            seen.add("dl" if soup.find("dl") else "paragraphs")
            paragraph = soup.find("p", string=re.compile(r"^Imię i nazwisko: ")) or soup.find(
                lambda tag: tag.name == "p" and tag.get_text().startswith("Imię i nazwisko: "))
            if paragraph is not None:
                seen.add("span label" if paragraph.span and paragraph.span.get_text() == "Imię i nazwisko"
                         else "plain label")
        if soup.find("main").find_parent("div"):
            seen.add("wrapper")
    return found


def test_alternatives_vary_across_seeds(pages):
    found = variants(pages)
    assert found[None] >= {"button", "table", "label for", "dl"}
    assert not found[None] & {"aria grid", "paragraphs", "wrapper"}
    used = set().union(*(found[seed] for seed in SEEDS))
    assert used >= {"input submit", "button", "aria grid", "table", "wrapping label", "label for", "dl",
                    "paragraphs", "span label", "plain label", "wrapper"}, used
    assert len({frozenset(found[seed]) for seed in SEEDS}) > 1


def test_same_seed_same_markup_other_seed_other_markup(pages):
    def masked(html):
        soup = soup_of(html)
        for tag in soup.find_all("input", attrs={"name": "view"}):
            tag["value"] = "V"
        return str(soup)

    html = pages[("/ikp/uprawnienia", None)]
    assert markup.transform(html, 7, "/ikp/uprawnienia") == markup.transform(html, 7, "/ikp/uprawnienia")
    assert masked(pages[("/ikp/konto", 2)]) == masked(markup.transform(pages[("/ikp/konto", None)], 2, "/ikp/konto"))
    assert len({masked(pages[("/ikp/uprawnienia", seed)]) for seed in SEEDS}) == len(SEEDS)


def test_default_markup_is_the_rendered_template_byte_for_byte(sim):
    assert (parse_args([]).markup, parse_args([]).markup_seed) == ("default", None)
    assert parse_args(["--markup", "default"]) == parse_args([])
    window = sim.browser()
    for app, url, template, status, context in (
            (sim.ikp_app, IKP + "/ikp/wylogowano", "logged_out.html", 200, {}),
            (sim.pz_app, PZ + "/pz/nie-ma-takiej", "error.html", 404, {"code": 404})):
        response = window.get(url)
        with app.test_request_context(url):
            assert response.status_code == status
            assert response.get_data(as_text=True) == render_template(template, **context)


def test_markup_flags_and_their_bad_values():
    args = parse_args(["--markup", "random", "--markup-seed", "12"])
    assert (args.markup, args.markup_seed) == ("random", 12)
    for bad in (["--markup", "fancy"], ["--markup", "random", "--markup-seed", "x"], ["--markup-seed", "3"]):
        with pytest.raises(SystemExit) as exited:
            parse_args(bad)
        assert exited.value.code == 2, bad
    with pytest.raises(ValueError):
        SimulatorServer(markup="fancy")
    assert SimulatorServer(markup="random").markup_seed is not None


# -- a real Chromium: the PZ login and a form, found by labels and names only --------------------------------------

FIND_BY_LABEL = """
var wanted = arguments[0];
var labels = Array.from(document.querySelectorAll("label"));
for (var i = 0; i < labels.length; i++) {
  var copy = labels[i].cloneNode(true);
  copy.querySelectorAll("input, select, textarea").forEach(function (control) { control.remove(); });
  if (copy.textContent.replace(/\\s+/g, " ").trim().indexOf(wanted) === 0) { return labels[i].control; }
}
return null;
"""




def by_label(driver, label):
    return wait(driver).until(lambda d: d.execute_script(FIND_BY_LABEL, label))


def button(driver, name):
    xpath = f"//button[normalize-space()='{name}'] | //input[@type='submit' and @value='{name}']"
    return wait(driver).until(lambda d: d.find_element(By.XPATH, xpath))


def shows(driver, words):
    """Wait until the page shows these words (read in one script call: no element goes stale meanwhile)."""
    wait(driver).until(lambda d: words in " ".join(d.execute_script("return document.body.innerText;").split()))


def h1_is(driver, title):
    wait(driver).until(lambda d: d.execute_script("var h = document.querySelector('h1');"
                                                  " return h && h.textContent.trim();") == title)


@pytest.mark.browser
@pytest.mark.parametrize(("seed", "ui"), [(2, "pages"), (5, "spa")])
def test_log_in_and_save_a_form_in_a_random_markup(db_dir, chromium, seed, ui):
    with SimulatorServer(ikp_port=0, pz_port=0, db_path=f"{db_dir}/markup-{seed}-{ui}.sqlite3", token=TOKEN,
                         markup="random", markup_seed=seed, ui=ui) as server:
        chromium.get(f"{server.ikp_url}/ikp/zaloguj")
        by_label(chromium, "Pesel").send_keys(JAN + Keys.ENTER)
        button(chromium, "Wyloguj się")
        chromium.find_element(By.LINK_TEXT, "Moje konto").click()
        h1_is(chromium, "Moje konto")
        assert chromium.find_elements(By.ID, "account-phone") == []
        shows(chromium, "600100200")
        chromium.find_element(By.LINK_TEXT, "Edytuj swoje dane").click()
        phone = by_label(chromium, "Numer telefonu")
        phone.clear()
        phone.send_keys("600 100 300")
        button(chromium, "Zapisz").click()
        h1_is(chromium, "Moje konto")
        shows(chromium, "600100300")
        assert chromium.current_url == f"{server.ikp_url}/ikp/konto"
        button(chromium, "Wyloguj się").click()
        h1_is(chromium, "Wylogowano")
        answer = chromium.execute_script("return document.documentElement.outerHTML;")
        assert 'id="content"' not in answer and "Zaloguj się ponownie" in answer


def test_pz_pages_are_transformed_too(sim):
    with_markup(sim, 3)
    window = sim.browser()
    page = text(window.open(IKP + "/ikp/zaloguj"))
    assert window.url.startswith(PZ)
    assert 'id="pesel"' not in page and "Pesel" in page


# Markup that today's templates do not use but other screens may: the transform must keep it equivalent too.
SYNTHETIC = """<!doctype html>
<html lang="pl"><head><title>Próba</title>
<style>#intro { color: red; } .note, td.wide { margin: 0 } @media print { #intro .note { display: none } }</style>
</head><body>
<a href="#intro">Przejdź do wstępu</a>
<main id="main"><h1>Próba</h1>
<p id="intro" class="lead note">Wstęp <a href="/ikp/a?b=1&amp;c=2" data-x="1">link</a>
i <button type="button">Pokaż</button></p>
<form method="post" action="/ikp/x" id="f1"><input type="hidden" name="view" value="V">
<label>Miasto <input name="city" type="text"></label>
<label><input type="checkbox" name="agree" value="yes"> Zgadzam się</label>
<label for="when">Kiedy</label><select id="when" name="when"><option>Dziś</option>
<option selected>Jutro</option></select>
<textarea name="notes" aria-label="Uwagi"></textarea>
<input type="submit" value="Wyślij">
<button type="submit" name="action" value="draft">Zapisz szkic</button>
</form>
<input form="f1" type="text" name="outside" aria-labelledby="outside-label">
<span id="outside-label">Poza formularzem</span>
<table class="wide"><caption>Wyniki <em>badań</em></caption>
<tr><th scope="col">Badanie</th><th scope="col">Wynik</th></tr>
<tr><th scope="row" id="r1">Morfologia</th><td headers="r1" colspan="1">w normie</td></tr>
<tr><th scope="row">Glukoza</th><td><form method="post" action="/ikp/y"><button>Usuń</button></form></td></tr>
</table>
<dl><div><dt>Numer</dt><dd>12</dd></div>
<div><dt>Data:</dt><dd><time datetime="2026-01-01">1 stycznia</time></dd></div></dl>
<dl><dt>Opis</dt><dd><ul><li>jeden</li><li>dwa</li></ul></dd></dl>
<svg width="10" height="10"><defs><linearGradient id="g"></linearGradient></defs>
<rect fill="url(#g)" width="10" height="10"></rect></svg>
</main></body></html>"""


def test_other_markup_patterns_stay_equivalent_for_many_seeds():
    expected = structure(SYNTHETIC)
    seen = set()
    for seed in range(24):
        html = markup.transform(SYNTHETIC, seed, "/ikp/proba")
        actual = structure(html)
        for key in expected:
            assert actual[key] == expected[key], (seed, key)
        assert_references_resolve(html)
        soup = soup_of(html)
        gradient = soup.find("lineargradient") or soup.find("linearGradient")
        assert soup.find("rect")["fill"] == f"url(#{gradient['id']})"
        assert soup.find("a")["href"] == "#" + soup.find(string=re.compile("^Wstęp")).parent["id"]
        assert soup.find("button", attrs={"name": "action"})["value"] == "draft"
        seen |= {"wrapped city" if soup.find(attrs={"name": "city"}).find_parent("label") else "label for city",
                 "grid" if soup.find(role="table") else "table",
                 "rowheader" if soup.find(role="rowheader") else "th",
                 "button" if soup.find("button", string="Wyślij") else "input"}
    assert seen >= {"label for city", "wrapped city", "grid", "table", "rowheader", "button", "input"}, seen

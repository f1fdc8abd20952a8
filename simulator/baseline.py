"""Built-in facilities, staff and personas, and how to put them (or a copy) back to baseline."""

import datetime
import json

from simulator import clock, db

NAMES_META = "names"  # {baseline name: name in this database} (--rename), kept in the meta table

FACILITIES = (
    (1, "Przychodnia Zdrowie", "ul. Lipowa 1", "00-001", "Warszawa", True),
    (2, "Ośrodek Zdrowia Kazimierz", "ul. Rynek 5", "24-120", "Kazimierz Dolny", False),
    (3, "Centrum Medyczne Zdrowa Rodzina", "ul. Długa 10", "30-001", "Kraków", True),
    (4, "Przychodnia Morska", "ul. Portowa 3", "80-001", "Gdańsk", True),
)

# (id, facility id, role, name)
STAFF = (
    (1, 1, "doctor", "dr n. med. Adam Lekarski"),
    (2, 1, "doctor", "lek. Barbara Zając"),
    (3, 1, "nurse", "mgr Joanna Wiśniewska"),
    (4, 1, "midwife", "Małgorzata Lewandowska"),
    (5, 2, "doctor", "lek. Ewa Nowicka"),
    (6, 2, "nurse", "Teresa Kamińska"),
    (7, 2, "midwife", "Agnieszka Dąbrowska"),
    (8, 3, "doctor", "lek. Piotr Mazur"),
    (9, 3, "nurse", "Elżbieta Woźniak"),
    (10, 3, "midwife", "Monika Kaczmarek"),
    (11, 4, "doctor", "lek. Krzysztof Szymański"),
    (12, 4, "nurse", "Renata Grabowska"),
    (13, 4, "midwife", "Beata Pawłowska"),
)

_TWICE_DAILY = "1 tabletka 2 razy dziennie"
_ONCE_DAILY = "1 tabletka raz dziennie"

# Declarations are (role, staff id, status, when) with when = "earlier" (two years ago) or "new_year"
# (1 January of the simulated year); prescriptions are (medicine, dosage, continuation).
PERSONAS = {
    "80011512354": {
        "name": ("Jan", "Nowak"),
        "terms_accepted": True,
        "contact": ("jan.nowak@example.com", "600100200", ("sms",)),
        "declarations": (("doctor", 1, "accepted", "earlier"), ("nurse", 3, "accepted", "earlier"),
                         ("midwife", 4, "accepted", "earlier")),
        "prescriptions": (("Metformina 500 mg", _TWICE_DAILY, True), ("Bisoprolol 5 mg", _ONCE_DAILY, True),
                          ("Atorwastatyna 20 mg", "1 tabletka wieczorem", True),
                          ("Amoksycylina 1000 mg", "1 tabletka co 12 godzin przez 7 dni", False)),
    },
    "02270803624": {
        "name": ("Anna", "Kowalska"),
        "terms_accepted": False,
        "contact": None,
        "declarations": (),
        "prescriptions": (),
    },
    "44051401458": {
        "name": ("Stanisław", "Wójcik"),
        "terms_accepted": True,
        "contact": ("stanislaw.wojcik@example.com", "600300400", ("email",)),
        "declarations": (("doctor", 8, "rejected", "new_year"), ("doctor", 11, "rejected", "new_year")),
        "prescriptions": (("Metformina 500 mg", _TWICE_DAILY, True),),
    },
    "00222999906": {
        "name": ("Maria", "Zielińska"),
        "terms_accepted": True,
        "contact": ("maria.zielinska@example.com", "600500600", ("sms", "email")),
        "declarations": (("doctor", 5, "accepted", "earlier"),),
        "prescriptions": (("Lewotyroksyna 50 mcg", "1 tabletka rano na czczo", True),),
    },
}


def _declaration_date(when, today):
    return datetime.date(today.year - 2, 3, 1) if when == "earlier" else datetime.date(today.year, 1, 1)


def renamable():
    """Every baseline name --rename may change: facilities, staff, medicines."""
    medicines = {rx[0] for persona in PERSONAS.values() for rx in persona["prescriptions"]}
    return {f[1] for f in FACILITIES} | {s[3] for s in STAFF} | medicines


def names(conn):
    """{baseline name: name in this database}; empty when nothing was renamed."""
    return json.loads(db.get_meta(conn, NAMES_META) or "{}")


def rename(conn, new_names):
    """Give baseline names other names in this database, now and on every reset; ValueError for unknown names."""
    unknown = sorted(set(new_names) - renamable())
    if unknown:
        raise ValueError(f"--rename: {unknown[0]!r} is no baseline name; known: {', '.join(sorted(renamable()))}")
    with db.transaction(conn):
        old, new = names(conn), {**dict.fromkeys(renamable()), **new_names}
        for original in renamable():
            was, now = old.get(original, original), new[original] or original
            if was == now:
                continue
            conn.execute("UPDATE facilities SET name = ? WHERE name = ?", (now, was))
            conn.execute("UPDATE staff SET name = ? WHERE name = ?", (now, was))
            conn.execute("UPDATE prescriptions SET medicine = ? WHERE medicine = ?", (now, was))
        db.set_meta(conn, NAMES_META, json.dumps(new_names, ensure_ascii=False) if new_names else None)


def seed(conn):
    """Insert facilities, staff and the built-in personas into an empty database (with its own names)."""
    renamed = names(conn)
    conn.executemany("INSERT INTO facilities VALUES (?, ?, ?, ?, ?, ?)",
                     [(i, renamed.get(name, name), *rest) for i, name, *rest in FACILITIES])
    conn.executemany("INSERT INTO staff VALUES (?, ?, ?, ?)",
                     [(i, facility, role, renamed.get(name, name)) for i, facility, role, name in STAFF])
    for pesel, persona in PERSONAS.items():
        first, last = persona["name"]
        add_patient(conn, pesel, first, last, pesel, builtin=True)


def reset_all(conn):
    """Everything back to baseline: real date, no extra patients, no admin faults, no events."""
    with db.transaction(conn):
        clock.set_today(conn, None)
        clock.clear_patient_dates(conn)
        for table in ("artifacts", "sessions", "order_items", "orders", "consents", "prescriptions",
                      "declarations", "patients", "staff", "facilities", "events"):
            conn.execute(f"DELETE FROM {table}")
        conn.execute("DELETE FROM faults WHERE background = 0")
        seed(conn)


def add_patient(conn, pesel, first_name, last_name, baseline, builtin=False):
    """Create a patient with the baseline of a built-in persona."""
    with db.transaction(conn):
        conn.execute(
            "INSERT INTO patients (pesel, first_name, last_name, baseline, builtin) VALUES (?, ?, ?, ?, ?)",
            (pesel, first_name, last_name, baseline, int(builtin)),
        )
        reset_patient(conn, pesel)


def reset_patient(conn, pesel):
    """Put one patient back to its persona's baseline and drop its sessions."""
    with db.transaction(conn):
        baseline = conn.execute("SELECT baseline FROM patients WHERE pesel = ?", (pesel,)).fetchone()["baseline"]
        persona = PERSONAS[baseline]
        clock.set_today(conn, None, pesel)
        today = clock.today(conn, pesel)
        for table in ("sessions", "consents", "orders", "prescriptions", "declarations"):
            conn.execute(f"DELETE FROM {table} WHERE pesel = ?", (pesel,))
        email, phone, channels = persona["contact"] or (None, None, ())
        conn.execute(
            "UPDATE patients SET terms_accepted = ?, email = ?, phone = ?, channel = ? WHERE pesel = ?",
            (int(persona["terms_accepted"]), email, phone, ",".join(channels) or None, pesel),
        )
        for number, (role, staff_id, status, when) in enumerate(persona["declarations"], start=1):
            conn.execute(
                "INSERT INTO declarations (pesel, role, staff_id, submitted_on, status, exemption,"
                " choice_number, fee) VALUES (?, ?, ?, ?, ?, 'none', ?, 0)",
                (pesel, role, staff_id, _declaration_date(when, today).isoformat(), status,
                 number if when == "new_year" else 1),
            )
        issued_on = (today - datetime.timedelta(days=45)).isoformat()
        renamed = names(conn)
        conn.executemany(
            "INSERT INTO prescriptions (pesel, medicine, dosage, continuation, issued_on) VALUES (?, ?, ?, ?, ?)",
            [(pesel, renamed.get(medicine, medicine), dosage, int(cont), issued_on)
             for medicine, dosage, cont in persona["prescriptions"]],
        )

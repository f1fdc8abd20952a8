"""Arranging a scenario's world behind two interfaces: the facility's side, and the given state of `Zakładając`.

- `Facility` is what a POZ facility's own system does to what patients send through iIKP: it accepts
  or rejects a declaration, and its doctor starts, completes or rejects a prescription order. Against
  the simulator it is `SimulatorFacility` (the admin API). Against the real iIKP it is the vendor's own
  system: a class the user supplies with `-D facility=package.module:Class` that implements this
  interface (see docs/placowka_adapter_przyklad.py). Scenarios that need it are tagged `@placowka`
  and skipped with the reason when there is none.
- `GivenState` sets up what a `Zakładając, że …` sentence states, through the simulator's admin API
  only (never by clicking through the screens); scenarios that use it are tagged `@symulator`.

Step modules see only these methods and the references of harness.created: never JSON, never ids.
"""

from __future__ import annotations

import datetime
import importlib
from typing import Protocol, runtime_checkable

from harness.created import ConsentRef, DeclarationRef, OrderRef
from harness.errors import ConfigError
from harness.personas import Persona

# How iIKP shows a role in the list of declarations -> the simulator's role code.
ROLE_CODES = {"lekarz": "doctor", "pielęgniarka": "nurse", "położna": "midwife"}
# How „Uprawnienia” names a kind -> the simulator's kind code.
CONSENT_KIND_CODES = {
    "Upoważnienie do dostępu do dokumentacji medycznej": "records_access",
    "Zgoda na udzielanie informacji o stanie zdrowia": "health_info",
    "Zgoda na udzielenie określonych świadczeń zdrowotnych": "treatment_consent",
    "Odmowa zgody na udzielenie określonych świadczeń zdrowotnych": "treatment_refusal",
}


@runtime_checkable
class Facility(Protocol):
    """The facility's side of iIKP. Each method acts on the thing as the facility knows it: the
    patient (name and PESEL), the role and chosen person of a declaration, the medicines of an order.
    It returns once the change is made; iIKP then shows it to the patient. Raise an exception with a
    clear message when the thing cannot be found or acted on."""

    def accept_declaration(self, declaration: DeclarationRef) -> None: ...

    def reject_declaration(self, declaration: DeclarationRef, note: str) -> None: ...

    def start_order(self, order: OrderRef) -> None: ...

    def complete_order(self, order: OrderRef) -> None: ...

    def reject_order(self, order: OrderRef, comment: str) -> None: ...


class ArrangeError(Exception):
    """The simulator has no such thing to act on (e.g. no submitted declaration of that person)."""


class SimulatorFacility:
    """The facility's side played by the simulator's admin API (the default against the simulator)."""

    def __init__(self, sim):
        self.sim = sim

    def accept_declaration(self, declaration: DeclarationRef) -> None:
        self.sim.declaration_action(self._declaration_id(declaration), "accept")

    def reject_declaration(self, declaration: DeclarationRef, note: str) -> None:
        self.sim.declaration_action(self._declaration_id(declaration), "reject", note)

    def start_order(self, order: OrderRef) -> None:
        self.sim.order_action(self._order_id(order), "start")

    def complete_order(self, order: OrderRef) -> None:
        self.sim.order_action(self._order_id(order), "fulfil")

    def reject_order(self, order: OrderRef, comment: str) -> None:
        self.sim.order_action(self._order_id(order), "reject", comment)

    def _declaration_id(self, declaration: DeclarationRef) -> int:
        role = ROLE_CODES[declaration.role]
        for found in self.sim.patient(declaration.patient.pesel)["declarations"]:  # newest first
            if (found["role"], found["staff_name"], found["facility_name"], found["status"]) == (
                    role, declaration.person, declaration.facility, "submitted"):
                return found["id"]
        raise ArrangeError(f"Placówka nie ma złożonej deklaracji: {declaration.describe()}")

    def _order_id(self, order: OrderRef) -> int:
        wanted = sorted(order.medicines)
        for found in self.sim.patient(order.patient.pesel)["orders"]:  # newest first
            if sorted(m["medicine"] for m in found["medicines"]) == wanted and found["status"] in (
                    "placed", "in_progress"):
                return found["id"]
        raise ArrangeError(f"Lekarz nie ma otwartego zamówienia: {order.describe()}")


def load_facility(spec: str) -> Facility:
    """The user's facility adapter from `package.module:Class` (constructed without arguments)."""
    module_name, _, class_name = spec.partition(":")
    if not module_name or not class_name:
        raise ConfigError("facility", f"'{spec}' nie ma postaci pakiet.moduł:Klasa")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise ConfigError("facility", f"nie można zaimportować modułu '{module_name}' ({error}); "
                                      "sprawdź nazwę i PYTHONPATH") from None
    adapter_class = getattr(module, class_name, None)
    if adapter_class is None:
        raise ConfigError("facility", f"moduł '{module_name}' nie ma klasy '{class_name}'")
    adapter = adapter_class()
    missing = [name for name in Facility.__dict__ if not name.startswith("_") and not hasattr(adapter, name)]
    if missing:
        raise ConfigError("facility", f"klasa '{class_name}' nie ma metod interfejsu Facility: {', '.join(missing)} "
                                      "(harness/arrange.py)")
    return adapter


class GivenState:
    """What `Zakładając, że …` states, set through the simulator's admin API (simulator only)."""

    # Where the earlier declarations of a year are arranged when a scenario only needs their number.
    EARLIER_FACILITY = "Centrum Medyczne Zdrowa Rodzina"
    FIRST_LOGIN_CONTACT = {"email": "pacjent.testowy@example.com", "phone": "600700800", "channels": ["email"]}

    def __init__(self, sim):
        self.sim = sim

    # -- the clock ---------------------------------------------------------------------------------
    def today(self) -> datetime.date:
        """The simulated date of the scenario's persona."""
        return datetime.date.fromisoformat(self.sim.today())

    def new_year(self) -> None:
        self.sim.set_today(f"{self.today().year + 1}-01-02")

    def days_pass(self, days: int) -> None:
        self.sim.advance_days(days)

    # -- the account -------------------------------------------------------------------------------
    def terms_not_accepted(self, patient: Persona) -> None:
        self.sim.update_patient(patient.pesel, terms_accepted=False)

    def no_contact_data(self, patient: Persona) -> None:
        self.sim.update_patient(patient.pesel, contact=None)

    def after_first_login(self, patient: Persona) -> None:
        """Terms accepted and contact data given, as after the first login (instrukcja CeZ pkt 2.2)."""
        self.sim.update_patient(patient.pesel, terms_accepted=True, contact=self.FIRST_LOGIN_CONTACT)

    # -- things the patient has ------------------------------------------------------------------------
    def active_consent(self, patient: Persona, kind: str, person_name: str = "", person_pesel: str = "",
                       scope: str = "", days_ago: int = 0) -> ConsentRef:
        """An active consent granted `days_ago` days before the patient's today (its start date)."""
        start = self.today() - datetime.timedelta(days=days_ago)
        self.sim.add_consent(patient.pesel, kind=CONSENT_KIND_CODES[kind], person_name=person_name or None,
                             person_pesel=person_pesel or None, scope=scope or None,
                             date_from=start.isoformat(), status="active")
        return ConsentRef(patient, kind, person_name, person_pesel, scope, start, None)

    def declarations_this_year(self, patient: Persona, role: str, count: int) -> None:
        """The patient has `count` declarations of the role dated this year (rejected ones, to count only)."""
        year = str(self.today().year)
        had = [d for d in self.sim.patient(patient.pesel)["declarations"]
               if d["role"] == ROLE_CODES[role] and d["submitted_on"].startswith(year)]
        facility_id = self._facility(self.EARLIER_FACILITY)["id"]
        for _ in range(count - len(had)):
            self.sim.add_declaration(patient.pesel, role=ROLE_CODES[role], facility_id=facility_id,
                                     status="rejected")

    def declaration_submitted(self, patient: Persona, role: str, facility: str, person: str) -> DeclarationRef:
        staff = next((member for member in self._facility(facility)["staff"] if member["name"] == person), None)
        if staff is None:
            raise ArrangeError(f"W placówce „{facility}” nie pracuje „{person}”")
        created = self.sim.add_declaration(patient.pesel, role=ROLE_CODES[role], staff_id=staff["id"])
        return DeclarationRef(patient, role, facility, person, datetime.date.fromisoformat(created["submitted_on"]))

    def prescription(self, patient: Persona, medicine: str, dosage: str = "1 tabletka raz dziennie") -> None:
        """An earlier prescription of a medicine taken long-term (orderable)."""
        self.sim.add_prescription(patient.pesel, medicine=medicine, dosage=dosage, continuation=True)

    def prescriptions(self, patient: Persona, medicines: list[str]) -> None:
        """Earlier prescriptions of these medicines, each taken long-term (orderable)."""
        for medicine in medicines:
            self.prescription(patient, medicine)

    def order_placed(self, patient: Persona, medicines: list[str], days_ago: int = 0) -> OrderRef:
        """An order of these medicines placed `days_ago` days before the patient's today."""
        prescriptions = {p["medicine"]: p["id"] for p in self.sim.patient(patient.pesel)["prescriptions"]}
        missing = [name for name in medicines if name not in prescriptions]
        if missing:
            raise ArrangeError(f"Pacjent {patient} nie ma recept na: {', '.join(missing)}")
        placed_on = {"placed_on": (self.today() - datetime.timedelta(days=days_ago)).isoformat()} if days_ago else {}
        created = self.sim.add_order(patient.pesel, prescription_ids=[prescriptions[name] for name in medicines],
                                     **placed_on)
        return OrderRef(patient, tuple(medicines), datetime.date.fromisoformat(created["placed_on"]))

    # -- the environment's faults (instrukcja CeZ pkt 3) ----------------------------------------------
    def pz_fails(self, times: int) -> None:
        self.sim.add_fault("pz_error", count=times)

    def ikp_down_once(self) -> None:
        self.sim.add_fault("ikp_down", count=1)

    def node_down(self, node: str = "isus-1") -> None:
        self.sim.add_fault("node_down", node=node)

    def _facility(self, name: str) -> dict:
        found = next((f for f in self.sim.facilities() if f["name"] == name), None)
        if found is None:
            raise ArrangeError(f"Symulator nie zna placówki „{name}”")
        return found

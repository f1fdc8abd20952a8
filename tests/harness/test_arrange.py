"""The facility's side and the scenario's record: a user adapter is loaded or refused with one clear line,
and „ta/to/tę” resolves to the last thing created, or says that there is none."""

from __future__ import annotations

import pytest

from harness.arrange import Facility, load_facility
from harness.created import ConsentRef, Created, DeclarationRef, NothingCreated, OrderRef
from harness.errors import ConfigError
from harness.personas import Persona

JAN = Persona("Jan Nowak", "80011512354")


class Complete:
    def accept_declaration(self, declaration): ...
    def reject_declaration(self, declaration, note): ...
    def start_order(self, order): ...
    def complete_order(self, order): ...
    def reject_order(self, order, comment): ...


class Partial:
    def accept_declaration(self, declaration): ...


def test_a_complete_adapter_is_loaded_and_is_a_facility():
    adapter = load_facility(f"{__name__}:Complete")
    assert isinstance(adapter, Complete) and isinstance(adapter, Facility)


@pytest.mark.parametrize(("spec", "said"), [
    ("bez_dwukropka", "pakiet.moduł:Klasa"),
    ("nie.ma.takiego:Klasa", "nie można zaimportować"),
    (f"{__name__}:NieMa", "nie ma klasy"),
    (f"{__name__}:Partial", "reject_declaration, start_order, complete_order, reject_order"),
])
def test_a_wrong_adapter_is_a_configuration_error_saying_what_is_wrong(spec, said):
    with pytest.raises(ConfigError) as error:
        load_facility(spec)
    assert said in str(error.value) and "'facility'" in str(error.value)


def test_this_and_that_is_the_last_thing_of_its_kind():
    record = Created()
    first = record.add(OrderRef(JAN, ("Metformina 500 mg",)))
    consent = record.add(ConsentRef(JAN, "Upoważnienie do dostępu do dokumentacji medycznej", "Ewa Nowak"))
    second = record.add(OrderRef(JAN, ("Bisoprolol 5 mg",)))
    assert record.last(OrderRef) is second and record.last(ConsentRef) is consent
    assert record.all(OrderRef) == [first, second]
    with pytest.raises(NothingCreated, match="„tę deklarację”.*deklaracja"):
        record.last(DeclarationRef)

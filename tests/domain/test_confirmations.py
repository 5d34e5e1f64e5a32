"""What is saved only once the clerk confirms it: Caution and Unconfirmed (domain/errors.py), and the
state of a room against its tenants (domain/households.py check_occupancy)."""

from __future__ import annotations

import pytest

from estatedesk.domain.errors import Caution, InputRejected, Unconfirmed, ValidationError, require_confirmed
from estatedesk.domain.households import RENTED_WITHOUT_TENANT, Occupancy, check_occupancy

NEW_P9 = Caution("new_parking:P-9", "parking", "parking space {space} is new", space="P-9")
RENTED = Caution(RENTED_WITHOUT_TENANT, "occupancy", "rented without a tenant")


def test_a_caution_is_a_problem_of_a_field_with_a_key() -> None:
    assert isinstance(NEW_P9, ValidationError)
    assert (NEW_P9.key, NEW_P9.field, NEW_P9.message) == (
        "new_parking:P-9",
        "parking",
        "parking space P-9 is new",
    )


def test_only_what_is_confirmed_passes() -> None:
    require_confirmed([NEW_P9, RENTED], {"new_parking:P-9", RENTED_WITHOUT_TENANT, "other"})
    require_confirmed([], ())
    with pytest.raises(Unconfirmed) as asked:
        require_confirmed([NEW_P9, RENTED], {"new_parking:P-1", RENTED_WITHOUT_TENANT})
    assert asked.value.cautions == [NEW_P9]  # a confirmation covers its own key only


def test_an_unconfirmed_input_is_refused_by_whoever_does_not_ask() -> None:
    with pytest.raises(InputRejected) as refused:
        require_confirmed([RENTED], ())
    assert refused.value.errors == [RENTED]
    assert "rented without a tenant" in str(refused.value)


def test_a_self_occupied_room_with_a_tenant_is_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        check_occupancy(Occupancy.SELF_OCCUPIED, 1)
    assert refused.value.field == "occupancy"
    assert not isinstance(refused.value, Caution)  # refused, not a question


def test_a_rented_room_without_a_tenant_is_a_caution() -> None:
    caution = check_occupancy(Occupancy.RENTED, 0, "状态")
    assert caution is not None and (caution.key, caution.field) == (RENTED_WITHOUT_TENANT, "状态")


@pytest.mark.parametrize(
    ("occupancy", "tenants"),
    [
        (Occupancy.SELF_OCCUPIED, 0),
        (Occupancy.RENTED, 1),
        (Occupancy.RENTED, 3),
        (Occupancy.VACANT, 0),
        (Occupancy.VACANT, 2),  # a lease signed, nobody moved in yet
    ],
)
def test_states_that_agree_with_the_tenants_pass(occupancy: Occupancy, tenants: int) -> None:
    assert check_occupancy(occupancy, tenants) is None

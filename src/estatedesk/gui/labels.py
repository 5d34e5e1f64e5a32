"""Translated names of the domain's values, for lists, dialogs and the detail panel (no Qt needed)."""

from __future__ import annotations

from estatedesk.domain.errors import MESSAGE_CONTEXT, EstateDeskError, ValidationError
from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse
from estatedesk.domain.repairs import State, Step
from estatedesk.gui.i18n import translate


def room_use(value: str) -> str:
    """Residential / shop / garage in the interface language."""
    return {
        RoomUse.RESIDENTIAL: translate("labels", "Residential"),
        RoomUse.SHOP: translate("labels", "Shop"),
        RoomUse.GARAGE: translate("labels", "Garage"),
    }.get(RoomUse(value), value)


def occupancy(value: str) -> str:
    """Self-occupied / rented / vacant in the interface language."""
    return {
        Occupancy.SELF_OCCUPIED: translate("labels", "Self-occupied"),
        Occupancy.RENTED: translate("labels", "Rented"),
        Occupancy.VACANT: translate("labels", "Vacant"),
    }.get(Occupancy(value), value)


def flag(value: Flag) -> str:
    """A household flag in the interface language."""
    return {
        Flag.HARDSHIP: translate("labels", "Hardship"),
        Flag.ELDERLY_ALONE: translate("labels", "Elderly living alone"),
        Flag.DISABLED: translate("labels", "Disabled"),
        Flag.DEVELOPER: translate("labels", "Developer"),
    }[value]


def flags(values: frozenset[Flag]) -> str:
    """Several flags, in a fixed order, joined for a list cell."""
    return "、".join(flag(value) for value in Flag if value in values)


def resident_role(value: ResidentRole) -> str:
    """Family member / tenant in the interface language."""
    return {
        ResidentRole.FAMILY: translate("labels", "Family member"),
        ResidentRole.TENANT: translate("labels", "Tenant"),
    }[value]


def action(value: str) -> str:
    """An audit action (create, update, archive…) in the interface language."""
    return {
        "create": translate("labels", "Created"),
        "update": translate("labels", "Changed"),
        "archive": translate("labels", "Archived"),
        "unarchive": translate("labels", "Restored from archive"),
        "delete": translate("labels", "Deleted"),
        "import": translate("labels", "Imported"),
        "demo": translate("labels", "Demo estate created"),
    }.get(value, value)


def field_name(value: str) -> str:
    """A field of a room snapshot (as kept in the audit trail) in the interface language."""
    return {
        "code": translate("labels", "Room"),
        "area": translate("labels", "Exclusive area (m²)"),
        "use": translate("labels", "Use"),
        "occupancy": translate("labels", "State"),
        "flags": translate("labels", "Flags"),
        "note": translate("labels", "Note"),
        "owners": translate("labels", "Owners"),
        "residents": translate("labels", "Residents"),
        "parking": translate("labels", "Parking spaces"),
        "archived": translate("labels", "Archived"),
        "name": translate("labels", "Name"),
        "phone": translate("labels", "Phone"),
        "landline": translate("labels", "Landline"),
        "id_number": translate("labels", "ID number"),
    }.get(value, value)


def message(error: EstateDeskError) -> str:
    """An error's message in the interface language, with its parameters filled in."""
    template = translate(MESSAGE_CONTEXT, error.template)
    try:
        return template.format(**{key: value_words(value) for key, value in error.params.items()})
    except (KeyError, IndexError):  # a translation that lost a placeholder must not crash
        return error.message


def value_words(value: object) -> object:
    """A message's parameter in the interface language when it is a word of the rules (a state, a step)."""
    if isinstance(value, State | Step):
        # Imported here: the repair presenter uses this module, and only repair messages need it.
        from estatedesk.gui.presenters.repairs import state_text, step_text

        return state_text(value) if isinstance(value, State) else step_text(value)
    return value


def messages(errors: list[ValidationError]) -> str:
    """Several errors, one per line."""
    return "\n".join(message(error) for error in errors)

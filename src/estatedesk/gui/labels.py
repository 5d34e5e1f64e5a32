"""Translated names of the domain's values, for lists, dialogs and the detail panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from estatedesk.domain.errors import MESSAGE_CONTEXT, EstateDeskError, ValidationError
from estatedesk.domain.households import Flag, Occupancy, ResidentRole, RoomUse


def room_use(value: str) -> str:
    """Residential / shop / garage in the interface language."""
    return {
        RoomUse.RESIDENTIAL: QCoreApplication.translate("labels", "Residential"),
        RoomUse.SHOP: QCoreApplication.translate("labels", "Shop"),
        RoomUse.GARAGE: QCoreApplication.translate("labels", "Garage"),
    }.get(RoomUse(value), value)


def occupancy(value: str) -> str:
    """Self-occupied / rented / vacant in the interface language."""
    return {
        Occupancy.SELF_OCCUPIED: QCoreApplication.translate("labels", "Self-occupied"),
        Occupancy.RENTED: QCoreApplication.translate("labels", "Rented"),
        Occupancy.VACANT: QCoreApplication.translate("labels", "Vacant"),
    }.get(Occupancy(value), value)


def flag(value: Flag) -> str:
    """A household flag in the interface language."""
    return {
        Flag.HARDSHIP: QCoreApplication.translate("labels", "Hardship"),
        Flag.ELDERLY_ALONE: QCoreApplication.translate("labels", "Elderly living alone"),
        Flag.DISABLED: QCoreApplication.translate("labels", "Disabled"),
    }[value]


def flags(values: frozenset[Flag]) -> str:
    """Several flags, in a fixed order, joined for a list cell."""
    return "、".join(flag(value) for value in Flag if value in values)


def resident_role(value: ResidentRole) -> str:
    """Family member / tenant in the interface language."""
    return {
        ResidentRole.FAMILY: QCoreApplication.translate("labels", "Family member"),
        ResidentRole.TENANT: QCoreApplication.translate("labels", "Tenant"),
    }[value]


def action(value: str) -> str:
    """An audit action (create, update, archive…) in the interface language."""
    return {
        "create": QCoreApplication.translate("labels", "Created"),
        "update": QCoreApplication.translate("labels", "Changed"),
        "archive": QCoreApplication.translate("labels", "Archived"),
        "unarchive": QCoreApplication.translate("labels", "Restored from archive"),
        "delete": QCoreApplication.translate("labels", "Deleted"),
        "import": QCoreApplication.translate("labels", "Imported"),
        "demo": QCoreApplication.translate("labels", "Demo estate created"),
    }.get(value, value)


def field_name(value: str) -> str:
    """A field of a room snapshot (as kept in the audit trail) in the interface language."""
    return {
        "code": QCoreApplication.translate("labels", "Room"),
        "area": QCoreApplication.translate("labels", "Exclusive area (m²)"),
        "use": QCoreApplication.translate("labels", "Use"),
        "occupancy": QCoreApplication.translate("labels", "State"),
        "flags": QCoreApplication.translate("labels", "Flags"),
        "note": QCoreApplication.translate("labels", "Note"),
        "owners": QCoreApplication.translate("labels", "Owners"),
        "residents": QCoreApplication.translate("labels", "Residents"),
        "parking": QCoreApplication.translate("labels", "Parking spaces"),
        "archived": QCoreApplication.translate("labels", "Archived"),
        "name": QCoreApplication.translate("labels", "Name"),
        "phone": QCoreApplication.translate("labels", "Phone"),
        "id_number": QCoreApplication.translate("labels", "ID number"),
    }.get(value, value)


def message(error: EstateDeskError) -> str:
    """An error's message in the interface language, with its parameters filled in."""
    template = QCoreApplication.translate(MESSAGE_CONTEXT, error.template)
    try:
        return template.format(**error.params)
    except (KeyError, IndexError):  # a translation that lost a placeholder must not crash
        return error.message


def messages(errors: list[ValidationError]) -> str:
    """Several errors, one per line."""
    return "\n".join(message(error) for error in errors)

"""EstateDesk (小区物业台账): the office program of a self-managed residential compound."""

__version__ = "0.1.0"
APP_NAME = "EstateDesk"

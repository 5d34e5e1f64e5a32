"""The rules of the estate in plain Python: no Qt, no database."""

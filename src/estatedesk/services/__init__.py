"""What people do with EstateDesk: one function, one transaction; GUI and CLI call these."""

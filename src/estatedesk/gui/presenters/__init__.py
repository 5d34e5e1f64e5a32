"""What the tabs show that is pure text or arithmetic, apart from Qt so that it is tested without it."""

"""Printed documents (fpdf2), in Chinese, with the bundled font embedded so every name prints."""

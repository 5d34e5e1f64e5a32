"""Translation for code that must not need Qt (presenters, labels), so it can be tested without it.

``translate(context, text)`` is what lupdate collects, as for ``QCoreApplication.translate``.
Until the application installs Qt's translator function, texts stay in English.
"""

from __future__ import annotations

from collections.abc import Callable

# The interface languages offered (code: name in that language); Simplified Chinese unless chosen.
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

Translator = Callable[[str, str], str]
_installed: list[Translator] = []


def install(translator: Translator) -> None:
    """Translate from now on with ``translator`` (the application installs Qt's)."""
    _installed[:] = [translator]


def translate(context: str, text: str) -> str:
    """``text`` in the interface language (English when nothing is installed)."""
    return _installed[0](context, text) if _installed else text

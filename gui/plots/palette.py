"""Colours that stay distinguishable for colour-blind viewers and on a projector (Okabe-Ito)."""

from __future__ import annotations

from core.registry import IMPLEMENTATIONS, OKABE_ITO

SYMBOLS = ("o", "s", "t", "d", "star", "h", "p", "+")
FALLBACK = OKABE_ITO[-1]


def impl_color(name: str) -> str:
    """The implementation's registry colour, so every plot uses the same one."""
    return IMPLEMENTATIONS[name].colour if name in IMPLEMENTATIONS else FALLBACK


def impl_label(name: str) -> str:
    """The implementation's registry label (e.g. ``Conv channels_last``), in the interface language."""
    return IMPLEMENTATIONS[name].shown_label() if name in IMPLEMENTATIONS else name


def impl_symbol(name: str) -> str:
    names = IMPLEMENTATIONS.names
    return SYMBOLS[names.index(name) % len(SYMBOLS)] if name in names else SYMBOLS[-1]

"""Numbers as the CLI's tables and the window's formula panel show them."""

from __future__ import annotations

from core.i18n import tr


def format_number(value: float) -> str:
    """Integers with thousands separators, floats in compact scientific form, booleans as yes/no."""
    if isinstance(value, bool):
        return tr("Number format", "yes") if value else tr("Number format", "no")
    if isinstance(value, int):
        return f"{value:,}"
    if value == 0:
        return "0"
    return f"{value:.3g}" if 1e-3 <= abs(value) < 1e4 else f"{value:.3e}"

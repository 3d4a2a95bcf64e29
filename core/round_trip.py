"""The weight round trip (conv -> Linear -> conv) in words: which weights come back, and why some cannot."""

from __future__ import annotations

from core.i18n import tr


def describe_round_trip(exact: bool, unreachable: int, total: int) -> str:
    """One sentence for the CLI and the window.

    ``exact``: every conv weight the Linear holds comes back bit for bit. ``unreachable``: conv weights (kernel taps)
    that only ever multiply padding, of ``total``: the Linear never holds them, so no mapping can give them back;
    that is a fact of the geometry, not a failure of the mapping, and they never affect the output.
    """
    if not exact:
        return tr("Round trip", "NOT exact: the Linear's weights are not the conv's gathered through the index map")
    if not unreachable:
        return tr("Round trip", "exact")
    return tr(
        "Round trip",
        "exact for the {held:,} weights the Linear holds; {unreachable:,} of {total:,} conv weights are kernel taps "
        "that only ever meet padding: the Linear never multiplies them, so it cannot give them back (they never "
        "affect the output)",
    ).format(held=total - unreachable, unreachable=unreachable, total=total)

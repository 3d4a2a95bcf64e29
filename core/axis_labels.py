"""What each heatmap's axes are called, by the spec's dims: one definition for the panels and the data export."""

from __future__ import annotations

from core.i18n import tr, tr_noop

AXIS_LABELS_CONTEXT = "Axis labels"
# (x, y) labels, in English: the data export writes them as they are, a panel shows axis_label(text). A 1-D kernel
# has taps k; a 2-D one rows kh and columns kw. Symbols (cout, kh, w...) read the same in every language.
CONV_GRID_AXES = {1: ("cin/groups × k", "cout"), 2: ("cin/groups × kw", "cout × kh")}
PATCH_AXES = {
    1: (tr_noop("Axis labels", "output position"), "cin × k"),
    2: (tr_noop("Axis labels", "output position"), "cin × kh × kw"),
}
SLIDING_AXES = {
    1: {
        "input": (tr_noop("Axis labels", "position l (padded)"), ""),
        "kernel": (tr_noop("Axis labels", "tap k"), ""),
        "output": (tr_noop("Axis labels", "position l"), ""),
    },
    2: {"input": ("w", "h"), "kernel": ("kw", "kh"), "output": ("j", "i")},
}
# the equality panel's outputs: sample 0, channels x positions
OUTPUT_MAP_AXES = (tr_noop("Axis labels", "output position"), tr_noop("Axis labels", "channel"))


def axis_label(text: str) -> str:
    """One of the labels above as a panel shows it, in the interface language (a symbol stays as it is)."""
    return tr(AXIS_LABELS_CONTEXT, text) if text else text

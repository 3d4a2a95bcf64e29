"""What each heatmap's axes are called, by the spec's dims: one definition for the panels and the data export."""

from __future__ import annotations

# (x, y) labels. A 1-D kernel has taps k; a 2-D one rows kh and columns kw.
CONV_GRID_AXES = {1: ("cin/groups × k", "cout"), 2: ("cin/groups × kw", "cout × kh")}
PATCH_AXES = {1: ("output position", "cin × k"), 2: ("output position", "cin × kh × kw")}
SLIDING_AXES = {
    1: {"input": ("position l (padded)", ""), "kernel": ("tap k", ""), "output": ("position l", "")},
    2: {"input": ("w", "h"), "kernel": ("kw", "kh"), "output": ("j", "i")},
}
OUTPUT_MAP_AXES = ("output position", "channel")  # the equality panel's outputs: sample 0, channels x positions

"""The window's panels and themes by name, defined once where every face can read them (the CLI may not import gui)."""

from __future__ import annotations

# The tabs in the middle of the window, then the two docks beside them.
PANEL_CHOICES = (
    "weights", "sliding", "equality", "init", "code", "compare", "speed", "claims", "models", "formulas", "parameters",
)  # fmt: skip
DOCK_CHOICES = ("parameters", "formulas")
THEME_CHOICES = ("light", "dark")
ZOOM_RANGE = (0.8, 2.5)  # font zoom, Ctrl+/- and saved sessions alike
# The heatmaps a story step can outline cells on, per panel (each panel's ``highlight_targets``).
HIGHLIGHT_TARGETS: dict[str, tuple[str, ...]] = {
    "weights": ("linear", "conv", "patches"),
    "sliding": ("input", "kernel", "output", "matrix"),
    "equality": ("conv", "linear", "difference"),
}

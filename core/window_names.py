"""The window's panels and themes by name, defined once where every face can read them (the CLI may not import gui)."""

from __future__ import annotations

# The tabs in the middle of the window, then the two docks beside them.
PANEL_CHOICES = ("weights", "sliding", "equality", "init", "code", "speed", "formulas", "parameters")
THEME_CHOICES = ("light", "dark")

"""One application-wide look: Fusion style, light or dark palette, a font zoom, and one style sheet."""

from __future__ import annotations

import string
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from core.window_names import THEME_CHOICES

BASE_POINT_SIZE = 11
CAPTION_POINT_SIZE = 14  # a story step's caption line, at zoom 1
HEADING_POINT_SIZE = 13
BADGE_POINT_SIZE = 16
CHECK_BOX_PX = 12
PRESENTATION_SCALE = 1.6  # fonts in presentation mode, plots included, for the back row of a lecture hall
# Error text and marks: 4.5:1 or more against each theme's window colour.
ERROR_COLOURS = {"light": "#c62828", "dark": "#ff7b72"}
THEMES = THEME_CHOICES

# The only style sheet: marks fields core rejected (dynamic property), the equality badge states, and the banners
# that say a panel's data is pending, stale or failed.
APP_STYLE = string.Template("""
*[invalid="true"] { border: 2px solid $error; border-radius: 3px; }
QLabel[role="error"] { color: $error; font-weight: 600; }
QLabel[role="badge"] { border-radius: 6px; padding: 6px 14px; font-size: ${badge}pt; font-weight: 700; color: white; }
QLabel[role="badge"][state="pass"] { background: #1b7f3b; }
QLabel[role="badge"][state="fail"] { background: #c0392b; }
QLabel[role="badge"][state="busy"] { background: #7f8c8d; }
QLabel[role="heading"] { font-weight: 700; font-size: ${heading}pt; }
QLabel[role="banner"] { border-radius: 4px; padding: 4px 10px; font-weight: 600; }
QLabel[role="banner"][state="pending"] { background: #f3d27a; color: #2b2100; }
QLabel[role="banner"][state="partial"] { background: #f3d27a; color: #2b2100; }
QLabel[role="banner"][state="stale"] { background: #9aa3ad; color: #111111; }
QLabel[role="banner"][state="failed"] { background: #c0392b; color: white; }
QLabel[role="banner"][state="current"] { background: transparent; font-weight: 400; }
QCheckBox::indicator:unchecked, QListView::indicator:unchecked { border: 1px solid $outline; border-radius: 2px;
    width: ${box}px; height: ${box}px; background: $field; }
QLabel[role="caption"] { font-size: ${caption}pt; font-weight: 600; padding: 4px 8px; }
QLabel[role="counter"] { font-size: ${caption}pt; font-weight: 700; padding: 0 8px; }
""")


# Presentation mode: the theme's colours pushed to pure black and white (projectors wash out greys).
HIGH_CONTRAST = {
    "light": {"Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff", "Text": "#000000",
              "Button": "#e6e6e6", "ButtonText": "#000000", "AlternateBase": "#f0f0f0", "PlaceholderText": "#444444"},
    "dark": {"Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "Text": "#ffffff",
             "Button": "#262626", "ButtonText": "#ffffff", "AlternateBase": "#141414", "PlaceholderText": "#bbbbbb"},
}  # fmt: skip


def palette(theme: str, high_contrast: bool = False) -> QPalette:
    """The theme's palette; ``high_contrast`` for presentation mode."""
    pal = QPalette()
    if theme == "dark":
        colours = {
            QPalette.ColorRole.Window: "#24272b",
            QPalette.ColorRole.WindowText: "#e8e8e8",
            QPalette.ColorRole.Base: "#2f3338",  # lighter than the window: fields and check boxes stand out
            QPalette.ColorRole.AlternateBase: "#383c42",
            QPalette.ColorRole.Text: "#e8e8e8",
            QPalette.ColorRole.Button: "#30343a",
            QPalette.ColorRole.ButtonText: "#e8e8e8",
            QPalette.ColorRole.Highlight: "#3d7bd9",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#30343a",
            QPalette.ColorRole.ToolTipText: "#e8e8e8",
            QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        }
    else:
        colours = {
            QPalette.ColorRole.Window: "#f4f5f7",
            QPalette.ColorRole.WindowText: "#1d1f22",
            QPalette.ColorRole.Base: "#ffffff",
            QPalette.ColorRole.AlternateBase: "#eef0f3",
            QPalette.ColorRole.Text: "#1d1f22",
            QPalette.ColorRole.Button: "#e9ebee",
            QPalette.ColorRole.ButtonText: "#1d1f22",
            QPalette.ColorRole.Highlight: "#2f6fd0",
            QPalette.ColorRole.HighlightedText: "#ffffff",
            QPalette.ColorRole.ToolTipBase: "#ffffe1",
            QPalette.ColorRole.ToolTipText: "#1d1f22",
            QPalette.ColorRole.PlaceholderText: "#777777",
        }
    if high_contrast:
        colours |= {getattr(QPalette.ColorRole, role): colour for role, colour in HIGH_CONTRAST[theme].items()}
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    # Disabled text greyed (the placeholder colour), so a button that cannot be pressed does not look as if it can.
    for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours[QPalette.ColorRole.PlaceholderText]))
    return pal


def plot_colours(theme: str, high_contrast: bool = False) -> tuple[str, str]:
    """(background, foreground) for pyqtgraph plots in ``theme``."""
    if high_contrast:
        return (HIGH_CONTRAST[theme]["Base"], HIGH_CONTRAST[theme]["Text"])
    return ("#1b1d20", "#e8e8e8") if theme == "dark" else ("#ffffff", "#1d1f22")


@dataclass(frozen=True)
class PlotStyle:
    """How every plot and heatmap is drawn: colours and a font scale (font zoom x presentation factor).

    Plots size their fonts as ``style.points(base)``, so Ctrl+/- and presentation mode scale titles, axes, tick
    labels, legends and cell values together with the widgets' fonts.
    """

    background: str = "#ffffff"
    foreground: str = "#1d1f22"
    font_scale: float = 1.0

    def points(self, base: float) -> float:
        """``base`` points (as drawn at zoom 1) at this style's scale."""
        return base * self.font_scale

    def font(self, base: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setPointSizeF(self.points(base))
        font.setBold(bold)
        return font


def apply_theme(app: QApplication, theme: str, zoom: float = 1.0, high_contrast: bool = False) -> None:
    """Set style, palette, font size and the app-wide style sheet; pyqtgraph defaults follow the theme."""
    app.setStyle("Fusion")
    app.setPalette(palette(theme, high_contrast))
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINT_SIZE * zoom)
    app.setFont(font)
    pal = app.palette()
    app.setStyleSheet(
        APP_STYLE.substitute(
            error=ERROR_COLOURS[theme],
            caption=f"{CAPTION_POINT_SIZE * zoom:.1f}",
            heading=f"{HEADING_POINT_SIZE * zoom:.1f}",  # headings, badges and boxes grow with the zoom too
            badge=f"{BADGE_POINT_SIZE * zoom:.1f}",
            box=round(CHECK_BOX_PX * zoom),
            outline=pal.color(QPalette.ColorRole.PlaceholderText).name(),  # an empty box must show in both themes
            field=pal.color(QPalette.ColorRole.Base).name(),
        )
    )
    background, foreground = plot_colours(theme, high_contrast)
    pg.setConfigOptions(imageAxisOrder="row-major", background=background, foreground=foreground, antialias=True)

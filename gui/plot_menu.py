"""Right-click on any plot or heatmap of the window: Export PNG…, Export SVG…, Export CSV…, Copy image, View all.

One event filter serves every pyqtgraph view under the window (heatmaps, the Init histogram, the Speed and Claims
plots): a right-click (or the menu key) opens this menu instead of pyqtgraph's own, whose menus are turned off; a
right-drag still zooms, as pyqtgraph does. Pictures are drawn as Export all draws them (:mod:`gui.figure_render`:
1920 px wide, and SVG); the CSV is what the view draws (:mod:`gui.figure_data`). Every file is written atomically;
a failed write is a message naming the reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from core.atomic_write import describe_write_error, write_bytes_atomic, write_text_atomic
from core.i18n import tr
from gui.export_figures import all_figures
from gui.export_runner import show_warning
from gui.figure_data import figure_csv, plot_items
from gui.figure_render import figure_image, figure_svg
from gui.image_file import encode_image

if TYPE_CHECKING:
    from gui.main_window import MainWindow

MENU_WIDTH = 1920  # pixels of an image exported or copied from the menu
KINDS = ("png", "svg", "csv")


class PlotMenus(QObject):
    """Gives every pyqtgraph view under ``window`` the export menu; :meth:`menu_for` builds it for one view."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder = Path.home()
        self.views: dict[QObject, pg.GraphicsView] = {}
        self._pressed: QPoint | None = None
        for view in window.findChildren(pg.GraphicsView):
            self.watch(view)

    def watch(self, view: pg.GraphicsView) -> None:
        """Give ``view`` the menu (views made after the window are added this way)."""
        self.views[view.viewport()] = view
        view.viewport().installEventFilter(self)
        for item in view.scene().items():
            if isinstance(item, pg.ViewBox):
                item.setMenuEnabled(False)  # its right-click menu would open beside this one

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        view = self.views.get(watched)
        if view is None:
            return False
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.RightButton:
                self._right_button(view, event)
            return False  # pyqtgraph sees every click: a right-drag still zooms
        if kind == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            if event.reason() != QContextMenuEvent.Reason.Mouse:  # the menu key: at the view's centre
                self.menu_for(view).popup(view.mapToGlobal(QPoint(view.width() // 2, view.height() // 2)))
            return True
        return False

    def _right_button(self, view: pg.GraphicsView, event: QMouseEvent) -> None:
        """A right click (released where it was pressed) opens the menu; a right drag does not."""
        where = event.position().toPoint()
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed = where
            return
        pressed, self._pressed = self._pressed, None
        if pressed is not None and (where - pressed).manhattanLength() < QApplication.startDragDistance():
            self.menu_for(view).popup(event.globalPosition().toPoint())

    def name_of(self, view: pg.GraphicsView) -> str:
        """The view's file stem, as Export all names it (``weights-linear``), else ``figure``."""
        return next((figure.name for figure in all_figures(self.window) if figure.view is view), "figure")

    def menu_for(self, view: pg.GraphicsView) -> QMenu:
        """The menu for ``view`` (deleted once closed)."""
        menu = QMenu(self.window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        labels = {
            "png": tr("Plot menu", "Export PNG…"),
            "svg": tr("Plot menu", "Export SVG…"),
            "csv": tr("Plot menu", "Export CSV…"),
        }
        for kind, label in labels.items():
            action = menu.addAction(label)
            action.setObjectName(f"export-{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.export_dialog(view, k))
        copy = menu.addAction(tr("Plot menu", "Copy image"))
        copy.setObjectName("copy-image")
        copy.triggered.connect(lambda: self.copy_image(view))
        menu.addSeparator()
        view_all = menu.addAction(tr("Plot menu", "View all"))
        view_all.setObjectName("view-all")
        view_all.triggered.connect(lambda: [plot.vb.autoRange() for plot in plot_items(view)])
        return menu

    def export_dialog(self, view: pg.GraphicsView, kind: str) -> None:
        filters = {
            "png": tr("Plot menu", "PNG image (*.png)"),
            "svg": tr("Plot menu", "SVG drawing (*.svg)"),
            "csv": tr("Plot menu", "CSV table (*.csv)"),
        }
        suggested = str(self.folder / f"{self.name_of(view)}.{kind}")
        name, _ = QFileDialog.getSaveFileName(
            self.window, tr("Plot menu", "Export the figure"), suggested, filters[kind]
        )
        if name:
            self.save(view, kind, Path(name))

    def save(self, view: pg.GraphicsView, kind: str, path: Path) -> bool:
        """Write what ``view`` shows to ``path`` as ``kind`` (png, svg or csv); a failed write is a message."""
        try:
            if kind == "png":
                write_bytes_atomic(path, encode_image(figure_image(view, MENU_WIDTH)))
            elif kind == "svg":
                write_bytes_atomic(path, figure_svg(view))
            elif kind == "csv":
                write_text_atomic(path, figure_csv(view))
            else:
                raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        except OSError as error:
            text = describe_write_error(path, error)
            self.window.status.setText(tr("Plot menu", "not exported: {reason}").format(reason=text))
            show_warning(self.window, tr("Plot menu", "Not exported"), text)
            return False
        self.folder = path.parent
        self.window.status.setText(tr("Plot menu", "exported {path}").format(path=path))
        return True

    def copy_image(self, view: pg.GraphicsView) -> None:
        """Put the view's picture (as Export PNG draws it) on the clipboard."""
        clipboard = QApplication.clipboard()
        clipboard.setImage(figure_image(view, MENU_WIDTH))
        self.window.status.setText(tr("Plot menu", "copied the figure to the clipboard"))


def install_plot_menus(window: MainWindow) -> PlotMenus:
    """Give every plot and heatmap of ``window`` the export menu."""
    return PlotMenus(window)

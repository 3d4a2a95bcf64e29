"""File → Export all in the window (drawing on the GUI thread a step per turn, writing in a worker, Cancel in either
phase) and the right-click menu of every plot and heatmap (PNG, SVG, CSV, clipboard)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.dom import minidom

import pyqtgraph as pg
import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QProgressDialog, QPushButton

from core.export_index import INDEX_MD, MANIFEST
from gui.export_runner import SHORTCUT, ExportRunner, export_all_to
from gui.figure_data import PLOT_COLUMNS
from gui.figure_render import BASE_SIZE, figure_image
from gui.image_file import encode_image
from gui.main_window import MainWindow
from tests.gui.windows import lab_window

PRESET = "stride2-1x1-downsample"  # 16 output positions


@pytest.fixture
def window(qtbot, tmp_path: Path):
    win = lab_window(qtbot, tmp_path / "s.ini", size=(1600, 950))
    win.load_preset(PRESET, synchronous=True, story=False)
    win.show_panel("code")
    yield win
    win.close()


def finish(qtbot, runner: ExportRunner, timeout: int = 120_000) -> tuple[str, object]:
    """Wait for the runner's end: ("finished", paths or None) or ("failed", message)."""
    outcome: list[tuple[str, object]] = []
    runner.finished.connect(lambda value: outcome.append(("finished", value)))
    runner.failed.connect(lambda message: outcome.append(("failed", message)))
    qtbot.waitUntil(lambda: bool(outcome), timeout=timeout)
    return outcome[0]


def listing(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


def test_export_all_writes_every_figure_and_leaves_the_window_as_it_was(qtbot, window, tmp_path: Path) -> None:
    sliding = window.panels["sliding"]
    sliding.position.setValue(3)
    tab = window.tabs.currentIndex()
    out = tmp_path / "export"
    seen: list[float] = []
    runner = export_all_to(window, out)
    assert runner is not None
    runner.progressed.connect(lambda fraction, _: seen.append(fraction))
    outcome, paths = finish(qtbot, runner)
    assert outcome == "finished" and isinstance(paths, list)
    names = listing(out)
    assert {str(p.relative_to(out)) for p in paths} | {"sliding-frames"} == names
    for stem in ("weights-linear", "weights-conv", "sliding-input", "equality-conv", "init-histogram"):
        assert {f"{stem}.png", f"{stem}.svg"} <= names
    frames = [(out / n).read_bytes() for n in sorted(names) if n.startswith("sliding-frames/")]
    assert len(frames) == len(set(frames)) == 16  # one for each position
    with Image.open(out / "sliding-window.gif") as gif:
        assert gif.n_frames == 16
    assert {INDEX_MD, MANIFEST, "linconv_script.py", "data.json"} <= names
    assert seen == sorted(seen) and seen[-1] >= 0.5  # both phases reported, in order
    assert (window.tabs.currentIndex(), sliding.position.value()) == (tab, 3)
    assert f"exported {len(paths)} files to {out}" in window.status.text()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window]


@pytest.mark.parametrize("phase", ["drawing", "writing"])
def test_cancel_leaves_no_file_and_no_staging_folder(qtbot, window, tmp_path: Path, phase: str) -> None:
    out = tmp_path / "export"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    sliding = window.panels["sliding"]
    sliding.play_button.setChecked(True)  # paused while the export steps through it, playing again after
    runner = export_all_to(window, out)
    assert runner is not None

    def maybe_cancel(fraction: float, _text: str) -> None:
        if (phase == "drawing" and fraction > 0.1) or (phase == "writing" and fraction > 0.6):
            assert phase == "writing" or not sliding.play_button.isChecked()  # paused while drawing
            runner.cancel()

    runner.progressed.connect(maybe_cancel)
    assert finish(qtbot, runner) == ("finished", None)
    assert listing(out) == {"notes.txt"}
    assert "export cancelled: nothing was written" in window.status.text()
    assert sliding.play_button.isChecked()
    sliding.play_button.setChecked(False)


def test_the_progress_dialog_cancel_button_cancels(qtbot, window, tmp_path: Path) -> None:
    runner = export_all_to(window, tmp_path / "export")
    assert runner is not None
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible())
    QTest.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert finish(qtbot, runner) == ("finished", None)
    assert not (tmp_path / "export").exists()  # the folder it would have created is not there either


def test_an_unwritable_folder_is_a_message_and_nothing_is_written(qtbot, window, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    assert export_all_to(window, blocker / "export") is None
    assert "is a file, not a folder" in window.status.text()
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "is a file, not a folder" in boxes[0].text()
    boxes[0].close()
    assert blocker.read_text() == "x" and not [p for p in tmp_path.rglob("*") if "export" in p.name]


def test_an_invalid_field_is_said_before_anything_is_asked(qtbot, window, tmp_path: Path) -> None:
    window.edit_field("groups", 7)
    assert export_all_to(window, tmp_path / "export") is None
    assert "groups is invalid" in window.status.text()
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
        box.close()
    assert not (tmp_path / "export").exists()


def test_file_menu_has_export_all_with_its_shortcut(window) -> None:
    actions = [a for a in window.findChildren(QAction) if a.shortcut().toString() == SHORTCUT]
    assert len(actions) == 1 and "Export &all" in actions[0].text()  # and no other action has the shortcut
    file_menu = window.menuBar().actions()[0].menu()
    assert actions[0] in file_menu.actions()


# ----- the right-click menu -----------------------------------------------------------------------------------------
def heatmap_view(window: MainWindow, panel: str = "weights", target: str = "conv") -> pg.GraphicsView:
    window.show_panel(panel)
    QApplication.processEvents()
    return window.panels[panel].target_maps()[target].view


def trigger(menu: QMenu, name: str) -> None:
    next(a for a in menu.actions() if a.objectName() == name).trigger()


def test_every_plot_and_heatmap_of_the_window_has_the_menu(window) -> None:
    views = window.findChildren(pg.GraphicsView)
    assert len(views) > 20  # heatmaps, the Init histogram, the Speed and Claims plots
    assert all(view.viewport() in window.plot_menus.views for view in views)
    menu = window.plot_menus.menu_for(views[0])
    assert [a.objectName() for a in menu.actions() if a.objectName()] == [
        "export-png",
        "export-svg",
        "export-csv",
        "copy-image",
        "view-all",
    ]


def shown_menus() -> list[QMenu]:
    return [m for m in QApplication.topLevelWidgets() if isinstance(m, QMenu) and m.isVisible()]


@pytest.mark.parametrize(("panel", "target"), [("weights", "conv"), ("init", None)])
def test_right_click_opens_the_export_menu_not_pyqtgraphs(qtbot, window, panel: str, target: str | None) -> None:
    view = heatmap_view(window, panel, target) if target else window.panels[panel].plot_widget
    window.show_panel(panel)
    centre = QPoint(view.width() // 2, view.height() // 2)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=centre)
    qtbot.waitUntil(lambda: bool(shown_menus()), timeout=2000)
    menus = shown_menus()
    assert len(menus) == 1  # pyqtgraph's own menu stays closed
    assert "copy-image" in [a.objectName() for a in menus[0].actions()]
    menus[0].close()


def test_a_right_drag_zooms_and_opens_no_menu(qtbot, window) -> None:
    view = heatmap_view(window)
    QTest.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=QPoint(60, 60))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=QPoint(160, 120))
    QApplication.processEvents()
    assert shown_menus() == []


def test_menu_exports_png_svg_and_csv_of_a_heatmap(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    view = heatmap_view(window, "weights", "conv")
    asked: list[str] = []

    def save_name(_parent, _title, suggested, _filter):
        asked.append(Path(suggested).name)
        return str(tmp_path / Path(suggested).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    menu = window.plot_menus.menu_for(view)
    for kind in ("png", "svg", "csv"):
        trigger(menu, f"export-{kind}")
    assert asked == ["weights-conv.png", "weights-conv.svg", "weights-conv.csv"]
    with Image.open(tmp_path / "weights-conv.png") as image:
        assert image.width == 1920
    assert minidom.parse(str(tmp_path / "weights-conv.svg")).documentElement.tagName == "svg"
    rows = list(csv.reader(io.StringIO((tmp_path / "weights-conv.csv").read_text(encoding="utf-8"))))
    grid = window.controller.result.conv.conv_grid.values
    assert rows[0][0] == "cout × kh \\ cin/groups × kw" and len(rows) == grid.shape[0] + 1
    assert [[float(v) for v in row[1:]] for row in rows[1:]] == grid.tolist()
    assert f"exported {tmp_path / 'weights-conv.csv'}" in window.status.text()


def test_menu_exports_a_plots_curves_as_csv(qtbot, window, tmp_path: Path) -> None:
    window.show_panel("init")
    QApplication.processEvents()
    view = window.panels["init"].plot_widget
    assert window.plot_menus.save(view, "csv", tmp_path / "init.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "init.csv").read_text(encoding="utf-8"))))
    init = window.controller.result.init
    bins = len(init.linear_density)
    curves = [r for r in rows if r["x_end"]]
    assert tuple(rows[0]) == PLOT_COLUMNS and len(curves) == 2 * bins
    assert [float(r["y"]) for r in curves[:bins]] == pytest.approx(list(init.linear_density))
    lines = sorted(float(r["x"]) for r in rows if r["series"].startswith("line"))
    assert lines == pytest.approx(sorted([-init.linear_bound, init.linear_bound, -init.conv_bound, init.conv_bound]))


def test_copy_image_puts_the_figure_on_the_clipboard(qtbot, window) -> None:
    QApplication.clipboard().clear()
    view = heatmap_view(window, "equality", "difference")
    trigger(window.plot_menus.menu_for(view), "copy-image")
    image = QApplication.clipboard().image()
    assert not image.isNull() and image.width() == 1920


def test_a_failed_menu_export_is_a_message_and_leaves_no_file(qtbot, window, tmp_path: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x")
    assert not window.plot_menus.save(heatmap_view(window), "png", blocker / "a.png")
    assert "is a file, not a folder" in window.status.text()
    for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
        box.close()
    assert blocker.read_text() == "x"


def amber_box(image) -> tuple[int, int, int, int]:
    """The bounding box of the amber hover/step outline's pixels."""
    import numpy as np

    pixels = np.asarray(Image.open(io.BytesIO(encode_image(image))).convert("RGB"), dtype=int)
    amber = (abs(pixels[..., 0] - 0xFF) < 40) & (abs(pixels[..., 1] - 0xB0) < 40) & (pixels[..., 2] < 60)
    rows, cols = np.nonzero(amber)
    return int(cols.min()), int(rows.min()), int(cols.max()), int(rows.max())


def test_figures_scale_outlines_with_the_picture_and_give_the_view_its_size_back(window) -> None:
    view = heatmap_view(window, "sliding", "output")
    window.panels["sliding"].output_map.highlight([(1, 1)])
    size = view.size()
    small, large = figure_image(view, BASE_SIZE[0]), figure_image(view, 2 * BASE_SIZE[0])
    assert (small.width(), small.height()) == BASE_SIZE and large.width() == 2 * BASE_SIZE[0]
    x0, y0, x1, y1 = amber_box(small)
    assert amber_box(large) == pytest.approx((2 * x0, 2 * y0, 2 * x1, 2 * y1), abs=4)  # the same cell, twice as big
    assert view.size() == size


def test_speed_and_claim_plots_are_exported_once_they_have_results(qtbot, window, tmp_path: Path) -> None:
    from tests.test_bench_export import sweep_result

    speed, claims = window.panels["speed"], window.panels["claims"]
    speed.result = sweep_result()
    speed._draw()
    with qtbot.waitSignal(claims.claimFinished, timeout=60_000):
        claims.start("stride")
    runner = export_all_to(window, tmp_path / "export")
    assert runner is not None
    outcome, _ = finish(qtbot, runner)
    assert outcome == "finished"
    names = listing(tmp_path / "export")
    for stem in (
        "speed-time",
        "speed-ratio-bars",
        "speed-ratio",
        "speed-roofline",
        "claims-stride-1",
        "claims-stride-2",
    ):
        assert {f"{stem}.png", f"{stem}.svg", f"{stem}.csv"} <= names, stem
    rows = list(csv.DictReader(io.StringIO((tmp_path / "export" / "speed-time.csv").read_text(encoding="utf-8"))))
    assert any(r["y_low"] and r["y_high"] for r in rows)  # the quartile bars, read back from the plot
    index = (tmp_path / "export" / INDEX_MD).read_text(encoding="utf-8")
    assert "## Not included" in index and "- Speed:" not in index and "- Claims:" not in index
    assert claims.current == "init"  # the claim shown before the export is shown again

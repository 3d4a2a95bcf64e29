"""The Models tab, driven as a person would: choose an example, open it, tick, rewrite, time, save, export."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import torch
from PySide6.QtCore import Qt

from core.models.loading import ModelSource, build_model
from core.models.rewrite import load_rewritten
from gui.panels.models import ModelsPanel
from tests.gui.windows import lab_window

WAIT_MS = 240_000


def models_tab(qtbot: Any, tmp_path: Path) -> ModelsPanel:
    window = lab_window(qtbot, tmp_path / "settings.ini", size=(1600, 950))
    panel = window.panels["models"]
    window.tabs.setCurrentWidget(window.frames["models"])
    assert isinstance(panel, ModelsPanel)
    return panel


def choose(panel: ModelsPanel, name: str) -> None:
    panel.source_kind.setCurrentIndex(panel.source_kind.findData(name))


def open_small_convnext(qtbot: Any, panel: ModelsPanel) -> None:
    choose(panel, "convnext-block")
    panel.args.setText('{"dim": 8}')
    panel.input_shape.setText("1x8x12x12")
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)


def column(panel: ModelsPanel, header: str) -> list[str]:
    headers = [panel.table.horizontalHeaderItem(i).text() for i in range(panel.table.columnCount())]
    index = headers.index(header)
    return [panel.table.item(row, index).text() for row in range(panel.table.rowCount())]


def test_an_example_shows_its_table_and_ticks_its_pointwise_convs(qtbot: Any, tmp_path: Path) -> None:
    panel = models_tab(qtbot, tmp_path)
    assert not panel.warning.isVisible()  # built-in examples run no user code
    open_small_convnext(qtbot, panel)
    names = column(panel, "layer")
    assert names[:3] == ["dwconv", "norm", "pwconv1"] or "pwconv1" in names
    assert panel.ticked() == ("pwconv1", "pwconv2")
    assert "parameters" in panel.summary.text()
    macs = column(panel, "MACs")
    panel.unit.setCurrentIndex(panel.unit.findData("flops"))
    assert "FLOPs" in [panel.table.horizontalHeaderItem(i).text() for i in range(panel.table.columnCount())]
    assert column(panel, "FLOPs") != macs
    assert panel.rewrite_button.isEnabled() and panel.time_button.isEnabled()
    assert not panel.save_button.isEnabled()


def test_rewrite_verify_time_save_and_export(qtbot: Any, tmp_path: Path) -> None:
    panel = models_tab(qtbot, tmp_path)
    open_small_convnext(qtbot, panel)
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.rewrite_button, Qt.MouseButton.LeftButton)
    assert gc.isenabled()  # the collector was off only while the worker ran (see gui.workers.pause_cyclic_gc)
    assert panel.rewritten is not None and panel.rewritten.equal
    assert panel.pages.currentIndex() == 1  # the checks come to the front
    assert "equal in float64" in panel.details.toPlainText()
    assert panel.rewritten.restored_exact and "bit for bit" in panel.details.toPlainText()
    assert "outputs equal" in panel.message.text()
    panel.min_time.setValue(0.05)
    panel.tune.setChecked(True)
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.time_button, Qt.MouseButton.LeftButton)
    assert panel.timing is not None and not panel.timing.error
    assert [choice.layer for choice in panel.timing.choices] == ["pwconv1", "pwconv2"]
    text = panel.details.toPlainText()
    assert "whole model" in text and "median ms" in text
    assert len(panel.plot.getPlotItem().items) > 0  # the before/after figure is drawn
    assert panel.pages.currentWidget() is panel.plot  # and comes to the front
    assert panel.save_to(tmp_path / "saved")
    reloaded = load_rewritten(tmp_path / "saved", lambda d: build_model(ModelSource.from_description(d)))
    x = torch.randn(1, 8, 12, 12)
    with torch.no_grad():
        torch.testing.assert_close(reloaded(x), panel.opened.model(x) if panel.opened else None)
    assert panel.export_to(tmp_path / "report")
    written = {path.name for path in (tmp_path / "report").iterdir()}
    assert {"model-report.md", "model-layers.csv", "model-timing.csv", "model-timing.png"} <= written
    assert "wrote" in panel.message.text()


def test_unticking_leaves_the_layer_as_a_conv(qtbot: Any, tmp_path: Path) -> None:
    panel = models_tab(qtbot, tmp_path)
    open_small_convnext(qtbot, panel)
    names = column(panel, "layer")
    panel.table.item(names.index("pwconv1"), 0).setCheckState(Qt.CheckState.Unchecked)
    assert panel.ticked() == ("pwconv2",)
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.rewrite_button, Qt.MouseButton.LeftButton)
    assert panel.rewritten is not None and panel.rewritten.names == ("pwconv2",)
    assert type(panel.rewritten.model.get_submodule("pwconv1")) is torch.nn.Conv2d


def test_a_wrong_in_features_is_a_clear_message_not_a_crash(qtbot: Any, tmp_path: Path) -> None:
    panel = models_tab(qtbot, tmp_path)
    choose(panel, "multiscale-1d")
    panel.args.setText('{"in_features": 256}')
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    text = panel.message.text()
    assert "classifier" in text and "768" in text and "mat1" not in text
    assert panel.message.property("role") == "error"
    assert panel.table.rowCount() == 0


def test_bad_fields_are_refused_at_once(qtbot: Any, tmp_path: Path) -> None:
    panel = models_tab(qtbot, tmp_path)
    panel.input_shape.setText("2xx")
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert "--input" in panel.message.text() and panel.worker is None
    choose(panel, "python")
    assert panel.warning.isVisible() and "runs its code" in panel.warning.text()
    panel.input_shape.setText("1x3x8x8")
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert "no file chosen" in panel.message.text()


def test_a_user_file_opens_with_its_class_and_arguments(qtbot: Any, tmp_path: Path) -> None:
    source = tmp_path / "net.py"
    source.write_text(
        "from torch import nn\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self, width: int = 4) -> None:\n        super().__init__()\n"
        "        self.proj = nn.Conv2d(3, width, 1, stride=2)\n        self.head = nn.Linear(width * 16, 2)\n\n"
        "    def forward(self, x):\n        return self.head(self.proj(x).flatten(1))\n"
    )
    panel = models_tab(qtbot, tmp_path)
    choose(panel, "python")
    panel.path.setText(str(source))
    panel.class_name.setText("Net")
    panel.args.setText('{"width": 6}')
    panel.input_shape.setText("2x3x8x8")
    with qtbot.waitSignal(panel.finished, timeout=WAIT_MS):
        qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert panel.ticked() == ("proj",)
    assert "2×6×4×4" in column(panel, "output")
    assert panel.flatten.isVisible() and "96" in panel.flatten.text()  # the flatten size 6 × 16 for the Linear


def test_plot_labels_drop_the_parts_every_layer_shares() -> None:
    from gui.plots.model_plots import short_names

    assert short_names(["heads.conv2_2.conv", "heads.conv3_4.conv", ""]) == ["conv2_2", "conv3_4", ""]
    assert short_names(["pwconv1", "pwconv2", ""]) == ["pwconv1", "pwconv2", ""]
    assert short_names(["stem.conv", ""]) == ["stem.conv", ""]  # one layer: its whole name

"""The panels in Chinese: headings, buttons, axis labels, plot titles and status lines come from the "panels"
catalogue; option combos show Chinese words but the panels still act on the identifiers; nothing is cut off.

Every test installs Chinese itself (the autouse fixture in tests/conftest.py puts English back afterwards) and needs
the compiled catalogues (``make translations``).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from core.bench.implementations import Exclusion
from core.bench.runner import BenchResult
from core.spec import parse_spec
from gui.language import install_language
from gui.launch import make_application
from gui.main_window import MainWindow
from gui.panels.claims import ClaimsPanel, ParamsPage, evidence_html
from gui.panels.equality import difference_levels
from gui.panels.parameters import ParameterPanel
from gui.panels.speed import SpeedPanel, excluded_lines
from gui.panels.weights import WeightsPanel
from gui.plots.figures import draw_figure
from gui.plots.legend_row import legend_of
from gui.plots.summary_html import summary_html
from gui.plots.text_rows import caption_of, title_of
from gui.theme import PlotStyle
from tests.gui.layout_check import clipped_plot_text, clipped_widgets
from tests.gui.windows import lab_window
from tests.test_bench_export import sweep_result

LECTURE = "fc-4x2-as-conv-2x2"
SMALL = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)


@pytest.fixture
def chinese():
    """The application speaking Simplified Chinese (English again after the test: tests/conftest.py)."""
    app = make_application()
    install_language(app, "zh_CN")
    return app


def _label_texts(widget) -> set[str]:
    return {label.text() for label in widget.findChildren(QLabel)}


def _axis_label(plot: pg.PlotItem, side: str) -> str:
    return plot.getAxis(side).labelText


# ----- single panels ------------------------------------------------------------------------------------------------
def test_weights_panel_in_chinese_and_in_english(qtbot) -> None:
    make_application()
    english = WeightsPanel()
    qtbot.addWidget(english)
    assert [english.colour_by.itemText(i) for i in range(2)] == ["value", "source conv weight"]
    assert english.linear_map.axis_labels == ("in feature", "out feature")
    assert "Linear colour:" in _label_texts(english)

    install_language(make_application(), "zh_CN")
    panel = WeightsPanel()
    qtbot.addWidget(panel)
    assert [panel.colour_by.itemText(i) for i in range(2)] == ["数值", "来源卷积权重"]
    assert panel.linear_map.axis_labels == ("输入特征", "输出特征")
    assert panel.patch_map.title == "图像块（样本 0）"
    assert "Linear 着色：" in _label_texts(panel)
    assert panel.linear_map.title == "Linear.weight"  # code stays code


def test_parameter_panel_shows_chinese_words_and_still_edits_the_identifiers(qtbot, chinese) -> None:
    panel = ParameterPanel()
    qtbot.addWidget(panel)
    labels = [panel.form.labelForField(panel.fields[name]).text() for name in ("dims", "kernel", "mode")]
    assert labels == ["层(&Y)", "卷积核(&K)", "映射方式(&M)"]
    assert panel.bias.text() == "偏置" and panel.dims.itemText(1) == "二维（Conv2d）"
    kinds = [panel.padding_kind.itemText(i) for i in range(panel.padding_kind.count())]
    assert kinds[0] == "数值" and "same" in kinds  # PyTorch's own word stays
    edits: list[tuple[str, object]] = []
    panel.fieldEdited.connect(lambda name, value: edits.append((name, value)))
    panel.padding_kind.setCurrentIndex(kinds.index("same"))
    assert edits[-1] == ("padding", "same") and not panel.pairs["padding"].isEnabled()
    panel.padding_kind.setCurrentIndex(0)
    assert edits[-1][0] == "padding" and isinstance(edits[-1][1], list) and panel.pairs["padding"].isEnabled()
    panel.show_values({"padding": "valid"})
    assert panel.padding_kind.currentData() == "valid"
    panel.show_values({"padding": [2, 1]})
    assert panel.padding_kind.currentText() == "数值" and panel.pairs["padding"].values() == [2, 1]


def test_speed_panel_in_chinese_runs_on_the_option_identifiers(qtbot, chinese) -> None:
    panel = SpeedPanel()
    qtbot.addWidget(panel)
    panel.set_spec(SMALL)
    assert panel.run_button.text() == "运行基准测试(&R)" and panel.cancel_button.text() == "取消"
    assert panel.export_button.text() == "导出图表…" and panel.backward.text() == "前向 + 反向"
    assert [panel.plot_tabs.tabText(i) for i in range(panel.plot_tabs.count())] == [
        "每次调用耗时",
        "比值（幻灯片）",
        "各点比值",
        "Roofline 模型",
    ]
    assert panel.run_length.currentText() == "快速" and panel.isolation.currentText() == "子进程"
    assert panel.allocator.currentText() == "默认" and panel.sweep_variable.itemText(0) == "（不扫描）"
    assert panel.impls.item(0).text() == "linear"  # implementation names are identifiers
    assert panel.hint.text().startswith("点击“运行基准测试”测量")
    panel.isolation.setCurrentIndex(panel.isolation.findData("none"))
    panel.sweep_variable.setCurrentIndex(panel.sweep_variable.findData("batch"))
    panel.sweep_values.setText("1,4")
    config = panel.config()
    assert (config.isolation, config.allocator) == ("none", "default")
    assert config.sweep is not None and config.sweep.variable == "batch"
    panel.min_time.setValue(2.0)
    panel.rounds.setValue(5)
    assert panel.run_length.currentText() == "精确"  # edits that match a run length select it, by its data
    panel.rounds.setValue(4)
    assert panel.run_length.currentText() == "自定义"
    assert "全部在当前进程中运行" in panel.hint.text() and "（2 个 batch 取值）" in panel.hint.text()


def test_speed_panel_messages_in_chinese(qtbot, chinese) -> None:
    panel = SpeedPanel()
    qtbot.addWidget(panel)
    panel.start()  # no spec yet: refused in words
    assert panel.message.text().startswith("错误：") and "还没有可用于基准测试的有效层配置" in panel.message.text()
    panel.set_spec(SMALL)
    for index in range(panel.impls.count()):
        panel.impls.item(index).setCheckState(Qt.CheckState.Unchecked)
    assert panel.hint.text().startswith("无法运行：") and "请至少勾选一个实现" in panel.hint.text()
    result = BenchResult(excluded=[("", Exclusion("conv", "died")), ("4", Exclusion("linear", "no plain Linear"))])
    assert excluded_lines(result) == ["已排除 conv：died", "已排除 linear：no plain Linear"]
    summary = summary_html(result)
    assert "<b>已排除</b>" in summary and "linear（4）：no plain Linear" in summary


def test_equality_words_in_chinese(qtbot, chinese) -> None:
    assert difference_levels(np.zeros((2, 2)))[1] == "|差值|（全为 0）"
    assert difference_levels(np.ones((2, 2)))[1] == "|差值|"


def test_claims_panel_in_chinese(qtbot, chinese) -> None:
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.resize(1280, 720)
    panel.show_claim("params")  # hidden: nothing runs
    assert panel.badge.text() == "未运行" and panel.run_button.text() == "运行(&R)"
    assert panel.evidence.text() == "尚未检验：点击“运行”（约一秒）。"
    assert panel.waiting.text() == "尚无测量结果。"
    assert ParamsPage.headers()[0] == "层" and ParamsPage.headers()[3] == "模块：\nsum(p.numel())"
    assert panel.pages["params"].table.horizontalHeaderItem(0).text() == "层"
    assert panel.pages["factorised"].maps[0].title == "Sobel（目标）"
    assert panel.pages["stride"].maps[0].axis_labels == ("输入列", "输入行")
    assert not panel.quote.font().italic()  # slanted Chinese characters look distorted; English quotes stay italic
    panel.show_claim("speed")
    assert panel.evidence.text() == "尚未检验：点击“运行”（约 10 s，现场计时）。"
    assert panel.pages["speed"].empty.text() == "尚未测量：点击“运行”（约 10 s）。"


def test_a_cancelled_claim_says_so_in_chinese(qtbot, chinese) -> None:
    """Cancelled is a state, not a word the panel looks for in its own (translated) text."""
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.errors["params"] = "已取消"
    panel.cancelled.add("params")
    panel.show_claim("params")
    assert panel.badge.text() == "已取消" and panel.status.text() == "已取消"
    panel.cancelled.discard("params")
    panel.errors["params"] = "exploded"
    panel._show("params")
    assert panel.badge.text() == "错误" and panel.status.text() == "错误：exploded"


def test_chinese_evidence_has_its_first_sentence_in_bold() -> None:
    assert evidence_html("部分成立。输出尺寸取决于输入的奇偶。") == "<b>部分成立。</b>输出尺寸取决于输入的奇偶。"
    assert evidence_html("Partly true. It depends. More.") == "<b>Partly true.</b> It depends. More."
    assert evidence_html("No full stop") == "No full stop"


def test_benchmark_plots_in_chinese(qtbot, chinese) -> None:
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    widget.resize(960, 540)
    plot = widget.getPlotItem()
    result = sweep_result()
    draw_figure("time", plot, result, PlotStyle())
    assert _axis_label(plot, "left") == "单次中位耗时 (ms)"
    assert title_of(plot)[0] == "每次调用的中位耗时（误差棒：各轮的第一至第三四分位数）"
    legend = legend_of(plot)
    assert legend is not None and any(text.text().startswith("空心：噪声大") for _, text in legend.entries)
    draw_figure("ratio_bars", plot, result, PlotStyle())
    assert _axis_label(plot, "bottom") == "实现" and _axis_label(plot, "left") == "相对 linear 的比值"
    assert title_of(plot)[0] == "batch=16 时相对 linear 的耗时（须线：95% 置信区间）"
    assert caption_of(plot)[-1].startswith("置信区间：")
    draw_figure("roofline", plot, result, PlotStyle())
    assert _axis_label(plot, "left") == "实际执行的 GFLOP/s"
    assert any("屋顶线" in text.text() for _, text in legend_of(plot).entries)


def test_benchmark_plots_in_english(qtbot) -> None:
    make_application()
    widget = pg.PlotWidget()
    qtbot.addWidget(widget)
    plot = widget.getPlotItem()
    draw_figure("time", plot, sweep_result(), PlotStyle())
    assert _axis_label(plot, "left") == "median time per call (ms)"


# ----- the whole window ---------------------------------------------------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path: Path, chinese):
    win = lab_window(qtbot, tmp_path / "s.ini", size=(1600, 900))
    win.load_preset(LECTURE, synchronous=True)
    yield win
    win.close()


def test_the_lecture_example_reads_in_chinese(qtbot, window: MainWindow) -> None:
    window.show_panel("weights")
    weights = window.panels["weights"]
    assert "为结构性零" in weights.note.text()
    window.show_panel("sliding")
    sliding = window.panels["sliding"]
    text = sliding.where.text()
    assert "= Σ 卷积核 ⊙ 图像块 + 偏置 = 0.0878 + 0.2104 = 0.2983" in text  # the arithmetic is the same in any language
    assert "输入上 4 个核元素" in text and "步长 (1, 1)" in text
    assert sliding.play_button.text() == "播放" and sliding.kernel_map.title == "卷积核 [0, 0]"
    assert sliding.matrix_map.axis_labels == ("列", "行")
    window.show_panel("equality")
    equality = window.panels["equality"]
    assert equality.badge.text().startswith("通过 · 输出一致")
    assert equality.diff_map.title == "|差值|（全为 0）" and equality.linear_map.title == "Linear 路径"
    assert {"最大绝对误差", "精度："} <= _label_texts(equality)
    window.show_panel("init")
    init = window.panels["init"]
    qtbot.waitUntil(lambda: bool(init.summary.text()), timeout=60_000)
    assert _axis_label(init.plot, "bottom") == "权重值" and _axis_label(init.plot, "left") == "密度"
    assert "权重标准差" in init.summary.text()
    assert window.panels["speed"].run_button.text() == "运行基准测试(&R)"
    assert window.panels["code"].copy_button.text() == "复制代码(&C)"


def test_the_formulas_and_compare_panels_in_chinese(qtbot, window: MainWindow) -> None:
    window.show_panel("formulas")
    assert "输出张量" in window.formulas.text()
    window.load_preset("factorized-1x3-3x1-vs-3x3", synchronous=True)
    window.show_panel("compare")
    compare = window.panels["compare"]
    assert compare.heading.text().endswith("与其变体对比")
    assert {"参数量", "乘加次数", "输出形状", "感受野"} <= _label_texts(compare)


@pytest.mark.parametrize(("size", "presenting"), [((1280, 720), False), ((1920, 1080), False), ((1280, 720), True)])
def test_no_chinese_panel_is_clipped(qtbot, tmp_path: Path, chinese, size: tuple[int, int], presenting: bool) -> None:
    """tests/gui/test_layout.py's check, on the panels in Chinese (their own widgets and plots)."""
    win = lab_window(qtbot, tmp_path / "s.ini")
    win.set_theme("light")
    win.resize(*size)
    win.show()
    win.load_preset(LECTURE, synchronous=True)
    win.set_presentation(presenting, full_screen=False)
    problems = []
    for name in win.frames:
        win.show_panel(name)
        for _ in range(3):
            chinese.processEvents()
        shown = win.panel_widget(name)
        problems += [f"{name}: {problem}" for problem in clipped_widgets(shown) + clipped_plot_text(shown)]
    # The parameter dock's labels and combos (its digit boxes are test_layout.py's: they show no translated text).
    problems += [f"parameters: {p}" for p in clipped_widgets(win.parameters) if "in IntBox" not in p]
    win.set_presentation(False)
    win.close()
    assert problems == [], "\n".join(problems)


def test_a_panel_built_in_english_stays_english(qtbot) -> None:
    """The source text is untouched: an English panel says exactly what it said before translation existed."""
    make_application()
    panel = ClaimsPanel()
    qtbot.addWidget(panel)
    panel.show_claim("params")
    assert panel.badge.text() == "NOT RUN" and panel.run_button.text() == "&Run"
    assert ParamsPage.headers()[0] == "layer"
    speed = SpeedPanel()
    qtbot.addWidget(speed)
    assert speed.run_length.currentText() == "quick" and speed.isolation.currentText() == "process"
    assert speed.run_button.text() == "&Run benchmark"

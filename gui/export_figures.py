"""Which views of the window are figures, and what each is called: one list for Export all and the context menu.

Every heatmap and plot of the Weights, Sliding window, Equality and Init panels (each named ``panel-part``, e.g.
``weights-linear``), the Speed panel's plots once a benchmark has results, and the plots of each claim that has
been tested. A view with nothing to show is not a figure; :func:`missing_figures` says why, for the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pyqtgraph as pg

from core.i18n import tr
from gui.figure_data import heatmap_of, plain_text, plot_items

if TYPE_CHECKING:
    from gui.main_window import MainWindow

LAB_PANELS = ("weights", "sliding", "equality", "init")
PANELS = (*LAB_PANELS, "speed", "claims")
TABLES = {  # figure -> the table of core.panel_data holding the data it draws
    "weights-linear": "linear_weight",
    "weights-conv": "conv_weight",
    "weights-patches": "patches",
    "sliding-input": "sliding_input",
    "sliding-kernel": "sliding_kernel",
    "sliding-output": "sliding_output",
    "equality-conv": "conv_output",
    "equality-linear": "linear_output",
    "equality-difference": "output_difference",
    "init-histogram": "init_histogram",
}


@dataclass(frozen=True)
class Figure:
    """A view of the window that an export draws: file stem, panel, the view, and the claim page it is on."""

    name: str
    panel: str
    view: pg.GraphicsView
    claim: str | None = None
    table: str | None = None
    """The panel-data table behind it (:mod:`core.panel_data`), if it has one; else its data is its own CSV."""

    def title(self) -> str:
        """The title it is drawn under, as plain text."""
        if self.name == "init-histogram":  # its title row is the legend
            return tr("Export", "default-init weights of both layers, histograms and bounds ±1/√fan_in")
        heatmap = heatmap_of(self.view)
        if heatmap is not None:
            return plain_text(heatmap.title)
        titles = [plain_text(plot.titleLabel.text) for plot in plot_items(self.view)]
        return " · ".join(title for title in titles if title)


def panel_title(window: MainWindow, panel: str) -> str:
    """The panel's tab title as shown, without its mnemonic (``S&liding window``, ``权重(&W)``)."""
    text = re.sub(r"\s*\(&[^&)]\)", "", window.tabs.tabText(window.tabs.indexOf(window.frames[panel])))
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _unfinished_stage(window: MainWindow, panel: str) -> str | None:
    """A stage the panel draws that has not landed (failed or still computing), in words; None when all have."""
    controller = window.controller
    for stage in window.panels[panel].STAGES:
        if controller.result is None or not controller.result.has(stage):
            failure = controller.failures.get(stage)
            if failure is not None:
                return tr("Export", "its computation failed: {reason}").format(reason=failure)
            return tr("Export", "its computation has not finished")
    return None


def _table(window: MainWindow, name: str) -> str | None:
    if name != "sliding-matrix":
        return TABLES.get(name)
    result = window.controller.result  # the matrix the sliding window shows, as the panel chooses it
    linear = result.linear if result is not None else None
    unfold = result is not None and result.valid.mode == "unfold"
    return "patches" if unfold and linear is not None and linear.patch_matrix is not None else "linear_weight"


def _lab_figures(window: MainWindow, panel: str) -> list[Figure]:
    widget: Any = window.panels[panel]
    if panel == "init":
        return [Figure("init-histogram", panel, widget.plot_widget, table=TABLES["init-histogram"])]
    figures = []
    for target, heatmap in widget.target_maps().items():
        if not heatmap.isHidden():
            name = f"{panel}-{target}"
            figures.append(Figure(name, panel, heatmap.view, table=_table(window, name)))
    return figures


def _claim_figures(window: MainWindow, claim: str) -> list[Figure]:
    page = window.panels["claims"].pages[claim]
    views = [view for view in page.findChildren(pg.GraphicsView) if not view.isHidden()]
    return [Figure(f"claims-{claim}-{number}", "claims", view, claim) for number, view in enumerate(views, start=1)]


def tested_claims(window: MainWindow) -> list[str]:
    """The claims whose page shows a result (their plots are figures)."""
    return [name for name, page in window.panels["claims"].pages.items() if page.data is not None]


def has_figures(window: MainWindow, panel: str) -> bool:
    """Whether ``panel`` may have figures: always for the lab's panels, once there are results for the others."""
    if panel == "speed":
        return bool(window.panels["speed"].result.records)
    if panel == "claims":
        return bool(tested_claims(window))
    return True


def panel_figures(window: MainWindow, panel: str) -> list[Figure]:
    """The figures of ``panel`` as it is drawn now (none when it has nothing to show)."""
    if panel in LAB_PANELS:
        return [] if _unfinished_stage(window, panel) else _lab_figures(window, panel)
    if not has_figures(window, panel):
        return []
    if panel == "speed":
        plots = window.panels["speed"].plots
        return [Figure(f"speed-{name.replace('_', '-')}", panel, view) for name, view in plots.items()]
    return [figure for claim in tested_claims(window) for figure in _claim_figures(window, claim)]


def all_figures(window: MainWindow) -> list[Figure]:
    """Every figure of the window, panel by panel."""
    return [figure for panel in PANELS for figure in panel_figures(window, panel)]


def missing_figures(window: MainWindow) -> list[str]:
    """One line per panel whose figures an export leaves out, saying why."""
    lines = []
    for panel in LAB_PANELS:
        reason = _unfinished_stage(window, panel)
        if reason is not None:
            lines.append(tr("Export", "{panel}: {reason}").format(panel=panel_title(window, panel), reason=reason))
    if not has_figures(window, "speed"):
        reason = tr("Export", "no benchmark results yet (run one in the Speed tab, or use the bench command)")
        lines.append(tr("Export", "{panel}: {reason}").format(panel=panel_title(window, "speed"), reason=reason))
    if not has_figures(window, "claims"):
        reason = tr("Export", "no claim has been tested in this window yet")
        lines.append(tr("Export", "{panel}: {reason}").format(panel=panel_title(window, "claims"), reason=reason))
    lines.append(
        tr("Export", "{panel}: a table, not a figure (inspect --preset NAME prints it)").format(
            panel=panel_title(window, "compare")
        )
    )
    return lines

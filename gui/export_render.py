"""Drawing an export on the GUI thread, one figure or animation frame per step, by the real panels.

:func:`render_export` is a generator: each ``next`` does one step (shows a panel, draws one figure, or grabs one
frame of the sliding window) and yields an :class:`~core.export_writer.ExportProgress`, so whoever drives it (a
timer in the window, a loop in the command line) lets the event loop run between steps and can stop between them.
A progress that is ``waiting`` means nothing could be done yet (the lab is still computing, or the encoder has
enough pictures waiting): ask again a little later. Pictures are encoded as PNG by a
:class:`~gui.png_encoder.PngEncoder` in the background. It returns the rendered files as
:class:`~core.export_writer.ExportItem` (PNG and SVG, frames, the animation, the CSV of figures without a
panel-data table) for :func:`core.export_writer.write_export` to write in a worker.

The window shows each panel in turn while it is drawn; the tab, the claim shown, the sliding-window position and
its playing are restored afterwards, also when the export is cancelled.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from core.animated_gif import gif_from_pngs
from core.export_writer import ExportItem, ExportProgress
from core.i18n import tr
from core.lab import LabResult
from core.spec import LayerSpec
from gui.export_figures import (
    PANELS,
    Figure,
    has_figures,
    missing_figures,
    panel_figures,
    panel_title,
    tested_claims,
)
from gui.figure_data import figure_csv
from gui.figure_render import figure_pictures
from gui.png_encoder import PngEncoder
from gui.sliding_animation import MAX_FRAMES, frame_positions, sliding_frames

if TYPE_CHECKING:
    from gui.main_window import MainWindow

GIF_NAME = "sliding-window.gif"
FRAME_FOLDER = "sliding-frames"


@dataclass
class Rendered:
    """What the GUI thread drew: the files, the lab result they show (its tables are the data), what is missing."""

    result: LabResult
    items: list[ExportItem] = field(default_factory=list)
    not_included: list[str] = field(default_factory=list)


def export_problem(window: MainWindow) -> str | None:
    """Why the window cannot be exported now (an invalid field, nothing computed), or None."""
    controller = window.controller
    if controller.error is not None:
        return tr("Export", "{parameter} is invalid: fix it first, so the export shows what the fields say").format(
            parameter=controller.error.parameter
        )
    if controller.result is None:
        return tr("Export", "nothing has been computed yet")
    return None


def preset_of(window: MainWindow, spec: LayerSpec) -> str | None:
    """The preset whose spec ``spec`` is, if any."""
    return next((name for name, preset in window.presets.items() if preset.spec == spec), None)


def _constant(data: bytes) -> Callable[[], bytes]:
    return lambda: data


def _figure_items(window: MainWindow, figure: Figure, width: int, encoder: PngEncoder) -> list[ExportItem]:
    image, svg = figure_pictures(figure.view, width)
    what = tr("Export", "{panel}: {title}").format(panel=panel_title(window, figure.panel), title=figure.title())
    data = f"{figure.table}.csv" if figure.table else f"{figure.name}.csv"
    items = [
        ExportItem(
            f"{figure.name}.png",
            tr("Export", "{figure} (PNG, {width}×{height} px; data in {data})").format(
                figure=what, width=image.width(), height=image.height(), data=data
            ),
            encoder.submit(image),
        ),
        ExportItem(f"{figure.name}.svg", tr("Export", "{figure} (SVG)").format(figure=what), _constant(svg)),
    ]
    if figure.table is None:  # a figure outside the lab's panels: its data is what it draws
        csv = figure_csv(figure.view).encode("utf-8")
        items.append(ExportItem(data, tr("Export", "data of {figure} (CSV)").format(figure=what), _constant(csv)))
    return items


def _animation_items(frames: list[tuple[int, Callable[[], bytes]]], positions: int) -> list[ExportItem]:
    count = len(frames)
    items = [
        ExportItem(
            f"{FRAME_FOLDER}/frame-{number:03d}.png",
            tr("Export", "the Sliding window panel at output position {position} (frame {number} of {count})").format(
                position=position, number=number + 1, count=count
            ),
            png,
        )
        for number, (position, png) in enumerate(frames)
    ]
    if count == positions:
        what = tr("Export", "the sliding window as a looping animation, one frame per output position ({count} in all)")
    else:
        what = tr(
            "Export",
            "the sliding window as a looping animation: an even sample of {count} of the {positions} output positions "
            "(both ends included), one frame each",
        )
    pngs = [png for _, png in frames]
    gif = ExportItem(
        GIF_NAME, what.format(count=count, positions=positions), lambda: gif_from_pngs([p() for p in pngs])
    )
    return [*items, gif]


def render_export(
    window: MainWindow,
    width: int,
    encoder: PngEncoder,
    max_frames: int = MAX_FRAMES,
    cancelled: Callable[[], bool] = lambda: False,
) -> Generator[ExportProgress, None, Rendered]:
    """Draw every figure of ``window`` (PNG ``width`` pixels wide, encoded by ``encoder``, and SVG) and the
    sliding-window animation (at most ``max_frames`` frames), one step per ``next``; see the module's description.
    ``encoder`` must stay open until the items' contents have been read."""
    controller = window.controller
    while not controller.is_idle():
        yield ExportProgress(0, 1, tr("Export", "waiting for the lab to finish computing…"), waiting=True)
    problem = export_problem(window)
    if problem is not None:
        raise ValueError(problem)
    assert controller.result is not None
    rendered = Rendered(controller.result)
    claims, sliding = window.panels["claims"], window.panels["sliding"]
    start_tab, start_claim = window.tabs.currentIndex(), claims.current
    playing = sliding.play_button.isChecked()
    sliding.play_button.setChecked(False)  # the animation's frames are the export's to step through
    try:
        figures: list[Figure] = []
        for panel in PANELS:  # shown once each: a hidden panel draws its latest result when shown
            if not has_figures(window, panel):
                continue  # never shown for nothing: showing Speed starts its workers, Claims a measurement
            if panel == "claims":  # selected while hidden, a tested claim: showing the panel starts nothing
                claims.show_claim(tested_claims(window)[0])
            window.show_panel(panel)
            yield ExportProgress(0, 1, tr("Export", "preparing the figures…"))
            figures += panel_figures(window, panel)
        rendered.not_included = missing_figures(window)
        positions = sliding.position.maximum() + 1 if sliding.result is not None else 0
        total = len(figures) + len(frame_positions(positions, max_frames))
        done = 0
        for figure in figures:
            while encoder.busy:
                yield ExportProgress(done, total, tr("Export", "encoding the pictures…"), waiting=True)
            if not figure.view.isVisible():
                window.show_panel(figure.panel)
                if figure.claim is not None:
                    claims.show_claim(figure.claim)
                yield ExportProgress(done, total, tr("Export", "drawing {name}").format(name=figure.name))
            rendered.items += _figure_items(window, figure, width, encoder)
            done += 1
            yield ExportProgress(done, total, tr("Export", "drew {name}").format(name=figure.name))
        if positions:
            window.show_panel("sliding")
            yield ExportProgress(done, total, tr("Export", "drawing the sliding-window animation"))
            frames: list[tuple[int, Callable[[], bytes]]] = []
            with contextlib.closing(sliding_frames(sliding, max_frames, cancelled)) as grabs:
                for position, image in grabs:
                    frames.append((position, encoder.submit(image)))
                    done += 1
                    message = tr("Export", "drew frame {number} of the animation").format(number=len(frames))
                    yield ExportProgress(done, total, message)
                    while encoder.busy:
                        yield ExportProgress(done, total, tr("Export", "encoding the pictures…"), waiting=True)
            if frames:
                rendered.items += _animation_items(frames, positions)
    finally:
        sliding.play_button.setChecked(playing)
        window.tabs.setCurrentIndex(start_tab)
        claims.show_claim(start_claim)
    return rendered

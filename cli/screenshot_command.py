"""``python main.py screenshot``: check the options, then let the injected window renderer draw the PNG."""

from __future__ import annotations

import argparse
import functools
import re
from pathlib import Path
from typing import Protocol

from cli.arg_types import number, whole
from cli.output_paths import check_png_target
from cli.write_errors import write_failed
from core.errors import SpecError
from core.i18n import SOURCE_LANGUAGE, tr, tr_noop
from core.limits import bounded_number, shown
from core.presets import load_preset
from core.sliding import step_count
from core.spec import MODES
from core.validation import validate
from core.window_names import PANEL_CHOICES, THEME_CHOICES, ZOOM_RANGE

MIN_SIZE, MAX_SIZE = (320, 240), (7680, 4320)


class ScreenshotRenderer(Protocol):
    """Renders the window offscreen and saves it (``gui.screenshot.take_screenshot``, injected by ``main.py``)."""

    def __call__(
        self,
        preset: str,
        out: Path,
        *,
        mode: str | None,
        panel: str,
        size: tuple[int, int],
        theme: str,
        step: int,
        whole_window: bool,
        zoom: float,
        presentation: bool,
        story_step: int,
        language: str = SOURCE_LANGUAGE,
    ) -> Path: ...


def add_screenshot_options(parser: argparse.ArgumentParser) -> None:
    """The options of the ``screenshot`` sub-command."""
    parser.add_argument("--preset", required=True, help="the preset to show (see: presets)")
    parser.add_argument("--mode", choices=MODES, help="mapping mode (default: the preset's)")
    parser.add_argument(
        "--panel", choices=PANEL_CHOICES, default="weights", help="the panel to show; the image is that panel alone"
    )
    parser.add_argument(
        "--window", action="store_true", help="save the whole window (menus, docks, status) with the panel in front"
    )
    parser.add_argument("--out", required=True, help="PNG file to write")
    parser.add_argument("--size", default="1920x1080", help="window size WxH (default 1920x1080)")
    parser.add_argument("--theme", choices=THEME_CHOICES, default="light")
    parser.add_argument(
        "--step",
        type=whole("step", tr_noop("CLI option hints", "use e.g. 0")),
        default=0,
        help="sliding-window position to show",
    )
    parser.add_argument(
        "--zoom",
        type=number("zoom", tr_noop("CLI option hints", "use e.g. 1.5")),
        default=1.0,
        help=f"font zoom, {ZOOM_RANGE[0]} .. {ZOOM_RANGE[1]} (plots included; default 1)",
    )
    parser.add_argument(
        "--presentation", action="store_true", help="presentation mode: fonts x1.6, high contrast, docks collapsed"
    )
    parser.add_argument(
        "--story-step",
        type=whole("story-step", tr_noop("CLI option hints", "use e.g. 1")),
        default=0,
        help="show step N (1-based) of the preset's story, caption line included (default: no story)",
    )


def parse_size(text: str) -> tuple[int, int]:
    """``WxH`` as ``(width, height)`` within 320x240 .. 7680x4320."""
    match = re.fullmatch(r"([0-9]{1,6})[x×]([0-9]{1,6})", text.strip().lower())  # ASCII digits, like every number
    hint = tr("CLI screenshot", "use e.g. 1920x1080")
    if match is None:
        raise SpecError("size", tr("CLI screenshot", "expected WxH, got {value}").format(value=shown(text)), hint)
    width, height = int(match.group(1)), int(match.group(2))
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        bounds = f"{MIN_SIZE[0]}x{MIN_SIZE[1]} .. {MAX_SIZE[0]}x{MAX_SIZE[1]}"
        rule = tr("CLI screenshot", "{size} is outside {bounds}").format(size=f"{width}x{height}", bounds=bounds)
        raise SpecError("size", rule, hint)
    return width, height


def run_screenshot_command(args: argparse.Namespace, renderer: ScreenshotRenderer | None) -> None:
    """Validate every option before the window toolkit loads, then render and report the file written."""
    size = parse_size(args.size)
    spec = load_preset(args.preset).spec  # an unknown name lists the known ones
    valid = validate(spec.replace(mode=args.mode) if args.mode else spec)  # an image of an invalid spec is no image
    steps = step_count(valid)
    if not 0 <= args.step < steps:
        rule = tr("CLI screenshot", "must be between 0 and {last} (the output positions), got {step}")
        raise SpecError("step", rule.format(last=steps - 1, step=args.step), tr("CLI screenshot", "use e.g. 0"))
    zoom = bounded_number("zoom", args.zoom, ZOOM_RANGE[0], ZOOM_RANGE[1], tr("CLI screenshot", "use e.g. 1.5"))
    story_steps = len(load_preset(args.preset).steps)
    if not 0 <= args.story_step <= story_steps:
        rule = tr("CLI screenshot", "must be between 1 and {count} (the steps of {preset}'s story), got {step}")
        raise SpecError(
            "story-step",
            rule.format(count=story_steps, preset=args.preset, step=args.story_step),
            tr("CLI screenshot", "use e.g. 1, or leave it out for no story"),
        )
    out = check_png_target(Path(args.out))
    if renderer is None:
        raise SpecError(
            "screenshot",
            tr("CLI screenshot", "no window renderer was given to the CLI (it never imports gui)"),
            tr("CLI screenshot", "run: python main.py screenshot"),
        )
    # The language is passed when it is not English (the renderer's default), so a renderer without it still works.
    render = renderer if args.lang == SOURCE_LANGUAGE else functools.partial(renderer, language=args.lang)
    try:
        path = render(
            args.preset,
            out,
            mode=args.mode,
            panel=args.panel,
            size=size,
            theme=args.theme,
            step=args.step,
            whole_window=args.window,
            zoom=zoom,
            presentation=args.presentation,
            story_step=args.story_step,
        )
    except OSError as error:  # checked above, but a disk fills up and a folder can go away meanwhile
        raise write_failed(out, error) from None
    print(tr("CLI screenshot", "wrote {path}").format(path=path))

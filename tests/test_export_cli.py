"""``python main.py export``: every figure as PNG and SVG, the animation, the data, a script that runs with only
torch, and an index; any spec; a folder that cannot be written is one error line and nothing written."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path
from xml.dom import minidom

import pytest
from PIL import Image

from cli.commands import main
from core.export_index import INDEX_MD, MANIFEST
from core.panel_data import JSON_NAME
from core.presets import load_preset
from core.sliding import step_count
from core.spec import parse_spec
from core.standalone_script import SCRIPT_NAME
from core.validation import validate
from tests.test_standalone_script import torch_only

ROOT = Path(__file__).resolve().parent.parent
PRESET = "stride2-1x1-downsample"  # 16 output positions: one GIF frame each
SPEC_OPTIONS = ["--dims", "1", "--cin", "2", "--cout", "3", "--kernel", "3", "--input", "12", "--padding", "1"]


def export(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "main.py", "export", "--out", str(out), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern))


def gif_frames(path: Path) -> int:
    with Image.open(path) as gif:
        return int(gif.n_frames)


@pytest.fixture(scope="module")
def preset_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("export") / "slides"
    return out, export(out, "--preset", PRESET)


@pytest.fixture(scope="module")
def spec_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    out = tmp_path_factory.mktemp("export") / "spec"
    options = ["--mode", "unfold", "--width", "800", "--frames", "5", "--theme", "dark"]
    return out, export(out, *SPEC_OPTIONS, *options)


def test_a_preset_exports_figures_animation_data_script_and_index(preset_export) -> None:
    out, result = preset_export
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    pngs = [p for p in files(out, "*.png") if p.parent == out]
    svgs, gifs, scripts = files(out, "*.svg"), files(out, "*.gif"), files(out, "*.py")
    assert len(pngs) >= 3 and len(svgs) >= 3 and len(gifs) == 1 and [p.name for p in scripts] == [SCRIPT_NAME]
    assert files(out, "*.csv") and (out / JSON_NAME).is_file()
    assert {p.stem for p in pngs} == {p.stem for p in svgs}  # every figure both ways
    assert {"weights-linear", "weights-conv", "sliding-input", "equality-difference", "init-histogram"} <= {
        p.stem for p in pngs
    }
    for png in pngs:
        with Image.open(png) as image:
            assert image.width == 1920, png.name
    written = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert result.stdout.strip() == f"wrote {len(written)} files to {out}"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left


def test_every_svg_parses(preset_export) -> None:
    out, _ = preset_export
    for svg in files(out, "*.svg"):
        document = minidom.parse(str(svg))
        assert document.documentElement.tagName == "svg", svg.name
        assert document.getElementsByTagName("path") or document.getElementsByTagName("image"), svg.name


def test_the_gif_has_one_labelled_frame_per_output_position(preset_export) -> None:
    out, _ = preset_export
    positions = step_count(validate(load_preset(PRESET).spec))
    assert gif_frames(out / "sliding-window.gif") == positions == 16
    frames = files(out / "sliding-frames", "frame-*.png")
    assert len(frames) == positions
    index = (out / INDEX_MD).read_text(encoding="utf-8")
    assert "output position 15 (frame 16 of 16)" in index


def test_the_index_lists_every_file_with_the_spec(preset_export) -> None:
    out, _ = preset_export
    index = (out / INDEX_MD).read_text(encoding="utf-8")
    for path in out.rglob("*"):
        if path.is_file():
            name = str(path.relative_to(out))
            assert f"[{name}](<{name}>)" in index, name
    spec = load_preset(PRESET).spec
    assert spec.describe() in index and f"| preset | {PRESET} |" in index
    assert "| PNG width | 1920 px |" in index and "PyTorch version" in index and "output shape" in index
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["spec"] == spec.to_dict() and manifest["width"] == 1920
    assert (out / "index.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_the_data_is_the_panels_data(preset_export) -> None:
    out, _ = preset_export
    data = json.loads((out / JSON_NAME).read_text(encoding="utf-8"))
    assert data["spec"] == load_preset(PRESET).spec.to_dict()
    with (out / "conv_weight.csv").open(encoding="utf-8") as file:
        rows = list(csv.reader(file))
    conv = next(t for t in data["tables"] if t["name"] == "conv_weight")
    assert [[float(v) for v in row[1:]] for row in rows[1:]] == conv["values"]


def test_the_exported_script_runs_with_only_torch(preset_export, tmp_path: Path) -> None:
    out, _ = preset_export
    (tmp_path / SCRIPT_NAME).write_bytes((out / SCRIPT_NAME).read_bytes())
    result = torch_only(tmp_path, SCRIPT_NAME, "--min-time", "0.01")
    assert result.returncode == 0, result.stderr
    assert "within the rounding bound" in result.stdout and "time conv: median" in result.stdout


def test_a_spec_given_by_options_exports_at_the_width_asked(spec_export) -> None:
    out, result = spec_export
    assert result.returncode == 0, result.stderr
    pngs = [p for p in files(out, "*.png") if p.parent == out]
    assert "weights-patches" in {p.stem for p in pngs}  # unfold mode: the patch matrix is a figure
    for png in pngs:
        with Image.open(png) as image:
            assert image.width == 800, png.name
    spec = parse_spec(dims=1, cin=2, cout=3, kernel=3, input_size=12, padding=1, mode="unfold")
    assert json.loads((out / JSON_NAME).read_text(encoding="utf-8"))["spec"] == spec.to_dict()
    index = (out / INDEX_MD).read_text(encoding="utf-8")
    assert "| preset | none (a spec given by its options) |" in index and "| theme | dark |" in index


def test_the_animation_keeps_to_the_stated_maximum(spec_export) -> None:
    out, _ = spec_export
    assert step_count(validate(parse_spec(dims=1, cin=2, cout=3, kernel=3, input_size=12, padding=1))) == 12
    assert gif_frames(out / "sliding-window.gif") == 5 == len(files(out / "sliding-frames", "*.png"))
    assert "an even sample of 5 of the 12 output positions" in (out / INDEX_MD).read_text(encoding="utf-8")


def test_the_chinese_export_draws_chinese_text(preset_export, tmp_path: Path) -> None:
    from gui.language import MissingTranslation, qm_files

    try:
        qm_files("zh_CN")
    except MissingTranslation as error:
        pytest.skip(str(error))
    english, _ = preset_export
    out = tmp_path / "zh"
    result = export(out, "--preset", PRESET, "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    changed = [p.name for p in files(out, "*.png") if p.read_bytes() != (english / p.relative_to(out)).read_bytes()]
    assert changed, "no figure changed with the language"
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["language"] == "zh_CN"


@pytest.mark.parametrize("where", ["under a file", "a file"])
def test_an_impossible_folder_is_one_error_line_and_exit_2(tmp_path: Path, where: str) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder")
    out = blocker / "slides" if where == "under a file" else blocker
    result = export(out, "--preset", "fc-4x2-as-conv-2x2")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: out: cannot write") and result.stderr.count("\n") == 1
    assert "is a file, not a folder" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"] and blocker.read_text() == "not a folder"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--width", "100"], "error: width: must be between 320 and 7680, got 100"),
        (["--frames", "0"], "error: frames: must be between 1 and 600, got 0"),
        (["--theme", "pink"], "error: argument --theme: invalid choice"),
        (["--groups", "3"], "error: groups:"),
    ],
)
def test_bad_options_are_refused_before_anything_is_drawn(tmp_path: Path, extra: list[str], message: str) -> None:
    calls = []
    status = main(["export", "--out", str(tmp_path / "x"), *extra], export_renderer=lambda *a, **k: calls.append(a))
    assert status == 2 and calls == [] and not (tmp_path / "x").exists()


def test_options_reach_the_renderer_and_override_the_preset(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def renderer(*args: object, **kwargs: object) -> list[Path]:
        calls.append((args, kwargs))
        return [tmp_path / "x" / "index.md", tmp_path / "x" / "index.html"]

    argv = ["export", "--preset", "params-3to10-k5", "--cout", "4", "--out", str(tmp_path / "x"), "--width", "1280"]
    assert main([*argv, "--theme", "dark", "--frames", "7"], export_renderer=renderer) == 0
    (spec, out), options = calls[0]
    assert spec == load_preset("params-3to10-k5").spec.replace(cout=4) and out == tmp_path / "x"
    assert {k: v for k, v in options.items() if k != "on_progress"} == {
        "preset": "params-3to10-k5",
        "language": "en",
        "theme": "dark",
        "width": 1280,
        "max_frames": 7,
    }
    assert capsys.readouterr().out == f"wrote 2 files to {tmp_path / 'x'}\n"
    assert not (tmp_path / "x").exists()  # the folder check left nothing behind


def test_without_a_renderer_export_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["export", "--preset", "fc-4x2-as-conv-2x2", "--out", str(tmp_path / "x")]) == 2
    assert capsys.readouterr().err.startswith("error: export: no window renderer")

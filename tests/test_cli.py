"""The CLI through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.commands import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def run_json(*args: str) -> dict:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_inspect_json_has_the_documented_keys() -> None:
    data = run_json("inspect", "--preset", "conv2d-doc-example")
    assert data["output_shape"] == [20, 33, 26, 100]
    assert data["params"] == {"conv": 7953, "linear": 7953}
    assert data["macs"]["conv"] == 20 * 33 * 26 * 100 * 16 * 15
    assert data["flops"]["conv"] == 2 * data["macs"]["conv"]
    assert data["receptive_field"] == [7, 5]


def test_inspect_options_override_the_preset() -> None:
    data = run_json("inspect", "--preset", "params-3to10-k5", "--no-bias")
    assert data["params"]["conv"] == 750


def test_inspect_table_shows_substituted_formulas() -> None:
    result = run("inspect", "--cin", "3", "--cout", "10", "--kernel", "5", "--padding", "1", "--input", "32x32")
    assert result.returncode == 0
    assert "3/1*5*5*10 + 10" in result.stdout and "floor((32 + 2*1 - 1*(5-1) - 1)/1 + 1)" in result.stdout


def test_check_json_reports_equality_and_small_outputs() -> None:
    data = run_json("check", "--preset", "fc-4x2-as-conv-2x2")
    for key in ("mode", "equal", "max_abs_error", "max_rel_error", "bitwise_equal_fraction", "grad_equal"):
        assert key in data
    assert data["mode"] == "full" and data["equal"] and data["grad_equal"]
    linear, conv = data["outputs"]["linear"], data["outputs"]["conv"]
    assert linear == conv
    assert [round(v[0][0], 4) for v in conv[0]] == [0.2983, 1.4994]


def test_check_omits_large_outputs() -> None:
    data = run_json("check", "--preset", "stride2-1x1-downsample")
    assert data["mode"] == "pointwise" and data["equal"] and "outputs" not in data


def test_check_one_d_with_every_mode_option() -> None:
    data = run_json(
        "check",
        "--dims",
        "1",
        "--cin",
        "4",
        "--cout",
        "4",
        "--kernel",
        "3",
        "--stride",
        "2",
        "--padding",
        "1",
        "--dilation",
        "2",
        "--groups",
        "2",
        "--input",
        "9",
        "--batch",
        "2",
        "--mode",
        "unrolled",
        "--dtype",
        "float64",
        "--seed",
        "5",
    )
    assert data["equal"] and data["max_abs_error"] < 1e-12 and data["sparsity"] > 0.5


def test_init_json() -> None:
    data = run_json("init", "--preset", "conv1d-k1-vs-linear", "--draws", "10")
    assert data["linear_bound"] == pytest.approx(8**-0.5) and data["conv_bound"] == pytest.approx(8**-0.5)
    assert {"ks_statistic", "same_distribution", "verdict"} <= set(data)


def test_presets_listing_and_detail() -> None:
    listing = run("presets")
    assert listing.returncode == 0 and "conv2d-doc-example" in listing.stdout
    detail = run_json("presets", "fc-4x2-as-conv-1x1")
    assert detail["presets"][0]["spec"]["seed"] == 888


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["inspect", "--groups", "3"], "groups:"),
        (["inspect", "--kernel", "0"], "kernel: must be >= 1"),
        (["check", "--mode", "pointwise"], "pointwise mode needs kernel 1"),
        (["inspect", "--padding", "same", "--stride", "2"], "needs stride 1"),
        (["check", "--mode", "unrolled", "--input", "300", "--cin", "64"], "over the budget"),
        (["inspect", "--preset", "nope"], "no preset named"),
        (["inspect", "--frobnicate"], "unrecognized arguments"),
        (["launch"], "invalid choice"),
        (["init", "--draws", "1"], "draws: must be between 2 and 1,000"),
        (["screenshot", "--preset", "nope", "--out", "x.png"], "preset: no preset named"),
        (["screenshot", "--preset", "conv2d-doc-example"], "the following arguments are required: --out"),
        (["screenshot", "--preset", "conv2d-doc-example", "--out", "x.png", "--size", "big"], "size: expected WxH"),
        (["screenshot", "--preset", "conv2d-doc-example", "--out", "x.png", "--size", "100x100"], "size: 100x100 is"),
        (["screenshot", "--preset", "conv2d-doc-example", "--out", "x.png", "--panel", "nope"], "invalid choice"),
        (["screenshot", "--preset", "conv2d-doc-example", "--out", "x.png", "--theme", "pink"], "invalid choice"),
        (["screenshot", "--preset", "fc-4x2-as-conv-2x2", "--mode", "pointwise", "--out", "x.png"], "pointwise mode"),
        (["screenshot", "--preset", "fc-4x2-as-conv-2x2", "--out", "x.png", "--step", "1"], "step: must be between 0"),
        (["screenshot", "--preset", "fc-4x2-as-conv-2x2", "--out", "x.jpg"], "out: x.jpg is not a .png"),
        (["screenshot", "--preset", "fc-4x2-as-conv-2x2", "--out", "README.md/x.png"], "README.md is a file"),
        (["bench", "--preset", "conv1d-k1-vs-linear", "--out", "README.md", "--format", "csv"], "README.md is a file"),
        (["bench", "--preset", "conv1d-k1-vs-linear", "--sweep", "batch=0,1"], "batch=0: batch: must be >= 1, got 0;"),
    ],
)
def test_invalid_input_is_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr
    assert lines[0].count("; ") <= 1  # the hint is said once


def test_errors_are_decided_before_torch_is_imported() -> None:
    """Keeps the answer to a typo instant: validation is pure Python."""
    code = (
        "import sys; from cli.commands import main; status = main(['check', '--groups', '3']); "
        "print(status, 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["2", "False"]


def test_headless_commands_never_load_the_window_toolkit() -> None:
    """main.py hands the CLI lazy GUI functions: a command that draws nothing imports neither gui nor Qt."""
    code = (
        "import sys, main; status = main.main(['inspect', '--preset', 'conv2d-doc-example']); "
        "print(status, 'gui' in sys.modules, 'PySide6' in sys.modules, 'pyqtgraph' in sys.modules, file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.stderr.split() == ["0", "False", "False", "False"], result.stderr


def test_help_lists_every_sub_command() -> None:
    result = run("--help")
    assert result.returncode == 0 and result.stderr == ""
    for command in ("inspect", "check", "init", "bench", "presets", "screenshot"):
        assert command in result.stdout
    help_text = run("screenshot", "--help").stdout
    for option in ("--preset", "--mode", "--panel", "--window", "--out", "--size", "--theme", "--step", "--zoom"):
        assert option in help_text
    assert "weights" in help_text and "parameters" in help_text and "dark" in help_text


def test_screenshot_options_reach_the_injected_renderer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def renderer(*args: object, **kwargs: object) -> Path:
        calls.append((args, kwargs))
        return tmp_path / "shot.png"

    argv = ["screenshot", "--preset", "params-3to10-k5", "--out", str(tmp_path / "shot.png"), "--size", "800x600"]
    argv += ["--panel", "sliding", "--step", "3", "--theme", "dark", "--window"]
    argv += ["--zoom", "1.5", "--presentation", "--story-step", "2"]
    assert main(argv, screenshot_renderer=renderer) == 0
    view = {"theme": "dark", "step": 3, "whole_window": True, "zoom": 1.5, "presentation": True, "story_step": 2}
    assert calls == [
        (("params-3to10-k5", tmp_path / "shot.png"), {"mode": None, "panel": "sliding", "size": (800, 600)} | view)
    ]
    assert capsys.readouterr().out == f"wrote {tmp_path / 'shot.png'}\n"


def test_ctrl_c_is_one_line_and_status_130(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> Path:
        raise KeyboardInterrupt

    argv = ["screenshot", "--preset", "params-3to10-k5", "--out", str(tmp_path / "shot.png")]
    assert main(argv, screenshot_renderer=interrupted) == 130
    captured = capsys.readouterr()
    assert captured.err == "error: interrupted\n" and captured.out == ""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--zoom", "3"], "error: zoom: must be between 0.8 and 2.5, got 3"),
        (["--zoom", "１"], "error: argument --zoom: must be a number"),
        (["--story-step", "6"], "error: story-step: must be between 1 and 5 (the steps of params-3to10-k5's story)"),
    ],
)
def test_screenshot_view_options_are_checked_before_rendering(extra: list[str], message: str) -> None:
    result = run("screenshot", "--preset", "params-3to10-k5", "--out", "never.png", *extra)
    assert result.returncode == 2 and result.stderr.startswith(message) and result.stderr.count("\n") == 1


def test_screenshot_without_a_renderer_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["screenshot", "--preset", "fc-4x2-as-conv-2x2", "--out", str(tmp_path / "x.png")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.splitlines()) == 1
    assert captured.err.startswith("error: screenshot: no window renderer")


def test_inspect_of_a_changed_preset_does_not_tell_the_presets_story() -> None:
    unchanged = run("inspect", "--preset", "fc-4x2-as-conv-2x2").stdout
    changed = run("inspect", "--preset", "fc-4x2-as-conv-2x2", "--cout", "5").stdout
    assert "gives the same two numbers" in unchanged
    assert "gives the same two numbers" not in changed
    assert changed.startswith("preset fc-4x2-as-conv-2x2 (") and "changed: cout=5" in changed.splitlines()[0]


def test_check_explains_kernel_taps_that_only_ever_meet_padding() -> None:
    args = ("check", "--dims", "1", "--cin", "2", "--cout", "3", "--kernel", "3", "--dilation", "5", "--padding", "5")
    data = run_json(*args, "--input", "1")
    assert data["roundtrip_exact"] and data["unreachable_weights"] == 12 and data["conv_weights"] == 18
    text = run(*args, "--input", "1").stdout
    assert "NOT exact" not in text  # was the verdict: the mapping did not fail, the taps never reach the Linear
    assert "12 of 18 conv weights are kernel taps that only ever meet padding" in text


def test_check_text_prints_both_outputs_when_small() -> None:
    text = run("check", "--preset", "fc-4x2-as-conv-2x2").stdout
    assert "conv output (1x2x1x1)    0.298259, 1.49941" in text
    assert "Linear output (1x2x1x1)  0.298259, 1.49941" in text
    assert "output (" not in run("check", "--preset", "conv2d-doc-example", "--batch", "1").stdout  # too many to read


def test_init_says_the_weights_are_pooled_over_the_draws() -> None:
    text = run("init", "--preset", "fc-4x2-as-conv-2x2").stdout
    assert "(320 weights of each layer, pooled over 40 draws)" in text

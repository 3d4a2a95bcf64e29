"""The CLI through a subprocess, as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

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
        (["init", "--draws", "1"], "draws: must be >= 2"),
    ],
)
def test_invalid_input_is_one_line_and_exit_2(args: list[str], fragment: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_errors_are_decided_before_torch_is_imported() -> None:
    """Keeps the answer to a typo instant: validation is pure Python."""
    code = (
        "import sys; from core.cli import main; status = main(['check', '--groups', '3']); "
        "print(status, 'torch' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.split() == ["2", "False"]

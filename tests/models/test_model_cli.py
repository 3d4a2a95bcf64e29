"""``python main.py model``, used as a newcomer would: the README's commands, their output and their errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from core.models.examples import EXAMPLES
from core.models.loading import ModelSource, build_model
from core.models.rewrite import load_rewritten

ROOT = Path(__file__).resolve().parent.parent.parent
SMALL_CONVNEXT = ["--example", "convnext-block", "--args", '{"dim": 8}', "--input", "1x8x12x12"]
QUICK = ["--min-time", "0.05", "--rounds", "1", "--isolation", "none"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "model", *args, "--lang", "en"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def run_json(*args: str) -> dict:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refused(*args: str) -> str:
    """The one ``error:`` line of a command that must fail with status 2."""
    result = run(*args)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def test_help_lists_every_built_in_example_and_the_safety_rule() -> None:
    result = run("--help")
    assert result.returncode == 0, result.stderr
    for name in EXAMPLES:
        assert f"  {name} " in result.stdout
    assert "weights_only=True" in result.stdout
    assert "executes its code" in result.stdout


def test_multiscale_table_and_flatten_size() -> None:
    payload = run_json("--example", "multiscale-1d")
    model = build_model(ModelSource("example", name="multiscale-1d"))
    assert payload["total_params"] == sum(p.numel() for p in model.parameters())
    assert sum(layer["params"] for layer in payload["layers"]) == payload["total_params"]
    assert payload["input_shape"] == [1, 1, 1024] or payload["input_shape"][1:] == [1, 1024]
    (flatten,) = payload["flatten"]
    assert flatten["layer"] == "classifier" and flatten["in_features"] == 768 and flatten["ok"]
    assert "256" in flatten["formula"] and "3" in flatten["formula"] and "768" in flatten["formula"]
    assert payload["rewritten"] == 0 and payload["timings"] is None


def test_the_text_report_shows_the_table_and_the_flatten_formula() -> None:
    result = run("--example", "multiscale-1d")
    assert result.returncode == 0, result.stderr
    assert "classifier" in result.stdout and "768" in result.stdout
    assert "receptive field" in result.stdout
    assert "MACs" in result.stdout


def test_a_wrong_in_features_is_diagnosed_with_the_value_that_fits() -> None:
    error = refused("--example", "multiscale-1d", "--args", '{"in_features": 256}')
    assert "classifier" in error and "768" in error
    assert "mat1 and mat2" not in error


def test_flops_and_bias_conventions_change_the_count() -> None:
    macs = run_json(*SMALL_CONVNEXT)
    flops = run_json(*SMALL_CONVNEXT, "--count", "flops")
    with_bias = run_json(*SMALL_CONVNEXT, "--bias")
    assert flops["total_count"] == 2 * macs["total_count"]
    assert with_bias["total_count"] == macs["total_count"] + sum(layer["bias_adds"] for layer in macs["layers"])
    assert with_bias["total_count"] > macs["total_count"]


def test_rewrite_verify_and_time_in_json() -> None:
    payload = run_json(*SMALL_CONVNEXT, "--rewrite", "pointwise", *QUICK)
    assert payload["rewritten"] == 2 and payload["rewritten_layers"] == ["pwconv1", "pwconv2"]
    assert payload["equal"] is True
    assert payload["max_abs_error"] < 1e-10
    assert payload["restored_exact"] is True
    assert [check["dtype"] for check in payload["checks"]] == ["float64", "float32"]
    timings = payload["timings"]
    assert timings["isolation"] == "none" and timings["allocator"].startswith("default")
    measured = {(m["subject"], m["form"]) for m in timings["measurements"]}
    assert measured == {("pwconv1", "conv"), ("pwconv1", "linear"), ("pwconv2", "conv"), ("pwconv2", "linear")} | {
        ("model", "original"),
        ("model", "rewritten"),
    }
    assert all(m["verified"] and m["median_s"] > 0 for m in timings["measurements"])


def test_tune_reports_a_choice_per_layer() -> None:
    payload = run_json(*SMALL_CONVNEXT, "--tune", *QUICK)
    tuned = payload["timings"]["tuned"]
    assert [choice["layer"] for choice in tuned] == ["pwconv1", "pwconv2"]
    assert all(choice["form"] in ("conv", "channels_last", "linear") for choice in tuned)
    whole = {m["form"] for m in payload["timings"]["measurements"] if m["subject"] == "model"}
    kept = any(choice["form"] != "conv" for choice in tuned)
    assert whole == ({"original", "rewritten", "tuned"} if kept else {"original", "rewritten"})


def test_saved_rewrite_reloads_to_the_same_outputs(tmp_path: Path) -> None:
    saved = tmp_path / "saved"
    result = run(*SMALL_CONVNEXT, "--rewrite", "pwconv2", "--no-time", "--save", str(saved))
    assert result.returncode == 0, result.stderr
    assert "pwconv2" in result.stdout
    description = json.loads((saved / "rewrite.json").read_text())
    reloaded = load_rewritten(saved, lambda d: build_model(ModelSource.from_description(d)))
    original = build_model(ModelSource("example", name="convnext-block", args=(("dim", 8),)))
    x = torch.randn(1, 8, 12, 12)
    with torch.no_grad():
        torch.testing.assert_close(reloaded(x), original(x))
    assert description["rewritten"] == ["pwconv2"]


def test_the_report_folder_has_markdown_csv_json_and_the_plot(tmp_path: Path) -> None:
    out = tmp_path / "report"
    result = run(*SMALL_CONVNEXT, "--rewrite", "pointwise", *QUICK, "--out", str(out))
    assert result.returncode == 0, result.stderr
    names = {path.name for path in out.iterdir()}
    assert {"model-report.md", "model-layers.csv", "model-timing.csv", "model-report.json"} <= names
    assert {"model-timing.png", "model-timing.svg"} <= names
    markdown = (out / "model-report.md").read_text()
    assert "| pwconv1 |" in markdown and "![" in markdown and "equal in float64" in markdown
    csv_lines = (out / "model-layers.csv").read_text().splitlines()
    assert csv_lines[0].startswith("index,name,type") and len(csv_lines) > 5


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--example", "resnet"], "no built-in example 'resnet'"),
        (["--example", "vgg-heads", "--class", "Net"], "--class"),
        (["--example", "multiscale-1d", "--input", "2x1"], "stem.conv"),
        (["--example", "multiscale-1d", "--input", "2xx4"], "--input"),
        (["--example", "multiscale-1d", "--args", "{width: 3}"], "--args"),
        (["--example", "convnext-block", "--rewrite", "dwconv"], "dwconv"),
        (["--example", "convnext-block", "--rewrite", "pointwise", "--rounds", "0"], "rounds"),
        (["--file", "net.py"], "--class"),
        (["--file", "missing.py", "--class", "Net", "--input", "1x3"], "missing.py"),
    ],
)
def test_bad_input_is_one_error_line(args: list[str], words: str) -> None:
    assert words in refused(*args)


def test_a_user_file_with_an_unsafe_pickle_is_refused_and_not_executed(tmp_path: Path) -> None:
    (tmp_path / "net.py").write_text(
        "import torch\nfrom torch import nn\n\n\nclass Net(nn.Module):\n"
        "    def __init__(self, width: int = 4) -> None:\n        super().__init__()\n"
        "        self.proj = nn.Conv2d(3, width, 1)\n\n"
        "    def forward(self, x):\n        return self.proj(x)\n"
    )
    marker = tmp_path / "pwned"
    payload = (
        "import os, pickle, torch\n"
        "class Evil:\n"
        f"    def __reduce__(self):\n        return (os.system, ('touch {marker}',))\n"
        f"torch.save({{'proj.weight': Evil()}}, '{tmp_path / 'evil.pt'}')\n"
    )
    subprocess.run([sys.executable, "-c", payload], check=True, timeout=60)
    error = refused(
        "--file",
        str(tmp_path / "net.py"),
        "--class",
        "Net",
        "--input",
        "1x3x4x4",
        "--weights",
        str(tmp_path / "evil.pt"),
    )
    assert "--weights" in error and "executed" in error
    assert not marker.exists()
    ok = run_json("--file", str(tmp_path / "net.py"), "--class", "Net", "--args", '{"width": 5}', "--input", "1x3x4x4")
    assert ok["layers"][0]["output_shape"] == [1, 5, 4, 4]


def test_workers_never_import_from_the_folder_the_app_runs_in(tmp_path: Path) -> None:
    marker = tmp_path / "imported"
    (tmp_path / "torch.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n")
    result = run(*SMALL_CONVNEXT, "--rewrite", "pointwise", "--min-time", "0.05", "--rounds", "1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not marker.exists()
    assert "died" not in result.stdout


def test_empty_or_pointless_folders_are_refused(tmp_path: Path) -> None:
    assert "--save" in refused(*SMALL_CONVNEXT, "--save", str(tmp_path / "s"))  # nothing rewritten
    assert "--out" in refused(*SMALL_CONVNEXT, "--out", " ")
    assert not (tmp_path / "s").exists()


def test_knobs_over_the_memory_budget_are_refused_before_building() -> None:
    error = refused("--example", "vgg-heads", "--args", '{"width": 4096}')
    assert "--args" in error and "budget" in error

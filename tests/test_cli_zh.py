"""The CLI in Simplified Chinese: ``--lang zh_CN`` (or a Chinese system locale) translates reports and error lines,
never numbers, option names or ``--json`` output; English comes back after every command."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import pytest

import core.catalogue
from cli.commands import build_parser, main
from cli.language import default_language, requested_language
from cli.text_table import display_width, fit, format_table
from core.i18n import current_language, tr

SPEC = ["--cin", "3", "--cout", "10", "--kernel", "5", "--padding", "1", "--input", "32x32"]
CJK = re.compile(r"[\u4e00-\u9fff]")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """One command in this process, as tests/test_cli.py's ``main`` tests do: status, stdout, stderr."""
    status = main(list(args))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    return lines[0]


@pytest.fixture
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def test_inspect_report_has_chinese_labels_and_the_english_numbers(capsys: pytest.CaptureFixture[str]) -> None:
    status, english, _ = run(capsys, "inspect", *SPEC)
    assert status == 0
    status, chinese, err = run(capsys, "inspect", *SPEC, "--lang", "zh_CN")
    assert status == 0 and err == ""
    assert "\nparameters\n" in english and "\nparameters\n" not in chinese
    for label in ("输出形状", "参数", "计算量", "感受野", "内存", "卷积参数量", "Linear 参数量", "内存预算"):
        assert label in chinese
    assert "，输入 1x3x32x32，float32，映射方式 unrolled" in chinese.splitlines()[0]
    assert NUMBER.findall(chinese) == NUMBER.findall(english)  # every number, in the same order
    assert "3/1*5*5*10 + 10" in chinese and "floor((32 + 2*1 - 1*(5-1) - 1)/1 + 1)" in chinese


def test_a_preset_is_told_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "inspect", "--preset", "fc-4x2-as-conv-2x2", "--lang", "zh_CN")
    assert status == 0 and out.startswith("Linear(4, 2) 就是 2x2 图像上的 2x2 卷积\n")
    status, out, _ = run(capsys, "presets", "--lang", "zh_CN")
    assert status == 0 and "预设" in out.splitlines()[0] and "常见说法，现场检验" in out
    assert "用法：" in out and "inspect --preset NAME" in out
    changed = run(capsys, "inspect", "--preset", "fc-4x2-as-conv-2x2", "--cout", "5", "--lang", "zh_CN")[1]
    assert changed.startswith("预设 fc-4x2-as-conv-2x2（") and "已修改：cout=5" in changed.splitlines()[0]


def test_check_and_init_reports_are_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "check", "--preset", "fc-4x2-as-conv-2x2", "--lang", "zh_CN")
    assert status == 0
    assert "通过：输出在浮点舍入误差内一致" in out and "最大绝对误差" in out and "映射代码：" in out
    assert re.search(r"\n卷积输出（1x2x1x1） +0.298259, 1.49941\n", out)
    status, out, _ = run(capsys, "init", "--preset", "fc-4x2-as-conv-2x2", "--draws", "4", "--lang", "zh_CN")
    assert status == 0 and "上界 1/sqrt(fan_in)" in out and "KS 统计量" in out and "次重新初始化" in out


def test_a_bad_spec_is_one_chinese_error_line_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "inspect", "--dims", "x", "--lang", "zh_CN")
    line = error_line(err)
    assert status == 2 and out == ""
    assert line.startswith("error: argument --dims: ")  # prefix and option name stay as they are
    assert "请用 1 或 2" in line and line.endswith("（参见：python main.py inspect --help）")
    status, _, err = run(capsys, "screenshot", "--preset", "params-3to10-k5", "--out", "x.png", "--size", "9x9")
    assert status == 2 and "is outside" in error_line(err)
    argv = ["screenshot", "--preset", "params-3to10-k5", "--out", "x.png", "--size", "9x9", "--lang", "zh_CN"]
    status, _, err = run(capsys, *argv)
    assert status == 2 and error_line(err).startswith("error: size: 9x9 超出范围 320x240 .. 7680x4320")


def test_a_rule_from_core_is_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    """The rule a spec breaks is core's text (the "engine" catalogue): in the error line of --lang zh_CN."""
    status, _, err = run(capsys, "check", "--cin", "4", "--groups", "3")
    assert status == 2 and not CJK.search(error_line(err))
    status, out, err = run(capsys, "check", "--cin", "4", "--groups", "3", "--lang", "zh_CN")
    line = error_line(err)
    assert status == 2 and out == "" and line.startswith("error: groups: ") and CJK.search(line)
    assert "cin=4" in line and "groups=3" in line


def test_a_write_error_is_chinese(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    argv = ["screenshot", "--preset", "params-3to10-k5", "--out", str(blocker / "x.png"), "--lang", "zh_CN"]
    status, _, err = run(capsys, *argv)
    assert status == 2 and error_line(err).startswith(f"error: out: {blocker} 是文件，不是文件夹")


@pytest.mark.parametrize(
    "args",
    [
        ["inspect", "--preset", "conv2d-doc-example"],
        ["inspect", "--preset", "factorized-1x3-3x1-vs-3x3"],
        ["check", "--preset", "fc-4x2-as-conv-2x2"],
        ["init", "--preset", "fc-4x2-as-conv-2x2", "--draws", "4"],
        ["presets"],
        ["presets", "claims"],
    ],
)
def test_json_is_the_same_in_every_language(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    status, english, _ = run(capsys, *args, "--json")
    assert status == 0
    status, chinese, _ = run(capsys, *args, "--json", "--lang", "zh_CN")
    assert status == 0 and chinese == english
    json.loads(chinese)


@pytest.mark.parametrize(
    "args",
    [
        ["inspect", "--preset", "conv2d-doc-example"],
        ["check", "--preset", "fc-4x2-as-conv-2x2"],
        ["init", "--preset", "fc-4x2-as-conv-2x2", "--draws", "4"],
    ],
)
def test_json_is_made_in_english_whatever_core_translates(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """A translator that changes every string (core's verdicts and formula names included): --json stays English,
    while the text report does change."""
    monkeypatch.setattr(core.catalogue, "_shared_translator", lambda language: lambda context, text: f"«{text}»")
    english = run(capsys, *args, "--json")[1]
    assert run(capsys, *args, "--json", "--lang", "zh_CN")[1] == english
    assert "«" not in english
    assert "«" in run(capsys, *args, "--lang", "zh_CN")[1]


BENCH = ["bench", "--dims", "1", "--cin", "4", "--cout", "8", "--kernel", "1", "--input", "32", "--impl", "linear,conv"]
BENCH += ["--min-time", "0.02", "--rounds", "2", "--isolation", "none"]


def test_bench_report_is_chinese_and_its_json_english(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, *BENCH, "--lang", "zh_CN")
    assert status == 0 and "内存分配器：" in out and "Roofline 模型（" in out and "GFLOP/s" in out
    status, out, _ = run(capsys, *BENCH, "--json", "--lang", "zh_CN")
    data = json.loads(out)
    assert status == 0 and not CJK.search(out) and data["caption"][0].endswith("· forward · linear, conv")


def test_the_system_locale_chooses_the_default_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_locale: None
) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert "\n参数\n" in run(capsys, "inspect", *SPEC)[1]
    assert "\nparameters\n" in run(capsys, "inspect", *SPEC, "--lang", "en")[1]  # --lang wins over the locale
    monkeypatch.setenv("LANG", "C")
    assert "\nparameters\n" in run(capsys, "inspect", *SPEC)[1]
    assert "\n参数\n" in run(capsys, "inspect", *SPEC, "--lang", "zh_CN")[1]


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({}, "en"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "POSIX"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "C"}, "zh_CN"),
        ({"LC_ALL": "C", "LC_MESSAGES": "zh_CN.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh_CN"),  # set but empty: not set
    ],
)
def test_first_set_locale_variable_wins(environ: dict[str, str], language: str) -> None:
    assert default_language(environ) == language


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "inspect", *SPEC, "--lang", "xx")
    assert status == 2 and out == ""
    assert error_line(err).startswith("error: argument --lang: invalid choice: 'xx'")
    status, _, err = run(capsys, "check", "--lang")
    assert status == 2 and "--lang" in error_line(err)


def _sub_commands() -> list[str]:
    (action,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return list(action.choices)


@pytest.mark.parametrize("command", _sub_commands())
def test_every_sub_command_takes_lang(capsys: pytest.CaptureFixture[str], command: str) -> None:
    status, _, err = run(capsys, command, "--lang", "xx")
    assert status == 2 and "argument --lang: invalid choice" in error_line(err)
    with pytest.raises(SystemExit) as exit_:  # argparse's own --help path
        main([command, "--help"])
    assert exit_.value.code == 0 and "--lang {en,zh_CN}" in capsys.readouterr().out


def test_english_is_back_after_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["inspect", *SPEC], ["inspect", "--groups", "7"], ["inspect", "--lang", "xx"], ["presets"]):
        main([*args, "--lang", "zh_CN"])
        assert current_language() == "en" and tr("CLI inspect", "parameters") == "parameters"
    capsys.readouterr()


def test_lang_is_read_before_the_other_options() -> None:
    assert requested_language(["inspect", "--cin", "3", "--lang", "zh_CN"], "en") == "zh_CN"
    assert requested_language(["inspect", "--lang=zh_CN"], "en") == "zh_CN"
    assert requested_language(["inspect", "--lang", "xx"], "zh_CN") == "zh_CN"  # the full parse refuses it
    assert requested_language(["inspect", "--lang"], "en") == "en"
    assert requested_language(["inspect", "--seed=--lang"], "en") == "en"


def test_the_screenshot_renderer_gets_the_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    calls: list[dict[str, object]] = []

    def renderer(*args: object, **kwargs: object) -> Path:
        calls.append(kwargs)
        return tmp_path / "shot.png"

    argv = ["screenshot", "--preset", "params-3to10-k5", "--out", str(tmp_path / "shot.png")]
    assert main([*argv, "--lang", "zh_CN"], screenshot_renderer=renderer) == 0
    assert calls[-1]["language"] == "zh_CN"
    assert capsys.readouterr().out == f"已写入 {tmp_path / 'shot.png'}\n"
    assert main(argv, screenshot_renderer=renderer) == 0
    assert calls[-1].get("language", "en") == "en"
    assert capsys.readouterr().out == f"wrote {tmp_path / 'shot.png'}\n"


def test_tables_align_chinese_labels_by_terminal_columns() -> None:
    assert display_width("参数 ab") == 7 and display_width("×·µ") == 3
    table = format_table([("卷积参数量", "1"), ("mode", "22")], ("名称", "值")).splitlines()
    assert table[1] == "----------  --"
    columns = {display_width(line[: line.rfind("  ") + 2]) for line in (table[0], table[2], table[3])}
    assert columns == {12}  # the second column starts in the same terminal column on every line
    assert format_table([("ab", "c"), ("abcd", "e")]) == "ab    c\nabcd  e"  # ASCII exactly as before


def test_progress_text_fits_its_terminal_columns() -> None:
    assert fit("参数abc", 4) == "参数" and fit("参数abc", 5) == "参数a" and fit("参数参", 5) == "参数 "
    for text in ("", "ab", "x" * 59, "y" * 60, "z" * 200, "timing linear at batch=4"):
        assert fit(text, 60) == f"{text[:60]:<60}"  # ASCII exactly as before

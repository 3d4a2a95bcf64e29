"""core in Chinese: errors, formulas, report labels and verdicts come out translated with their numbers intact, the
English output is unchanged without a translator, and what must stay machine-readable (JSON) stays English."""

from __future__ import annotations

import errno
import json
import re
from pathlib import Path
from typing import Any

import pytest

import core.catalogue
import core.i18n
from core.atomic_write import describe_write_error
from core.errors import SpecError
from core.inspect_report import inspect_spec
from core.isolation import call_isolated
from core.limits import budget_bytes
from core.number_format import format_number
from core.presets import load_preset, preset_names
from core.registry import INPUT_FILLS, MAPPING_MODES
from core.round_trip import describe_round_trip
from core.spec import parse_spec
from core.validation import validate

CHINESE = re.compile(r"[\u4e00-\u9fff]")


def chinese() -> None:
    core.i18n.install_translator(core.catalogue.catalogue_translator("zh_CN"), "zh_CN")


def error_of(values: dict) -> str:
    with pytest.raises(SpecError) as caught:
        validate(parse_spec(values))
    return str(caught.value)


def test_kernel_larger_than_the_padded_input_is_explained_in_chinese() -> None:
    chinese()
    text = error_of({"kernel": 9, "input_size": 8, "padding": 0})
    # The parameter and the "error: parameter: rule; hint" structure stay; the words are Chinese, the numbers kept.
    assert text == (
        "kernel: 输出 H 将为空：H_out = floor((H_in + 2*p - d*(k-1) - 1)/s + 1) = floor((8 + 2*0 - 1*(9-1) - 1)/1 + 1) "
        "= 0; 膨胀后的卷积核必须放得进（填充后的）输入：请让卷积核 H <= 8、增加填充，或增大输入"
    )


def test_groups_that_do_not_divide_the_channels_are_explained_in_chinese() -> None:
    chinese()
    text = error_of({"cin": 12, "cout": 18, "groups": 5})
    assert text == "groups: cin=12 不能被 groups=5 整除; groups 必须同时整除 cin=12 和 cout=18：可选 1, 2, 3, 6"


def test_an_unknown_preset_is_refused_in_chinese() -> None:
    chinese()
    with pytest.raises(SpecError) as caught:
        load_preset("no-such-preset")
    # The known names are listed as they are: identifiers, like the parameter "preset".
    assert str(caught.value) == f"preset: 没有名为 'no-such-preset' 的预设; 已有预设：{', '.join(preset_names())}"


def test_field_and_memory_errors_keep_their_numbers() -> None:
    chinese()
    assert error_of({"kernel": 0}) == "kernel: 必须 >= 1，实际为 0; 请用不小于 1 的值"
    assert error_of({"kernel": "3x3x3"}) == "kernel: 2-D 层需要 2 个值，实际为 3 个（'3x3x3'）; 例如用 3 或 3x5"
    memory = error_of({"mode": "unrolled", "input_size": 400, "cin": 64, "cout": 64})
    assert memory.startswith("memory: 映射方式 unrolled 的内存峰值约为 1888.3 TiB（窗口 1888.3 TiB，check 命令")
    assert memory.endswith("或改用映射方式 unfold（不构建稠密 Toeplitz 矩阵）")


def test_the_inspect_report_is_worded_in_chinese_and_its_json_stays_english() -> None:
    chinese()
    report = inspect_spec(validate(parse_spec({"kernel": 3, "mode": "unrolled"})))
    assert list(report.sections) == ["输出形状", "参数", "计算量", "感受野", "内存"]
    params = {f.name: f for f in report.sections["参数"]}
    assert params["卷积参数量"].value == 112
    assert params["卷积参数量"].substituted == "3/1*3*3*4 + 4"  # formulas and numbers are not translated
    nonzero = params["Linear 非零权重"]
    assert nonzero.symbolic == "cout*cin/groups*(落在真实输入上的卷积核位置数)"
    assert nonzero.substituted == "3888 / 27648（85.94% 为结构性零）"
    budget = report.sections["内存"][-1]
    assert (budget.name, budget.symbolic, budget.value) == ("内存预算", "最大峰值 <= 预算", "已用 4%")
    formulas: Any = report.to_json()["formulas"]
    assert list(formulas) == ["output shape", "parameters", "compute", "receptive field", "memory"]
    assert formulas["parameters"][2] == {
        "name": "Linear non-zero weights",
        "formula": "cout*cin/groups*(taps on real input)",
        "substituted": "3888 of 27648 (85.94% structural zeros)",
        "value": 3888,
    }
    assert not CHINESE.search(json.dumps(report.to_json(), ensure_ascii=False))


def test_vocabulary_verdicts_and_file_messages_in_chinese(tmp_path: Path) -> None:
    chinese()
    assert MAPPING_MODES["pointwise"].shown_label() == "逐点（卷积核大小 1）"
    assert MAPPING_MODES["pointwise"].label == "pointwise (kernel 1)"  # the English stays for exports and scripts
    assert INPUT_FILLS["arange"].shown_label() == "1, 2, 3, …"  # nothing to translate
    assert describe_round_trip(True, 3, 108) == (
        "Linear 持有的 105 个权重精确还原；108 个卷积权重中有 3 个是只会碰到填充的卷积核位置：Linear 从不与它们相乘，"
        "因此无法还原它们（它们也从不影响输出）"
    )
    assert (format_number(True), format_number(False), format_number(1234)) == ("是", "否", "1,234")
    missing = tmp_path / "nowhere" / "x.png"
    assert describe_write_error(missing, OSError(errno.ENOENT, "No such file")) == (
        f"无法写入 {missing}：文件夹 {missing.parent} 不存在"
    )


def test_without_a_translator_every_text_is_the_english_one(tmp_path: Path) -> None:
    chinese()
    core.i18n.install_translator(None)
    assert error_of({"kernel": 9, "input_size": 8}) == (
        "kernel: output H would be empty: H_out = floor((H_in + 2*p - d*(k-1) - 1)/s + 1) = "
        "floor((8 + 2*0 - 1*(9-1) - 1)/1 + 1) = 0; the dilated kernel must fit the (padded) input: use kernel H <= 8, "
        "more padding, or a larger input"
    )
    assert error_of({"cin": 12, "cout": 18, "groups": 5}) == (
        "groups: cin=12 is not divisible by groups=5; groups must divide both cin=12 and cout=18: use one of 1, 2, 3, 6"
    )
    with pytest.raises(SpecError, match=r"^preset: no preset named 'no-such-preset'; known presets: "):
        load_preset("no-such-preset")
    report = inspect_spec(validate(parse_spec({"kernel": 3, "mode": "unrolled"})))
    assert list(report.sections) == ["output shape", "parameters", "compute", "receptive field", "memory"]
    assert str(report.sections["parameters"][2]) == (
        "Linear non-zero weights = cout*cin/groups*(taps on real input) = 3888 of 27648 (85.94% structural zeros) "
        "= 3888"
    )
    english: Any = report.to_json()["formulas"]
    assert report.json_sections is None and english["parameters"][0]["name"] == "conv params"
    assert MAPPING_MODES["pointwise"].shown_label() == "pointwise (kernel 1)"
    assert describe_round_trip(True, 0, 9) == "exact" and format_number(True) == "yes"
    missing = tmp_path / "nowhere" / "x.png"
    assert describe_write_error(missing, OSError(errno.ENOENT, "x")) == (
        f"cannot write {missing}: the folder {missing.parent} does not exist"
    )


def test_a_child_process_answers_in_the_parents_language() -> None:
    """Half-precision work runs in a child process (core.isolation): its messages come back in Chinese too."""
    chinese()
    with pytest.raises(SpecError) as caught:
        call_isolated("float16", budget_bytes, 0.5)
    assert str(caught.value) == "budget-mib: 必须在 1 到 1.04858e+06 之间，实际为 0.5; 例如用 1024（MiB）"

"""The measurements' words in Chinese (claims and bench engine): verdicts, evidence, progress, captions, summaries and
estimates come out in the installed language with every number intact, and byte-identical English without one."""

from __future__ import annotations

import dataclasses
import math
import re
from pathlib import Path

import pytest

import core.catalogue
import core.i18n
from core.bench import caption as caption_module
from core.bench.caption import caption_lines
from core.bench.config import PRECISE, QUICK, BenchConfig
from core.bench.duration import Estimate
from core.bench.explain import explain, roofline_line
from core.bench.records import BenchRecord
from core.bench.roofline import DEVICE_MEMORY, MemoryLevel, Roofline
from core.bench.runner import BenchResult, collect, run_bench
from core.bench.summary import records_table, timing_line
from core.bench.timing import RATIO_CI, ratio_ci_text
from core.claims import CLAIMS, VERDICTS, ClaimResult, run_claim, speed, verdict_description, verdict_label
from core.claims import collect as collect_claim
from core.spec import parse_spec
from tests.test_bench_records import sample

ROOT = Path(__file__).resolve().parents[1]
CJK = re.compile(r"[\u4e00-\u9fff]")
PARAMS_ENGLISH = (
    "Partly true: right for groups=1 (with a bias). Counted with sum(p.numel()) on real modules. With groups=1 and a "
    "bias the claim's formula matches 3 of 3 layers (Conv2d(3, 10, 5): 760 and Conv2d(3, 10, 1): 40; kh·kw for a "
    "non-square kernel). Without a bias drop the + Co (750, 30). With groups each output channel sees only Cin/groups "
    "inputs, so the count is Cin/groups·kh·kw·Co + Co·bias: Conv2d(8, 16, 3, groups=2) has 592 (8/2·3·3·16 + 16 = "
    "592), the claim says 1,168; Conv2d(32, 32, 3, groups=32) has 320 (32/32·3·3·32 + 32 = 320), the claim says "
    "9,248. That general formula matches 7 of 7 layers."
)


def chinese() -> None:
    core.i18n.install_translator(core.catalogue.catalogue_translator("zh_CN"), "zh_CN")


def _run(name: str) -> tuple[ClaimResult, list[str]]:
    texts: list[str] = []
    result = collect_claim(run_claim(name), on_progress=lambda p: texts.append(p.text))
    assert result is not None
    return result, texts


# ----- the catalogue ------------------------------------------------------------------------------------------------
def test_every_measurement_string_in_the_code_is_translated() -> None:
    (catalogue,) = core.catalogue.by_name(["measurements"])
    table = core.catalogue.read_ts(core.catalogue.ts_path(ROOT, catalogue, "zh_CN").read_text(encoding="utf-8"))
    messages = core.catalogue.extract(catalogue, ROOT)
    assert len(messages) > 150
    untranslated = [m.key for m in messages if not table.get(m.key)]
    assert untranslated == []
    for message in messages:
        translation = table[message.key]
        assert translation is not None
        assert core.catalogue.placeholders(translation) == core.catalogue.placeholders(message.source), message.key


# ----- claims -------------------------------------------------------------------------------------------------------
def test_the_params_claim_in_english_is_unchanged() -> None:
    result, texts = _run("params")
    assert result.verdict == "partly true" and result.evidence == PARAMS_ENGLISH
    assert texts[0] == "counting Conv2d(3, 10, 5)"
    assert verdict_label(result.verdict) == "PARTLY TRUE"
    assert verdict_description("false") == "the measurements contradict the claim as stated"
    assert CLAIMS["params"].shown_label() == "Conv params = Cin·k·k·Co + Co"
    assert CLAIMS["stride"].shown_quote() == "A stride-2 1×1 conv halves the feature map."


def test_the_params_claim_in_chinese_keeps_its_verdict_and_numbers() -> None:
    chinese()
    result, texts = _run("params")
    assert result.verdict == "partly true"  # the identifier logic and tests compare stays English
    assert verdict_label(result.verdict) == "部分成立"
    evidence = result.evidence
    assert evidence.startswith("部分成立：") and "Counted" not in evidence and "the claim says" not in evidence
    for kept in ("Conv2d(3, 10, 5)：760", "Conv2d(3, 10, 1)：40", "750、30", "1,168", "9,248", "8/2·3·3·16 + 16 = 592"):
        assert kept in evidence, kept
    assert "Cin/groups·kh·kw·Co + Co·bias" in evidence and "7 个层中的 7 个" in evidence
    assert texts[0] == "统计 Conv2d(3, 10, 5) 的参数"


def test_the_stride_claim_in_chinese_keeps_its_sizes_and_counts() -> None:
    chinese()
    result, texts = _run("stride")
    assert result.verdict == "partly true"
    assert result.evidence.startswith("部分成立。每条边减半")
    assert "7×7 → 4×4；8×8 → 4×4" in result.evidence and "64 个输入位置中只有 16 个（25%）" in result.evidence
    assert "49 个中的 16 个（33%）" in result.evidence and "Linear(3, 4)" in result.evidence
    assert texts == ["在 7×7 上运行步长为 2 的 1×1 卷积", "在 8×8 上运行步长为 2 的 1×1 卷积"]


def test_every_claim_title_quote_description_and_verdict_word_is_chinese() -> None:
    chinese()
    for claim in CLAIMS:
        for text in (claim.shown_label(), claim.shown_quote(), claim.shown_description()):
            assert CJK.search(text), text
    assert [verdict_label(name) for name in VERDICTS.names] == ["成立", "部分成立", "视情况而定", "不成立"]
    assert all(CJK.search(verdict_description(name)) for name in VERDICTS.names)
    assert CLAIMS["init"].label == "Conv has the better default init"  # the data stays English


def _speed_evidence() -> speed.SpeedEvidence:
    def record(impl: str, threads: int, ratio: float, faults: float) -> BenchRecord:
        return dataclasses.replace(
            sample(impl, ratio),
            threads=threads,
            page_faults=faults,
            noise_warning="",
            median_s=0.00123 * (1 if math.isnan(ratio) else ratio),
        )

    fresh = speed.SpeedCondition(
        "fresh", "", "process", "default", (record("linear", 1, math.nan, 3), record("conv", 1, 2.5, 800))
    )
    warm = speed.SpeedCondition(
        "warm",
        "",
        "none",
        "default",
        (record("linear", 1, math.nan, 2), record("conv", 1, 1.2, 2), record("conv_channels_last", 1, 0.9, 1)),
    )
    spec = parse_spec(dims=1, cin=8, cout=32, kernel=1, input_size=256, batch=128)
    return speed.SpeedEvidence(spec, 0.2, 2, (fresh, warm), (), (), 7.3)


def test_the_speed_evidence_in_chinese_keeps_every_ratio() -> None:
    english = speed._evidence(_speed_evidence())[1]
    assert english.startswith("False here: not an order of magnitude (≥ 10×)") and ". Measured live" in english
    chinese()
    verdict, text = speed._evidence(_speed_evidence())
    assert verdict == "false" and text.startswith("在此不成立：所测的任何条件下都没有达到一个数量级（≥ 10×）。用本项目")
    assert "2.50×（95% 置信区间 2.45–2.55）" in text and "8,388,608" in text and "Linear(8, 32)" in text
    assert "内存布局（NCL 1.20×，channels_last 0.90×）" in text
    assert "。 " not in text  # Chinese sentences run on without the English space
    assert speed.condition_name("fresh") == "全新进程" and speed.condition_name("warm") == "已预热"


# ----- bench --------------------------------------------------------------------------------------------------------
def _result() -> BenchResult:
    spec = parse_spec(dims=1, cin=4, cout=8, kernel=1, input_size=32, batch=2)
    return BenchResult(records=[sample("linear", 1.0), sample("conv")], spec=spec, started="2026-11-24 16:58")


def test_bench_caption_and_summary_in_english_are_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caption_module, "cpu_model", lambda: "Example CPU")
    first, second = caption_lines(_result())
    assert first == "Conv1d(4, 8, kernel=1) on 2x4x32, float32 · forward + backward · batch = 16 · linear, conv"
    assert second.startswith("2 threads · default allocator · Example CPU · torch ")
    assert timing_line(sample("conv")) == (
        "conv: median 340 us, Q1-Q3 330-351 us over 120 runs; noisy (IQR > 10% of median)"
    )
    lines = explain([sample("linear", 1.0), sample("conv")])
    assert lines[:2] == ["fastest: linear at 340.0 us per call", "conv: 1.80x linear (95% CI 1.76-1.84)"]
    header, _ = records_table([sample("linear", 1.0)], ("impl", "ratio", "roofline", "noise"))
    assert header == ["impl", "ratio to linear [95% CI]", "roofline", "noise"]
    assert Estimate(3.2, 5.1).describe() == "about 8 s (3 s timing, 5 s start-up and checks)"
    assert (QUICK.shown_name(), PRECISE.shown_name()) == ("quick", "precise")
    assert ratio_ci_text() == RATIO_CI


def test_bench_caption_summary_and_estimate_in_chinese_keep_their_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(caption_module, "cpu_model", lambda: "Example CPU")
    chinese()
    first, second = caption_lines(_result())
    assert first.endswith(" · 前向 + 反向 · batch = 16 · linear, conv")
    assert second.startswith("2 个线程 · default 内存分配器 · Example CPU · torch ")
    assert caption_lines(BenchResult())[0] == "未记录层配置 · 前向 · 未测量任何实现"
    assert timing_line(sample("conv")) == (
        "conv：中位数 340 us，Q1-Q3 330-351 us，共 120 次运行；噪声大（IQR 超过中位数的 10%）"
    )
    lines = explain([sample("linear", 1.0), sample("conv")])
    assert lines[0] == "最快：linear，每次调用 340.0 us"
    assert lines[1] == "conv：耗时为 linear 的 1.80x（95% 置信区间 1.76-1.84）"
    assert any(line.startswith("linear 每次调用产生 2617 次轻微缺页异常") for line in lines)
    assert roofline_line(sample("conv")).endswith(
        "达到其上限 107 GFLOP/s 的 58%（上限为算力峰值；工作集 5.2 MiB，位于 L3（带宽 220 GB/s））"
    )
    header, rows = records_table([sample("linear", 1.0), sample("conv")], ("impl", "value", "ratio", "roofline"))
    assert header == ["实现", "batch", "相对 linear 的比值 [95% 置信区间]", "Roofline 占比"]
    assert rows[1] == ["conv", "16", "1.80 [1.76-1.84]", "L3 上限的 58%"]
    assert Estimate(3.2, 5.1).describe() == "约 8 s（计时 3 s，启动与检查 5 s）"
    assert (QUICK.shown_name(), PRECISE.shown_name()) == ("快速", "精确")
    assert ratio_ci_text() == "中位数之比的 95% bootstrap 置信区间（对双方的单次运行时间各重采样 2000 次）"
    assert RATIO_CI.startswith("95% bootstrap CI")  # the English constant is data


def test_roofline_words_are_translated_where_shown_and_kept_in_the_data() -> None:
    level = MemoryLevel(DEVICE_MEMORY, None, 1 << 20, 85.4)
    roof = Roofline(170.0, "3x3 conv, 256 channels (oneDNN)", (level,), "cuda", "float32", 1)
    assert level.describe() == "device memory bandwidth 85 GB/s" and roof.shown_peak_source == roof.peak_source
    chinese()
    assert level.name == "device memory" and level.describe() == "设备内存 带宽 85 GB/s"
    assert roof.shown_peak_source == "3x3 卷积，256 通道（oneDNN）" and roof.peak_source.startswith("3x3 conv")


def test_a_worker_process_explains_an_exclusion_in_the_apps_language() -> None:
    """The exclusion is decided in a fresh worker process: it must answer in the language of the app."""
    chinese()
    spec = parse_spec(dims=1, cin=4, cout=8, kernel=3, input_size=16, batch=2)
    config = BenchConfig(spec=spec, impls=("linear",), isolation="process", min_run_time=0.01, rounds=1)
    messages: list[str] = []
    result = collect(run_bench(config), on_progress=lambda p: messages.append(p.message))
    assert not result.error and not result.records
    ((_, exclusion),) = result.excluded
    assert exclusion.name == "linear" and exclusion.reason.startswith(
        "没有对应的普通 Linear：需要卷积核大小为 1（逐点）"
    )
    assert messages[0] == "层配置：已准备好 0 个实现" and messages[-1] == "层配置：完成"

"""The translation catalogues: complete, in step with the code, faithful to placeholders, covered by the shipped
font, and read the same way by the CLI (from ``.ts``) as by the window (from ``.qm``)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from core.catalogue import (
    CATALOGUES,
    PRESET_CONTEXT,
    TRANSLATED_LANGUAGES,
    ExtractionError,
    Message,
    catalogue_translator,
    extract,
    placeholders,
    python_strings,
    read_ts,
    ts_path,
    write_ts,
)

ROOT = Path(__file__).resolve().parent.parent
FONT_DIR = ROOT / "resources" / "fonts"
CASES = [(catalogue, language) for catalogue in CATALOGUES for language in TRANSLATED_LANGUAGES]
IDS = [f"{catalogue.name}_{language}" for catalogue, language in CASES]
# What may stay as in English: placeholders, HTML tags and entities, code-like tokens (dots, underscores, brackets,
# digits), option names, an English gloss in full-width brackets after a Chinese term, units and names that are not
# translated in Chinese technical writing.
KEPT_AS_IS = re.compile(
    r"（[A-Za-z][^）]*）|\{[^}]*\}|<[^>]*>|&\w+;|--[\w-]+(?:[ =][\w=,.:-]+)?|[\w.]*[_.(\[][\w.,()\[\] =*/+-]*|"
    r"\b[A-Z]{2,}s?\b|\b(?:ms|µs|ns|GB|MiB|GiB|KiB|GFLOP|"
    r"Linear|Conv[12]d|Conv|torch|PyTorch|Toeplitz|Roofline|im2col|unfold|channels_last|MKL|oneDNN|KS|Sobel|"
    r"Laplacian|bfloat16|float\d+|CSV|JSON|PNG|SVG|GIF|English|isolation \w+)\b"
)


def table(catalogue, language) -> dict[tuple[str, str], str | None]:
    return read_ts(ts_path(ROOT, catalogue, language).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("catalogue", "language"), CASES, ids=IDS)
def test_catalogue_matches_the_code(catalogue, language) -> None:
    """Every translatable string in the code is in the .ts, and nothing else (run `make update-translations`)."""
    in_code = {message.key for message in extract(catalogue, ROOT)}
    in_file = set(table(catalogue, language))
    assert sorted(in_code - in_file) == [], "new strings: run `make update-translations` and translate them"
    assert sorted(in_file - in_code) == [], "strings gone from the code: run `make update-translations`"


@pytest.mark.parametrize(("catalogue", "language"), CASES, ids=IDS)
def test_every_message_is_translated(catalogue, language) -> None:
    untranslated = [key for key, text in table(catalogue, language).items() if not text]
    assert untranslated == []


@pytest.mark.parametrize(("catalogue", "language"), CASES, ids=IDS)
def test_translations_keep_placeholders_and_are_not_english(catalogue, language) -> None:
    for (context, source), text in table(catalogue, language).items():
        assert text is not None
        assert placeholders(text) == placeholders(source), (context, source, text)
        left = KEPT_AS_IS.sub(" ", text)
        assert not re.search(r"[A-Za-z]{3,}\s+[a-z]{3,}", left), f"English words left in {text!r} ({context})"
        if re.search(r"[a-z]{3,}", KEPT_AS_IS.sub(" ", source)):  # a source with words must read as Chinese
            assert re.search(r"[\u4e00-\u9fff]", text), f"not translated: {source!r} -> {text!r}"


def test_the_engine_and_presets_catalogues_are_not_empty() -> None:
    for name in ("engine", "presets", "window", "panels"):
        (catalogue,) = [c for c in CATALOGUES if c.name == name]
        assert len(extract(catalogue, ROOT)) >= 20, name


def test_shipped_font_has_every_translated_character() -> None:
    """Every character the translations bring (symbols the English text shares, such as ᵀ or ₁, are the system UI
    font's job, as in English)."""
    tables = [table(catalogue, language) for catalogue, language in CASES]
    in_sources = {char for entries in tables for context, source in entries for char in context + source}
    used = {
        char
        for entries in tables
        for text in entries.values()
        for char in text or ""
        if ord(char) > 0x7F and char not in in_sources
    }
    assert len(used) > 300  # the translations are real text
    for face in ("Regular", "Bold"):
        cmap = TTFont(FONT_DIR / f"NotoSansSC-LinConv-{face}.otf").getBestCmap()
        missing = sorted(char for char in used if ord(char) not in cmap)
        assert missing == [], f"run resources/fonts/regenerate.py: {face} lacks {''.join(missing)}"


def test_font_licence_ships_with_the_font() -> None:
    licence = (FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE" in licence and "Adobe" in licence


def test_extraction_finds_literals_and_refuses_templates_it_cannot_translate(tmp_path: Path) -> None:
    good = tmp_path / "good.py"
    good.write_text(
        "from core.i18n import tr, tr_noop\n"
        "A = tr_noop('Ctx', 'marked')\n"
        "def f(x):\n"
        "    return tr('Ctx', 'value {x}').format(x=x) + tr('Ctx', A) + i18n.tr('Other', 'dotted')\n"
    )
    assert sorted(python_strings(good, "good.py")) == [("Ctx", "marked"), ("Ctx", "value {x}"), ("Other", "dotted")]
    for bad in ("tr('Ctx', f'value {x}')", "tr('Ctx', 'a' + x)", "tr(1, 'text')"):
        path = tmp_path / "bad.py"
        path.write_text(f"x = 1\ny = {bad}\n")
        with pytest.raises(ExtractionError, match=r"bad\.py:2"):
            list(python_strings(path, "bad.py"))


def test_ts_round_trip_keeps_markup_and_unfinished_marks() -> None:
    messages = [Message("A & B", '<b>x</b> < {y} "q"'), Message("A & B", "todo"), Message(PRESET_CONTEXT, "t")]
    text = write_ts(messages, {messages[0].key: "<b>甲</b> < {y} “引”", messages[2].key: "题"}, "zh_CN")
    assert read_ts(text) == {messages[0].key: "<b>甲</b> < {y} “引”", messages[1].key: None, messages[2].key: "题"}


def test_cli_translator_reads_the_installed_catalogues() -> None:
    (catalogue,) = [c for c in CATALOGUES if c.name == "presets"]
    (context, source), translation = next(iter(table(catalogue, "zh_CN").items()))
    translate = catalogue_translator("zh_CN")
    assert translate(context, source) == translation != source
    assert translate(context, "not in any catalogue") == "not in any catalogue"
    assert catalogue_translator("en")(context, source) == source


def test_lrelease_output_translates_like_the_ts(tmp_path: Path) -> None:
    """The window reads .qm files compiled by lrelease: they answer as the .ts sources do."""
    from PySide6.QtCore import QTranslator

    from gui.launch import make_application

    make_application()
    message = Message("Ctx", "max |difference| = {error} & <b>more</b>")
    ts = tmp_path / "t_zh_CN.ts"
    ts.write_text(write_ts([message], {message.key: "最大 |差值| = {error} & <b>更多</b>"}, "zh_CN"), encoding="utf-8")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "t.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    assert translator.translate("Ctx", message.source) == "最大 |差值| = {error} & <b>更多</b>"

"""Regenerate ``NotoSansSC-LinConv.otf``: the subset of Noto Sans CJK SC that covers every translated string.

Run after the translations change (``make font``)::

    apt-get install fonts-noto-cjk        # the full font, SIL Open Font License 1.1
    .venv/bin/pip install fonttools
    .venv/bin/python resources/fonts/regenerate.py

The subset keeps Regular and Bold (titles are bold), renamed "LinConv Noto Sans SC" as the OFL asks of a modified
font (no Reserved Font Name is used). ``tests/test_translations.py`` fails when a translation uses a character the
subset lacks.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SOURCE = Path("/usr/share/fonts/opentype/noto")
FACES = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
SC_INDEX = 2  # the Simplified Chinese face in the Noto Sans CJK collections (JP, KR, SC, TC, HK)
FAMILY = "LinConv Noto Sans SC"
# Always present: full-width punctuation and the digits, so that new text rarely needs a new subset.
BASE = "，。、：；？！（）《》“”‘’…—·　0123456789" + "".join(chr(c) for c in range(0x20, 0x7F))


def characters() -> str:
    """Every character of the zh_CN translations and of the code and presets (symbols such as ■ ≤ Σ ×, so that a
    machine without any system font still draws them), plus :data:`BASE` and the Language menu's names."""
    chars = set(BASE + "简体中文English")
    for ts in sorted((ROOT / "resources" / "i18n").glob("*_zh_CN.ts")):
        for translation in ET.parse(ts).iter("translation"):
            chars.update(translation.text or "")
    for pattern in ("main.py", "core/**/*.py", "gui/**/*.py", "cli/**/*.py", "resources/presets/*.json"):
        for path in ROOT.glob(pattern):
            chars.update(char for char in path.read_text(encoding="utf-8") if ord(char) > 0x7F)
    return "".join(sorted(chars))


def subset(face: str, file: str, text: str) -> Path:
    from fontTools import subset as fonttools_subset
    from fontTools.ttLib import TTFont

    font = TTFont(SOURCE / file, fontNumber=SC_INDEX)
    options = fonttools_subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    subsetter = fonttools_subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for record_id, value in ((1, FAMILY), (4, f"{FAMILY} {face}"), (6, f"LinConvNotoSansSC-{face}"), (16, FAMILY)):
        names.setName(value, record_id, 3, 1, 0x409)
        names.setName(value, record_id, 1, 0, 0)
    out = HERE / f"NotoSansSC-LinConv-{face}.otf"
    font.save(out)
    return out


def main() -> None:
    text = characters()
    for face, file in FACES.items():
        out = subset(face, file, text)
        print(f"{out.relative_to(ROOT)}: {len(text)} characters, {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    sys.exit(main())

"""The translation catalogues: which source files feed which ``.ts`` file, how their strings are found, and how a
``.ts`` file is read and written.

One catalogue per area of the code, so that translators (and parallel work) never edit the same file. The strings
are the literal arguments of :func:`core.i18n.tr` / :func:`core.i18n.tr_noop` calls in Python files, and the title,
explanation and step captions of the built-in presets. ``python -m core.catalogue`` (``make translations``)
refreshes every ``.ts`` from the sources, keeping existing translations; Qt's ``lrelease`` compiles them to ``.qm``.
"""

from __future__ import annotations

import argparse
import ast
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Formatter

from core.i18n import LANGUAGES, SOURCE_LANGUAGE, Translator, current_language, install_translator
from core.resources import resource

PRESET_CONTEXT = "Presets"
PRESET_FIELDS = ("title", "explanation", "related_total")
"""Fields of a preset file shown in the window (plus every step's ``caption`` and every related variant's ``label``),
translated with context "Presets"."""

TRANSLATION_CALLS = frozenset({"tr", "tr_noop"})


@dataclass(frozen=True)
class Catalogue:
    """One ``.ts`` file per language: the strings of the source files matching ``sources`` (globs from the root)."""

    name: str
    sources: tuple[str, ...]

    def files(self, root: Path) -> list[Path]:
        """The source files of this catalogue under ``root``, sorted."""
        return sorted({path for pattern in self.sources for path in root.glob(pattern) if path.is_file()})


CATALOGUES: tuple[Catalogue, ...] = (
    Catalogue("window", ("main.py", "gui/*.py", "gui/widgets/*.py")),
    Catalogue("panels", ("gui/panels/*.py", "gui/plots/*.py")),
    Catalogue("engine", ("core/*.py",)),
    Catalogue("measurements", ("core/claims/*.py", "core/bench/*.py")),
    Catalogue("models", ("core/models/*.py",)),
    Catalogue("cli", ("cli/*.py",)),
    Catalogue("presets", ("resources/presets/*.json",)),
)
TRANSLATED_LANGUAGES = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
I18N_DIR = "i18n"


def ts_name(catalogue: Catalogue, language: str) -> str:
    """``window_zh_CN.ts``."""
    return f"{catalogue.name}_{language}.ts"


def qm_name(catalogue: Catalogue, language: str) -> str:
    """``window_zh_CN.qm``: what ``lrelease`` makes of :func:`ts_name`."""
    return f"{catalogue.name}_{language}.qm"


@dataclass
class Message:
    """One source string in one context, with the files it appears in."""

    context: str
    source: str
    files: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.context, self.source)


class ExtractionError(ValueError):
    """A translation call whose context or text is not a plain string literal (it could never be translated)."""


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def python_strings(path: Path, shown_as: str) -> Iterator[tuple[str, str]]:
    """``(context, text)`` of every ``tr``/``tr_noop`` call with literal arguments in a Python file. A call whose text
    is an f-string or a ``+``/``%`` expression is an error (translate the template, then ``.format``); a call with a
    variable as text is a lookup of a string marked elsewhere and is skipped."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=shown_as)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) not in TRANSLATION_CALLS or len(node.args) != 2:
            continue
        context, text = (_literal(arg) for arg in node.args)
        if isinstance(node.args[1], ast.JoinedStr | ast.BinOp) or (
            context is None and not isinstance(node.args[0], ast.Name | ast.Attribute)
        ):
            raise ExtractionError(
                f"{shown_as}:{node.lineno}: translate a literal template and fill it with .format() afterwards"
            )
        if context is not None and text is not None:
            yield context, text


def preset_strings(path: Path) -> Iterator[tuple[str, str]]:
    """``(context, text)`` of the visible text of one preset file (title, explanation, step captions)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in PRESET_FIELDS:
        if isinstance(data.get(key), str):
            yield PRESET_CONTEXT, data[key]
    for key, field_name in (("steps", "caption"), ("related", "label")):
        for item in data.get(key) or []:
            if isinstance(item, dict) and isinstance(item.get(field_name), str):
                yield PRESET_CONTEXT, item[field_name]


def extract(catalogue: Catalogue, root: Path) -> list[Message]:
    """Every message of ``catalogue`` in source order (a text seen again in the same context adds its file)."""
    messages: dict[tuple[str, str], Message] = {}
    for path in catalogue.files(root):
        shown_as = path.relative_to(root).as_posix()
        found = preset_strings(path) if path.suffix == ".json" else python_strings(path, shown_as)
        for context, text in found:
            message = messages.setdefault((context, text), Message(context, text))
            if shown_as not in message.files:
                message.files.append(shown_as)
    return list(messages.values())


def read_ts(text: str) -> dict[tuple[str, str], str | None]:
    """``{(context, source): translation}`` of a ``.ts`` document; ``None`` where the translation is unfinished."""
    found: dict[tuple[str, str], str | None] = {}
    for context in ET.fromstring(text).iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in {"unfinished", "vanished", "obsolete"}
            value = (translation.text or "") if translation is not None else ""
            found[(name, message.findtext("source") or "")] = value if done and value else None
    return found


def write_ts(messages: Iterable[Message], translations: dict[tuple[str, str], str | None], language: str) -> str:
    """The ``.ts`` document of ``messages`` with the ``translations`` known so far (others marked unfinished)."""
    ts = ET.Element("TS", version="2.1", language=language, sourcelanguage=SOURCE_LANGUAGE)
    contexts: dict[str, ET.Element] = {}
    for message in messages:
        if message.context not in contexts:
            contexts[message.context] = ET.SubElement(ts, "context")
            ET.SubElement(contexts[message.context], "name").text = message.context
        element = ET.SubElement(contexts[message.context], "message")
        for file in message.files:
            ET.SubElement(element, "location", filename=f"../../{file}")
        ET.SubElement(element, "source").text = message.source
        translation = ET.SubElement(element, "translation")
        known = translations.get(message.key)
        if known:
            translation.text = known
        else:
            translation.set("type", "unfinished")
    ET.indent(ts, space="    ")
    body = ET.tostring(ts, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n'


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a format template (a translation must keep exactly the source's)."""
    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


def ts_path(root: Path, catalogue: Catalogue, language: str) -> Path:
    """Where the ``.ts`` source of ``catalogue`` in ``language`` lives in the checkout at ``root``."""
    return root / "resources" / I18N_DIR / ts_name(catalogue, language)


def by_name(names: Iterable[str] = ()) -> list[Catalogue]:
    """The catalogues called ``names`` (all of them when empty); ValueError for an unknown name."""
    wanted = list(names)
    unknown = set(wanted) - {catalogue.name for catalogue in CATALOGUES}
    if unknown:
        raise ValueError(f"unknown catalogue {sorted(unknown)}: use {[c.name for c in CATALOGUES]}")
    return [catalogue for catalogue in CATALOGUES if not wanted or catalogue.name in wanted]


def update_catalogues(root: Path, names: Iterable[str] = ()) -> list[str]:
    """Rewrite the ``.ts`` files under ``root/resources/i18n`` from the sources, keeping known translations; return
    one line per file saying what changed (new strings to translate, strings that left the code)."""
    report = []
    (root / "resources" / I18N_DIR).mkdir(parents=True, exist_ok=True)
    for catalogue in by_name(names):
        messages = extract(catalogue, root)
        for language in TRANSLATED_LANGUAGES:
            path = ts_path(root, catalogue, language)
            old = read_ts(path.read_text(encoding="utf-8")) if path.exists() else {}
            keys = {message.key for message in messages}
            new = [message for message in messages if not old.get(message.key)]
            gone = [key for key in old if key not in keys]
            path.write_text(write_ts(messages, old, language), encoding="utf-8")
            report.append(
                f"{path.relative_to(root)}: {len(messages)} strings, {len(new)} to translate, {len(gone)} gone"
            )
    return report


def catalogue_translator(language: str) -> Translator:
    """A translator that answers from the installed ``.ts`` files of ``language`` (for faces without Qt)."""
    table: dict[tuple[str, str], str | None] = {}
    for catalogue in CATALOGUES:
        file = resource(I18N_DIR, ts_name(catalogue, language))
        if file.is_file():
            table.update(read_ts(file.read_text(encoding="utf-8")))

    def translate(context: str, text: str) -> str:
        return table.get((context, text)) or text

    return translate


@cache
def _shared_translator(language: str) -> Translator:
    return catalogue_translator(language)


def use_language(language: str) -> None:
    """Serve :func:`core.i18n.tr` in ``language`` from the ``.ts`` catalogues (``"en"``: the source text): the
    translator of every face and process without Qt (the CLI, worker and child processes, messages said before
    the window exists)."""
    install_translator(None if language == SOURCE_LANGUAGE else _shared_translator(language), language)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """:func:`core.i18n.tr` in ``language`` inside the block (:func:`use_language`), the language of before after."""
    before = current_language()
    if language == before:
        yield
        return
    use_language(language)
    try:
        yield
    finally:
        use_language(before)


def unfinished(root: Path, catalogue: Catalogue, language: str) -> list[dict[str, str]]:
    """The messages of a ``.ts`` file still to translate, as ``{"context", "source", "translation": ""}`` rows."""
    table = read_ts(ts_path(root, catalogue, language).read_text(encoding="utf-8"))
    return [{"context": c, "source": s, "translation": ""} for (c, s), done in table.items() if not done]


def fill(root: Path, catalogue: Catalogue, language: str, rows: list[dict[str, str]]) -> int:
    """Write translations (rows as :func:`unfinished` gives them) into a ``.ts`` file; return how many were set.
    ValueError for a row whose message is not in the file or whose placeholders differ from the source's."""
    path = ts_path(root, catalogue, language)
    table = read_ts(path.read_text(encoding="utf-8"))
    for row in rows:
        key = (row["context"], row["source"])
        if key not in table:
            raise ValueError(f"not in {path.name}: {key}")
        if placeholders(row["translation"]) != placeholders(row["source"]):
            raise ValueError(f"placeholders differ: {row['source']!r} -> {row['translation']!r}")
        table[key] = row["translation"] or None
    path.write_text(write_ts(extract(catalogue, root), table, language), encoding="utf-8")
    return sum(1 for row in rows if row["translation"])


def _main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m core.catalogue", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path("."), help="the checkout (default: .)")
    parser.add_argument("--only", action="append", default=[], help="catalogue name (repeatable; default: all)")
    parser.add_argument("--language", default=TRANSLATED_LANGUAGES[0])
    parser.add_argument("--todo", type=Path, help="write the untranslated messages of --only to this JSON file")
    parser.add_argument("--fill", type=Path, help="read translations from this JSON file into --only")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    for line in update_catalogues(root, args.only):
        print(line)
    if args.todo or args.fill:
        (catalogue,) = by_name(args.only) if len(args.only) == 1 else parser.error("--todo/--fill need one --only")
        if args.fill:
            rows = json.loads(args.fill.read_text(encoding="utf-8"))
            print(f"filled {fill(root, catalogue, args.language, rows)} translations")
        if args.todo:
            rows = unfinished(root, catalogue, args.language)
            args.todo.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
            print(f"{len(rows)} untranslated messages written to {args.todo}")


if __name__ == "__main__":
    _main(sys.argv[1:])

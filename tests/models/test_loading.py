"""ModelSource and building it safely: user files, TorchScript, state dicts, and the text a user types."""

from __future__ import annotations

import json
import os
import pickle
import shlex
import sys
import warnings
from pathlib import Path

import pytest
import torch
from torch import nn

from core.errors import SpecError
from core.models.loading import (
    MAX_INPUT_DIMS,
    ModelSource,
    build_model,
    file_source,
    format_input_shape,
    load_weights,
    parse_args_json,
    parse_input_shape,
)

NET = """
import torch
from torch import nn
from torch.nn import Linear  # imported, not defined here: not listed


class Net(nn.Module):
    def __init__(self, width: int = 4, out: int = 2) -> None:
        super().__init__()
        if width > 100:
            raise ValueError("width must be at most 100")
        self.fc1 = nn.Linear(3, width)
        self.fc2 = nn.Linear(width, out)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class Helper(nn.Module):
    pass


class NotAModel:
    pass


def factory():
    return Net()
"""


class Evil:
    """A pickle that would run a shell command (creating a marker file) when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, ("touch " + shlex.quote(str(self.marker)),)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(source: ModelSource) -> SpecError:
    with pytest.raises(SpecError) as caught:
        build_model(source)
    return caught.value


def net_source(tmp_path: Path, **fields: object) -> ModelSource:
    return ModelSource("python", path=str(write(tmp_path, "net.py", NET)), class_name="Net", **fields)  # type: ignore[arg-type]


# --- ModelSource -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        ModelSource("example", name="factorized-3x3", args=(("channels", 8),)),
        ModelSource("python", path="/x/net.py", class_name="Net", args=(("width", 8), ("depth", [1, 2])), weights="w"),
        ModelSource("torchscript", path="/x/net.pt", weights="/x/w.pt"),
    ],
)
def test_a_source_survives_json_and_pickle(source: ModelSource) -> None:
    assert ModelSource.from_description(json.loads(json.dumps(source.describe()))) == source
    assert pickle.loads(pickle.dumps(source)) == source


def test_args_are_sorted_by_name() -> None:
    assert ModelSource("example", args=(("b", 1), ("a", 2))).args == (("a", 2), ("b", 1))


def test_labels_name_the_model_and_its_files() -> None:
    assert ModelSource("example", name="multiscale-1d").label() == "example multiscale-1d"
    assert ModelSource("python", path="/x/net.py", class_name="MyNet").label() == "MyNet from net.py"
    assert ModelSource("torchscript", path="/x/a.pt", weights="/y/w.pt").label() == "TorchScript a.pt, weights w.pt"


def test_file_source_chooses_the_kind_by_suffix_and_makes_paths_absolute() -> None:
    python = file_source("net.py", "Net", weights="w.pt")
    assert (python.kind, python.class_name) == ("python", "Net")
    assert Path(python.path).is_absolute() and Path(python.weights) == Path.cwd() / "w.pt"
    assert file_source("net.pt").kind == "torchscript"
    assert file_source("net.pt").weights == ""


@pytest.mark.parametrize(
    ("description", "words"),
    [
        ([], "must be a JSON object, got array"),
        ({"kind": "onnx"}, "unknown kind 'onnx'; use one of example, python, torchscript"),
        ({"kind": "python", "path": 3}, "path must be text, got 3"),
        ({"kind": "python", "args": [1]}, "must be a JSON object, got array"),
        ({"kind": "python", "args": {"not a name": 1}}, "key 'not a name' is not a keyword argument name"),
    ],
)
def test_a_bad_description_is_refused(description: object, words: str) -> None:
    with pytest.raises(SpecError, match="model source") as caught:
        ModelSource.from_description(description)
    assert words in str(caught.value)


# --- parse_input_shape -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2x24x16x16", "2×24×16×16", "2,24,16,16", " 2 X 24 x 16 x16 ", "(2, 24, 16, 16)"])
def test_input_shapes_in_every_spelling(text: str) -> None:
    assert parse_input_shape(text) == (2, 24, 16, 16)


def test_a_formatted_shape_reads_back() -> None:
    assert parse_input_shape(format_input_shape((1, 1, 1024))) == (1, 1, 1024)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2x0x16", "size 2 is 0; every size must be at least 1"),
        ("2x24x-3", "size 3 is -3; every size must be at least 1"),
        ("2xtwox16", "must be a whole number (digits 0-9), got 'two'"),
        ("2x2.5", "got '2.5'"),
        ("2xx16", "got ''"),
        ("", "is empty"),
        ("  ()  ", "is empty"),
        ("1x" * MAX_INPUT_DIMS + "1", f"has {MAX_INPUT_DIMS + 1} sizes; at most {MAX_INPUT_DIMS}"),
        ("9" * 30, "must be <= 9,223,372,036,854,775,807"),
    ],
)
def test_a_bad_input_shape_is_refused_with_an_example(text: str, words: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse_input_shape(text)
    assert caught.value.parameter == "--input"
    assert words in str(caught.value)
    assert "e.g. 2x24x16x16" in str(caught.value) or "int64" in caught.value.hint


# --- parse_args_json ---------------------------------------------------------------------------------------------


def test_args_json_gives_sorted_items() -> None:
    assert parse_args_json('{"width": 8, "k": 4, "sizes": [1, 2]}') == (("k", 4), ("sizes", [1, 2]), ("width", 8))
    assert parse_args_json("  ") == ()
    assert parse_args_json("{}") == ()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('{"width": 8,\n "k": }', "not valid JSON at line 2, column 7: Expecting value"),
        ("{'width': 8}", "not valid JSON at line 1, column 2: Expecting property name enclosed in double quotes"),
        ("{8: 1}", "Expecting property name enclosed in double quotes"),  # keys must be (quoted) strings
        ("[1, 2]", "must be a JSON object, got array [1, 2]"),
        ("8", "must be a JSON object, got number 8"),
        ('"width"', "must be a JSON object, got string"),
        ('{"width": 1, "width": 2}', "key 'width' is given twice"),
        ('{"2nd": 1}', "key '2nd' is not a keyword argument name"),
        ("[" * 100_000, "nested too deeply"),
        ('{"a": ' + "9" * 5000 + "}", "a number with thousands of digits"),
    ],
)
def test_bad_args_json_is_refused(text: str, words: str) -> None:
    with pytest.raises(SpecError) as caught:
        parse_args_json(text)
    assert caught.value.parameter == "--args"
    assert words in str(caught.value)
    assert caught.value.hint


# --- Python files ------------------------------------------------------------------------------------------------


def test_a_python_file_builds_its_class_with_the_arguments_in_eval_mode(tmp_path: Path) -> None:
    model = build_model(net_source(tmp_path, args=(("width", 5),)))
    assert type(model).__name__ == "Net"
    fc1 = model.get_submodule("fc1")
    assert isinstance(fc1, nn.Linear) and fc1.out_features == 5
    assert not model.training
    assert model(torch.ones(2, 3)).shape == (2, 2)


def test_two_files_named_model_py_give_their_own_classes(tmp_path: Path) -> None:
    one = write(tmp_path / "a", "model.py", "from torch import nn\nclass M(nn.Linear):\n    def __init__(self):\n"
                "        super().__init__(2, 3)\n")  # fmt: skip
    two = write(tmp_path / "b", "model.py", "from torch import nn\nclass M(nn.Linear):\n    def __init__(self):\n"
                "        super().__init__(4, 5)\n")  # fmt: skip
    first = build_model(ModelSource("python", path=str(one), class_name="M"))
    second = build_model(ModelSource("python", path=str(two), class_name="M"))
    assert type(first) is not type(second)
    assert type(first).__module__ != type(second).__module__
    assert (first.in_features, second.in_features) == (2, 4)


def test_importing_leaves_sys_path_and_the_folder_as_they_were(tmp_path: Path) -> None:
    text = NET + "\nimport os, sys\nsys.path.insert(0, os.path.dirname(__file__))\n"
    path = write(tmp_path, "net.py", text)
    before = list(sys.path)
    build_model(ModelSource("python", path=str(path), class_name="Net"))
    with pytest.raises(SpecError):
        build_model(ModelSource("python", path=str(write(tmp_path, "bad.py", "1/0\n")), class_name="Net"))
    assert sys.path == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.py", "net.py"]  # no __pycache__ beside them


def test_a_file_beside_the_chosen_one_is_never_imported(tmp_path: Path) -> None:
    marker = tmp_path / "sibling-ran"
    write(tmp_path, "linconv_test_sibling.py", f"open({str(marker)!r}, 'w').close()\n")
    path = write(tmp_path, "net.py", "import linconv_test_sibling\n" + NET)
    error = error_of(ModelSource("python", path=str(path), class_name="Net"))
    assert "net.py line 1 raised ModuleNotFoundError: No module named 'linconv_test_sibling' on import" in str(error)
    assert "only the chosen file is imported" in error.hint
    assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("x = 1\ndef broken(:\n    pass\n", "syntax error in net.py at line 2: invalid syntax"),
        ("x = 1\ny = 2\0\n", "syntax error in net.py at line 2: source code string cannot contain null bytes"),
        ("x = 1\n\nx = 1 / 0\n", "net.py line 3 raised ZeroDivisionError: division by zero on import"),
        ("import sys\nsys.exit(3)\n", "net.py line 2 raised SystemExit: 3 on import"),
    ],
)
def test_a_file_that_cannot_be_imported(tmp_path: Path, text: str, words: str) -> None:
    modules = set(sys.modules)
    error = error_of(ModelSource("python", path=str(write(tmp_path, "net.py", text)), class_name="Net"))
    assert error.parameter == "--file"
    assert words in str(error)
    assert set(sys.modules) == modules  # the half-imported module is not left behind


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("", "--file: no file given; give the path of your model's .py file"),
        ("missing.py", "--file: file not found: "),
        (".", "--file: not a regular file: "),
    ],
)
def test_a_file_that_is_not_there(tmp_path: Path, path: str, words: str) -> None:
    target = str(tmp_path / path) if path else ""
    assert words in str(error_of(ModelSource("python", path=target, class_name="Net")))


def test_an_empty_file_and_a_file_that_is_not_python(tmp_path: Path) -> None:
    empty = error_of(ModelSource("python", path=str(write(tmp_path, "empty.py", "")), class_name="Net"))
    assert "the file is empty:" in str(empty)
    other = error_of(ModelSource("python", path=str(write(tmp_path, "net.txt", NET)), class_name="Net"))
    assert "--file: must be a .py file to take a class from, got net.txt" in str(other)
    assert "TorchScript" in other.hint


@pytest.mark.parametrize(
    ("class_name", "words"),
    [
        ("Nett", "--class: net.py has no class 'Nett'; nn.Module classes in net.py: Net, Helper"),
        ("", "--class: no class name given for net.py; nn.Module classes in net.py: Net, Helper"),
        ("NotAModel", "NotAModel in net.py is not an nn.Module subclass (it is class NotAModel)"),
        ("factory", "factory in net.py is not an nn.Module subclass (it is a function)"),
    ],
)
def test_a_class_that_is_not_there_lists_the_model_classes(tmp_path: Path, class_name: str, words: str) -> None:
    error = error_of(ModelSource("python", path=str(write(tmp_path, "net.py", NET)), class_name=class_name))
    assert words in str(error)
    assert "Linear" not in error.hint


def test_a_file_without_model_classes_says_so(tmp_path: Path) -> None:
    error = error_of(ModelSource("python", path=str(write(tmp_path, "plain.py", "x = 1\n")), class_name="Net"))
    assert error.hint == "plain.py defines no nn.Module class"


def test_a_constructor_that_raises_is_shown_with_its_signature(tmp_path: Path) -> None:
    wrong = error_of(net_source(tmp_path, args=(("widht", 8),)))
    assert wrong.parameter == "--args"
    assert "Net(widht=8) raised TypeError:" in str(wrong)
    assert "unexpected keyword argument 'widht'" in str(wrong)
    assert wrong.hint == "Net takes (width: int = 4, out: int = 2)"
    too_wide = error_of(net_source(tmp_path, args=(("width", 101),)))
    assert "Net(width=101) raised ValueError: width must be at most 100 (net.py line 11)" in str(too_wide)


def test_a_constructor_error_without_arguments_blames_the_class(tmp_path: Path) -> None:
    text = "from torch import nn\nclass Net(nn.Module):\n    def __init__(self):\n        nn.Linear(-1, 2)\n"
    error = error_of(ModelSource("python", path=str(write(tmp_path, "net.py", text)), class_name="Net"))
    assert error.parameter == "--class"
    assert "Net() raised RuntimeError:" in str(error) and "(net.py line 4)" in str(error)


# --- TorchScript -------------------------------------------------------------------------------------------------


def scripted(tmp_path: Path) -> tuple[Path, nn.Module]:
    torch.manual_seed(0)
    model = nn.Sequential(nn.Conv2d(3, 4, 1), nn.ReLU(), nn.Conv2d(4, 2, 3)).eval()
    path = tmp_path / "model.pt"
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="`torch.jit.(script|save)` is deprecated", category=DeprecationWarning
        )
        torch.jit.save(torch.jit.script(model), str(path))
    return path, model


def test_a_torchscript_file_round_trips(tmp_path: Path) -> None:
    path, model = scripted(tmp_path)
    loaded = build_model(file_source(path))
    x = torch.randn(2, 3, 8, 8)
    assert isinstance(loaded, torch.jit.ScriptModule)
    assert not loaded.training
    torch.testing.assert_close(loaded(x), model(x), rtol=0, atol=0)


def test_a_torchscript_file_takes_weights(tmp_path: Path) -> None:
    path, model = scripted(tmp_path)
    state = {name: tensor + 1 for name, tensor in model.state_dict().items()}
    torch.save(state, tmp_path / "w.pt")
    loaded = build_model(file_source(path, weights=tmp_path / "w.pt"))
    torch.testing.assert_close(loaded.state_dict(), state)


@pytest.mark.parametrize(
    ("fields", "option"), [({"class_name": "Net"}, "--class"), ({"args": (("width", 2),)}, "--args")]
)
def test_class_or_args_with_a_torchscript_file_is_an_error(tmp_path: Path, fields: dict, option: str) -> None:
    path, _ = scripted(tmp_path)
    error = error_of(ModelSource("torchscript", path=str(path), **fields))
    assert error.parameter == option
    assert "makes no sense for a TorchScript file" in str(error)


def test_a_file_that_is_not_torchscript(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    torch.save({"x": Evil(marker)}, tmp_path / "pickled.pt")
    for name in ("pickled.pt", "notes.txt"):
        (tmp_path / "notes.txt").write_text("hello\n")
        error = error_of(ModelSource("torchscript", path=str(tmp_path / name)))
        assert f"--file: {name} is not a TorchScript archive (RuntimeError: " in str(error)
        assert "torch.jit.save(torch.jit.script(model), path)" in error.hint
    assert not marker.exists()


# --- Weights -----------------------------------------------------------------------------------------------------


def test_the_unsafe_fixture_really_runs_code_when_unpickled_unsafely(tmp_path: Path) -> None:
    """The refusal tests below mean something only if this pickle does run code when trusted."""
    marker = tmp_path / "marker"
    torch.save({"x": Evil(marker)}, tmp_path / "evil.pt")
    torch.load(tmp_path / "evil.pt", weights_only=False)
    assert marker.exists()


@pytest.mark.filterwarnings("ignore:Detected pickle protocol")  # pickle.dump's protocol, before the refusal
@pytest.mark.parametrize("how", ["torch.save", "pickle.dump", "nested in a checkpoint"])
def test_an_unsafe_pickle_is_refused_and_never_executed(tmp_path: Path, how: str) -> None:
    marker = tmp_path / "marker"
    path = tmp_path / "evil.pt"
    if how == "torch.save":
        torch.save(Evil(marker), path)
    elif how == "pickle.dump":
        path.write_bytes(pickle.dumps({"fc1.weight": Evil(marker)}))
    else:
        torch.save({"state_dict": {"fc1.weight": torch.zeros(4, 3)}, "extra": Evil(marker)}, path)
    error = error_of(net_source(tmp_path, weights=str(path)))
    assert error.parameter == "--weights"
    assert "refused: evil.pt is not a plain state dict of tensors" in str(error)
    assert "nothing in it was executed" in str(error)
    if how != "pickle.dump":
        assert "(it asks for posix.system)" in str(error)
    assert "torch.save(model.state_dict(), path)" in error.hint
    assert not marker.exists()


def net_state(tmp_path: Path) -> dict[str, torch.Tensor]:
    torch.manual_seed(1)
    return {name: torch.randn_like(t) for name, t in build_model(net_source(tmp_path)).state_dict().items()}


@pytest.mark.parametrize("wrap", [None, "state_dict", "model"])
def test_weights_load_from_a_state_dict_or_a_checkpoint(tmp_path: Path, wrap: str | None) -> None:
    state = net_state(tmp_path)
    torch.save(state if wrap is None else {wrap: state, "epoch": 3}, tmp_path / "w.pt")
    model = build_model(net_source(tmp_path, weights=str(tmp_path / "w.pt")))
    torch.testing.assert_close(model.state_dict(), state, rtol=0, atol=0)
    assert not model.training


def test_mismatched_weights_list_missing_unexpected_and_misshaped_keys(tmp_path: Path) -> None:
    state = net_state(tmp_path)
    del state["fc2.bias"]
    state["fc3.weight"] = torch.zeros(1)
    state["fc1.weight"] = torch.zeros(4, 5)
    torch.save(state, tmp_path / "w.pt")
    error = error_of(net_source(tmp_path, weights=str(tmp_path / "w.pt")))
    assert str(error).startswith("--weights: do not match the model: ")
    assert "1 missing: fc2.bias" in str(error)
    assert "1 unexpected: fc3.weight" in str(error)
    assert "1 mis-shaped: fc1.weight: file (4, 5), model (4, 3)" in str(error)
    assert "same class and --args" in error.hint


def test_many_mismatches_show_the_first_few_and_the_count(tmp_path: Path) -> None:
    model = nn.Sequential(*[nn.Linear(1, 1) for _ in range(4)])
    torch.save({f"extra{i}": torch.zeros(1) for i in range(9)}, tmp_path / "w.pt")
    with pytest.raises(SpecError) as caught:
        load_weights(model, tmp_path / "w.pt")
    text = str(caught.value)
    assert "8 missing: 0.weight, 0.bias, 1.weight, 1.bias, 2.weight, and 3 more" in text
    assert "9 unexpected: extra0, extra1, extra2, extra3, extra4, and 4 more" in text
    assert "mis-shaped" not in text


def test_dataparallel_names_get_their_own_hint(tmp_path: Path) -> None:
    model = nn.Linear(2, 2)
    torch.save({"module." + k: v for k, v in model.state_dict().items()}, tmp_path / "w.pt")
    with pytest.raises(SpecError) as caught:
        load_weights(model, tmp_path / "w.pt")
    assert "module.state_dict()" in caught.value.hint


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ([torch.zeros(1)], "w.pt holds list [tensor([0.])], not a state dict"),
        ({"epoch": 3, "optimizer": {}}, "w.pt holds dict {'epoch', 'optimizer'}, not a state dict"),
    ],
)
def test_weights_that_are_not_a_state_dict(tmp_path: Path, content: object, words: str) -> None:
    torch.save(content, tmp_path / "w.pt")
    error = error_of(net_source(tmp_path, weights=str(tmp_path / "w.pt")))
    assert error.parameter == "--weights"
    assert words in str(error)


def test_weights_files_that_torch_cannot_read(tmp_path: Path) -> None:
    (tmp_path / "w.txt").write_text("hello\n")
    text = str(error_of(net_source(tmp_path, weights=str(tmp_path / "w.txt"))))
    assert "--weights: w.txt is not a file torch.load can read (KeyError" in text
    path, _ = scripted(tmp_path)
    script = str(error_of(net_source(tmp_path, weights=str(path))))
    assert "--weights: model.pt is a TorchScript model, not a state dict; give it with --file" in script
    missing = error_of(net_source(tmp_path, weights=str(tmp_path / "none.pt")))
    assert "--weights: file not found:" in str(missing)
    assert "torch.save(model.state_dict(), path)" in missing.hint


# --- Examples and kinds ------------------------------------------------------------------------------------------


def test_an_example_builds_and_takes_weights(tmp_path: Path) -> None:
    source = ModelSource("example", name="factorized-3x3", args=(("channels", 4),))
    model = build_model(source)
    assert not model.training
    state = {name: tensor + 1 for name, tensor in model.state_dict().items()}
    torch.save(state, tmp_path / "w.pt")
    loaded = build_model(
        ModelSource("example", name="factorized-3x3", args=source.args, weights=str(tmp_path / "w.pt"))
    )
    torch.testing.assert_close(loaded.state_dict(), state, rtol=0, atol=0)


def test_an_unknown_example_is_refused() -> None:
    error = error_of(ModelSource("example", name="resnet-50"))
    assert "resnet-50" in str(error) and "vgg-heads" in str(error)


@pytest.mark.parametrize(
    ("source", "option", "words"),
    [
        (ModelSource("example", name="vgg-heads", path="net.py"), "--file", "cannot be combined with --example"),
        (ModelSource("example", name="vgg-heads", class_name="Net"), "--class", "cannot be combined with --example"),
        (ModelSource("python", name="vgg-heads", path="net.py"), "--example", "cannot be combined with --file"),
        (ModelSource("onnx", path="net.onnx"), "model source", "unknown kind 'onnx'"),
    ],
)
def test_fields_that_do_not_fit_the_kind_are_refused(source: ModelSource, option: str, words: str) -> None:
    error = error_of(source)
    assert error.parameter == option
    assert words in str(error)

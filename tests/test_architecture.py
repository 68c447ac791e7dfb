"""The layers hold (issue "A house you can read"): every module is in one layer, imports go one
way (down), there is no import circle, each layer's docstring and ARCHITECTURE.md say so, and a
lookup loads no more modules than it did before the layers.

The imports are read from the source with `ast` (tools/import_graph.py), every `import` of a
foiclock module anywhere in a file: at the top, inside a function (a lazy import is still a
dependency) and under `if TYPE_CHECKING:` (a type names the module it comes from). That is why
this walks the source rather than using import-linter: the rules are six lines here, the lazy
imports that keep start-up fast are checked like any other, and the project needs no new tool.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tools.import_graph import circles, imports, module_files

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "foiclock"

#: The layers, lowest first: a module may import its own layer and those before it.
LAYERS = ("base", "law", "calendar", "clock", "batch", "reports", "present", "web", "cli")

#: Modules outside the layers: the public API, the command's entry point and the version.
#: What each may import (layer names, or modules): the API is the library's, not the web app's
#: or the command's.
TOP_LEVEL = {
    "foiclock": set(LAYERS) - {"web", "cli"} | {"foiclock._version"},
    "foiclock.__main__": {"cli"},
    "foiclock._version": set(),
}


def project_graph() -> dict[str, dict[str, int]]:
    """The imports the source names, and the one kind it makes by name at run time: the CLI
    package loads each command module of COMMAND_MODULES with `import_module`."""
    from foiclock.cli import COMMAND_MODULES

    graph = imports()
    loaded = {f"{PACKAGE}.cli.{module}": 0 for module in COMMAND_MODULES.values()}
    graph[f"{PACKAGE}.cli"] = {**graph[f"{PACKAGE}.cli"], **loaded}
    return graph


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def allowed(module: str, target: str) -> bool:
    """Whether `module` may import `target`."""
    if target in TOP_LEVEL:
        # Nothing imports the API or the entry point; the version is everybody's.
        return target == "foiclock._version" or target in TOP_LEVEL.get(module, set())
    target_layer = layer_of(target)
    assert target_layer is not None, target
    if module in TOP_LEVEL:
        return target_layer in TOP_LEVEL[module]
    module_layer = layer_of(module)
    assert module_layer is not None, module
    return LAYERS.index(target_layer) <= LAYERS.index(module_layer)


def violations(graph: dict[str, dict[str, int]]) -> list[str]:
    """Each import that goes up a layer, or that a module outside the layers may not make, as
    'module line N imports target'."""
    return [
        f"{module} line {line} imports {target}"
        for module, edges in sorted(graph.items())
        for target, line in sorted(edges.items())
        if not allowed(module, target)
    ]


def test_every_module_is_in_a_layer() -> None:
    stray = [m for m in module_files() if m not in TOP_LEVEL and layer_of(m) is None]
    assert stray == []


def test_imports_go_down_the_layers() -> None:
    assert violations(project_graph()) == []


def test_no_import_circle() -> None:
    assert circles(project_graph()) == []


def test_the_checks_see_an_upward_import_and_a_circle() -> None:
    """The two checks above, on a graph with a fault added, as they would see it."""
    graph = project_graph()
    upward = {**graph, "foiclock.clock.deadline": {"foiclock.present.render": 7}}
    assert violations(upward) == ["foiclock.clock.deadline line 7 imports foiclock.present.render"]
    into_api = {**graph, "foiclock.law.regimes": {"foiclock": 3}}
    assert violations(into_api) == ["foiclock.law.regimes line 3 imports foiclock"]
    ring = {**graph, "foiclock.base.i18n": {"foiclock.base.errors": 9}}
    assert ["foiclock.base.errors", "foiclock.base.i18n"] in circles(ring)
    back_to_the_package = {**graph, "foiclock.cli.deadlines": {"foiclock.cli": 15}}
    assert ["foiclock.cli", "foiclock.cli.deadlines"] in circles(back_to_the_package)


def test_the_graph_sees_lazy_and_type_only_imports(tmp_path: Path) -> None:
    """An import inside a function or under TYPE_CHECKING is an edge like any other."""
    package = tmp_path / PACKAGE / "clock"
    package.mkdir(parents=True)
    (tmp_path / PACKAGE / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from foiclock.clock.b import B\n"
        "def f():\n"
        "    from foiclock.clock import c\n"
    )
    (package / "b.py").write_text("B = 1\n")
    (package / "c.py").write_text("import foiclock.clock.a\n")
    graph = imports(tmp_path)
    assert graph["foiclock.clock.a"] == {"foiclock.clock.b": 3, "foiclock.clock.c": 5}
    assert circles(graph) == [["foiclock.clock.a", "foiclock.clock.c"]]


def _docstring(module: str) -> str:
    path = module_files()[module]
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


@pytest.mark.parametrize("layer", LAYERS)
def test_each_layer_says_what_it_may_import(layer: str) -> None:
    """The package's docstring ends with 'May import:' and the layers below it (and perhaps
    its own), by name."""
    docstring = _docstring(f"{PACKAGE}.{layer}")
    assert "May import:" in docstring, layer
    said = docstring.rsplit("May import:", 1)[1]
    below = set(LAYERS[: LAYERS.index(layer)])
    assert set(re.findall(r"`foiclock\.(\w+)`", said)) - {layer} == below, layer


def test_every_module_says_what_it_holds() -> None:
    empty = [m for m in module_files() if m != "foiclock._version" and not _docstring(m)]
    assert empty == []


def test_architecture_md_lists_the_layers_in_order_with_their_modules() -> None:
    """ARCHITECTURE.md's table: a row per layer, lowest first, naming each of its modules."""
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `foiclock\.(\w+)` \|(.*)\|$", text, flags=re.MULTILINE)
    assert [layer for layer, _ in rows] == list(LAYERS)
    for layer, cells in rows:
        listed = set(re.findall(r"`(\w+)`", cells))
        modules = {
            module.rsplit(".", 1)[1]
            for module in module_files()
            if layer_of(module) == layer and module.count(".") == 2
        }
        assert modules <= listed, (layer, modules - listed)


#: What `foiclock due` loads outside foiclock besides what a one-command typer app loads:
#: platformdirs (and the tempfile it imports) to find the cache, contextvars for the language
#: and config of a run, __future__ for the annotations, gc (built into the interpreter) to pause
#: the collector while the modules load.
EXPECTED_EXTRA = {
    "__future__", "_bisect", "_contextvars", "_random", "_sha512", "bisect", "contextvars", "gc",
    "platformdirs", "platformdirs._paths", "platformdirs._runtime", "platformdirs._xdg",
    "platformdirs.api", "platformdirs.unix", "platformdirs.version", "random", "tempfile",
}  # fmt: skip

#: foiclock's own modules on the `due` path before the layers (commit 07b3f47, 25 with
#: foiclock.__main__); the layers' five package modules were paid for by lazier imports. One
#: more since: base/records, whose NamedTuple saves more start-up (about 1 ms) than its import
#: costs (about 0.1 ms).
FOICLOCK_MODULES_AT_MOST = 26

_PROBE = """
import json, sys
from foiclock.__main__ import main
sys.argv = ["foiclock", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""

_TYPER_APP = """
import json, sys
import typer
app = typer.Typer()
@app.command()
def main(received: str) -> None:
    print(received)
try:
    app(sys.argv[1:])
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""


def _loaded(program: str, arguments: list[str], env: dict[str, str]) -> set[str]:
    completed = subprocess.run(
        [sys.executable, "-c", program, *arguments],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    return set(json.loads(completed.stderr.splitlines()[-1]))


def test_due_loads_no_more_modules_than_it_did(tmp_path: Path) -> None:
    env = {**os.environ, "FOICLOCK_CACHE_DIR": str(tmp_path)}
    _loaded(_PROBE, ["due", "2025-08-19"], env)  # the first run builds the holiday cache
    loaded = _loaded(_PROBE, ["due", "2025-08-19"], env)
    own = sorted(m for m in loaded if m == PACKAGE or m.startswith(PACKAGE + "."))
    assert len(own) <= FOICLOCK_MODULES_AT_MOST, own
    typer_app = _loaded(_TYPER_APP, ["2025-08-19"], env)
    assert loaded - set(own) - typer_app <= EXPECTED_EXTRA


def test_record_classes_use_the_cheaper_named_tuple() -> None:
    """Every record class is written with foiclock.base.records.NamedTuple, which builds
    typing's class at less cost: a `typing.NamedTuple` import elsewhere is a slip."""
    typing_named_tuples = []
    for module, path in module_files().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "typing":
                if any(alias.name == "NamedTuple" for alias in node.names):
                    typing_named_tuples.append(module)
            elif isinstance(node, ast.Attribute) and node.attr == "NamedTuple":
                typing_named_tuples.append(module)
    assert typing_named_tuples == ["foiclock.base.records"]


_COLLECTOR_PROBE = """
import gc, sys
import foiclock.cli
seen = []
foiclock.cli.main = lambda: seen.append((gc.isenabled(), gc.get_freeze_count()))
from foiclock.__main__ import main
main()
sys.stdout.write(repr(seen))
"""


def test_the_entry_point_gives_the_command_a_working_collector() -> None:
    """foiclock/__main__.py pauses the collector while the modules load, then freezes what they
    built and starts it again: the command runs with it on, what loaded before it frozen."""
    completed = subprocess.run(
        [sys.executable, "-c", _COLLECTOR_PROBE], capture_output=True, text=True, check=True
    )
    ((enabled, frozen),) = ast.literal_eval(completed.stdout)
    assert enabled
    assert frozen > 1000

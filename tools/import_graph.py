"""foiclock's own import graph, read from the source with `ast`: every `import` of a foiclock
module anywhere in a file (at the top, inside a function, or under `if TYPE_CHECKING:`).

Run: python -m tools.import_graph [SRC]   prints the circles, the depth and the longest chain.

tests/test_architecture.py uses it to hold the layers' one direction of imports; this script
gives the figures for a closing note. Importing `foiclock.a.b` runs `foiclock/a/__init__.py`
too, but that is not an edge here: only what a file names counts.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

PACKAGE = "foiclock"
SOURCE = Path(__file__).resolve().parent.parent / "src"


def module_files(source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    modules: dict[str, Path] = {}
    for path in sorted((source / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(source).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _named_imports(module: str, path: Path) -> Iterator[tuple[str, int]]:
    """(dotted name, line) for each name a file imports, made absolute."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            for alias in node.names:
                # `from foiclock.x import y` names module foiclock.x.y if there is one, else
                # something in foiclock.x (imports() tries the longest name first).
                yield f"{prefix}.{alias.name}", node.lineno


def imports(source: Path = SOURCE) -> dict[str, dict[str, int]]:
    """Module -> {foiclock module it imports: the first line that does}."""
    modules = module_files(source)
    graph: dict[str, dict[str, int]] = {}
    for module, path in modules.items():
        edges: dict[str, int] = {}
        for name, line in _named_imports(module, path):
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name and name != module:
                edges.setdefault(name, line)
        graph[module] = edges
    return graph


def circles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def longest_chain(graph: dict[str, dict[str, int]]) -> list[str]:
    """The longest chain of imports, a module importing the next (the graph must have no
    circles: a circle's members are merged first by the caller if it has any)."""

    @cache
    def chain_from(node: str) -> tuple[str, ...]:
        best: tuple[str, ...] = ()
        for target in graph.get(node, {}):
            candidate = chain_from(target)
            if len(candidate) > len(best):
                best = candidate
        return (node, *best)

    return list(max((chain_from(node) for node in graph), key=len, default=()))


def condensed(graph: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """The graph with each circle merged into one node named by its members."""
    merged: dict[str, str] = {}
    for component in circles(graph):
        name = "{" + ", ".join(component) + "}"
        merged.update(dict.fromkeys(component, name))
    result: dict[str, dict[str, int]] = {}
    for node, edges in graph.items():
        source_name = merged.get(node, node)
        targets = result.setdefault(source_name, {})
        for target, line in edges.items():
            target_name = merged.get(target, target)
            if target_name != source_name:
                targets.setdefault(target_name, line)
    return result


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    graph = imports(source)
    found = circles(graph)
    chain = longest_chain(condensed(graph))
    files = module_files(source)
    sizes = {module: len(path.read_text().splitlines()) for module, path in files.items()}
    largest = max(sizes, key=lambda module: sizes[module])
    print(f"modules: {len(graph)}, lines: {sum(sizes.values())}")
    print(f"largest module: {largest} ({sizes[largest]} lines)")
    print(f"circles: {len(found)}")
    for component in found:
        print("  " + " <-> ".join(component))
    print(f"depth: {len(chain)} levels")
    print("  " + " -> ".join(chain))


if __name__ == "__main__":
    main()

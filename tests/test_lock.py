"""constraints.txt, the lock CI and the README's test command install with, is whole and true:
it satisfies pyproject.toml's ranges, names every runtime and test dependency (and theirs), and
is what this environment has installed. So a new release upstream cannot turn a fresh clone red
(issue "Green and robust"); `tools/unlocked-check` is how a maintainer sees what it would break.
"""

from __future__ import annotations

import os
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "constraints.txt"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def locked() -> dict[str, str]:
    """name -> the exact version the lock pins for this Python and platform."""
    pins: dict[str, str] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement = Requirement(line)
        specifiers = list(requirement.specifier)
        assert len(specifiers) == 1 and specifiers[0].operator == "==", line
        if requirement.marker is None or requirement.marker.evaluate():
            name = canonicalize_name(requirement.name)
            assert name not in pins, f"{name} is pinned twice for this environment"
            pins[name] = specifiers[0].version
    return pins


def project_requirements() -> list[Requirement]:
    """pyproject's runtime dependencies and every extra's, for this environment."""
    project = PYPROJECT["project"]
    texts = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        texts += extra
    found = [Requirement(text) for text in texts]
    return [r for r in found if r.marker is None or r.marker.evaluate()]


def test_the_lock_satisfies_every_range_in_pyproject() -> None:
    pins = locked()
    for requirement in project_requirements():
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in constraints.txt (run tools/refresh-lock)"
        assert requirement.specifier.contains(pins[name], prereleases=True), (
            f"constraints.txt pins {name}=={pins[name]}, outside pyproject's {requirement}"
        )


def test_the_lock_names_every_dependency_of_a_dependency() -> None:
    """Walk the installed distributions' own requirements from foiclock's: each must be locked,
    so nothing reaches a fresh clone unpinned. An extra that the test environment does not
    install (`dataframes`) may be absent: its own requirements cannot be read then (uv locked
    them from the index)."""
    pins = locked()
    environment = default_environment()
    project = PYPROJECT["project"]
    required = {
        canonicalize_name(Requirement(text).name)
        for text in [*project["dependencies"], *project["optional-dependencies"]["test"]]
    }
    seen: set[str] = set()
    todo = [(r, canonicalize_name(r.name) not in required) for r in project_requirements()]
    while todo:
        requirement, optional = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        assert name in pins, f"{name} (needed through {requirement}) is not in constraints.txt"
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            assert optional, f"{name} is required but not installed"
            continue
        for text in requires:
            child = Requirement(text)
            if child.marker is None or child.marker.evaluate({**environment, "extra": ""}):
                todo.append((child, optional))
    assert {"typer", "holidays", "babel", "pytest", "hypothesis"} <= seen


@pytest.mark.skipif(
    os.environ.get("FOICLOCK_UNLOCKED") == "1", reason="tools/unlocked-check runs without the lock"
)
def test_this_environment_was_installed_from_the_lock() -> None:
    """The versions installed are the locked ones: CI and the README's command use the lock."""
    wrong = []
    for name, version in locked().items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # an extra's dependency this environment does not install
        if installed != version:
            wrong.append(f"{name} {installed} installed, {version} locked")
    assert wrong == []


def test_the_lock_is_refreshed_by_the_documented_command() -> None:
    """The command in the lock's header is the one tools/refresh-lock runs, and the README and
    the CI use the lock."""
    header = LOCK.read_text(encoding="utf-8").splitlines()[1].lstrip("# ").strip()
    script = (ROOT / "tools" / "refresh-lock").read_text(encoding="utf-8")
    assert " ".join(header.split()[1:]) in re.sub(r"\s*\\\n\s*", " ", script)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "tools/refresh-lock" in readme and "tools/unlocked-check" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c constraints.txt" in ci

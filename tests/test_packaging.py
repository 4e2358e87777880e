"""The library installs as a package: one dependency list (pyproject.toml) pinned in requirements.txt, the
two in agreement, and no module edits the import path."""
import os
import re
import subprocess
import tomllib
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import ROOT


def _pyproject():
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        return tomllib.load(fh)


def top_level_requirements():
    project = _pyproject()["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def pinned():
    """{canonical name: version} from requirements.txt."""
    pins = {}
    with open(os.path.join(ROOT, "requirements.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#")[0].strip()
            if line:
                name, version = line.split("==")
                pins[canonicalize_name(name)] = version
    return pins


INSTALLERS = {"pip", "setuptools"}  # datasette asks for them; every virtual environment has them (pip freeze omits them)


def closure(requirements):
    """Every distribution the requirements need, following the installed packages' own requirements."""
    seen, todo = set(INSTALLERS), list(requirements)
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen or (req.marker and not req.marker.evaluate({"extra": ""})):
            continue
        seen.add(name)
        for extra_req in metadata.requires(req.name) or []:
            todo.append(Requirement(extra_req))
    return seen


def test_every_dependency_is_pinned_at_a_version_it_allows():
    pins = pinned()
    for req in top_level_requirements():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req.name} is in pyproject.toml but not pinned in requirements.txt"
        assert req.specifier.contains(pins[name], prereleases=True), (req, pins[name])


def test_requirements_txt_pins_exactly_what_the_dependencies_need():
    pins = pinned()
    needed = closure(top_level_requirements()) - INSTALLERS
    assert sorted(set(pins) - needed) == [], "pinned but needed by nothing in pyproject.toml"
    assert sorted(needed - set(pins)) == [], "needed but not pinned in requirements.txt"


def test_the_environment_has_the_pinned_versions():
    for name, version in pinned().items():
        assert metadata.version(name) == version, name


def test_console_commands_point_at_real_functions():
    import importlib

    for command, target in _pyproject()["project"]["scripts"].items():
        module, function = target.split(":")
        assert callable(getattr(importlib.import_module(module), function)), command


IMPORT_PATH = re.compile(r"\bsys" + r"\.path\b")  # written in two parts so that this file does not match


def test_no_module_edits_the_import_path():
    files = subprocess.run(["git", "-C", ROOT, "ls-files", "-co", "--exclude-standard", "*.py"],
                           capture_output=True, text=True, check=True).stdout.split()
    offenders = []
    for path in files:
        with open(os.path.join(ROOT, path), encoding="utf-8") as fh:
            if IMPORT_PATH.search(fh.read()):
                offenders.append(path)
    assert offenders == []

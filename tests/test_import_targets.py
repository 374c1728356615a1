"""Where the modules a file imports may live (``engine/project_facts.import_targets``), and the
lookup of a project's files among them by their path's tails."""

from __future__ import annotations

import os

from heygen2liveavatar.engine.project_facts import _has_tail_in, import_targets, paths_with_tail_in


def test_absolute_imports_give_path_suffixes_and_relative_ones_exact_paths(tmp_path) -> None:
    path = str(tmp_path / "app" / "views.py")
    exact, suffixes = import_targets(
        path, [(0, "config.settings", ()), (1, "client", ("post",)), (0, "desk", ("http",))]
    )
    assert "/config/settings.py" in suffixes and "/config/settings/__init__.py" in suffixes
    assert "/desk/http.py" in suffixes  # ``from desk import http``: maybe a module
    assert os.path.join(str(tmp_path / "app"), "client.py") in exact
    assert os.path.join(str(tmp_path / "app"), "client", "post.py") in exact


def test_a_path_tail_lookup_agrees_with_endswith() -> None:
    suffixes = {"/settings.py", "/pkg/settings/__init__.py", "/a/b/c.py", "/mod.py"}
    deepest = max(suffix.count("/") for suffix in suffixes)
    paths = [
        "/x/y/settings.py",
        "/x/pkg/settings/__init__.py",
        "/x/other/settings/__init__.py",
        "/q/a/b/c.py",
        "/q/b/c.py",
        "/z/mod.py",
        "/z/xmod.py",
        "mod.py",
        "/r/a/b/c.pyc",
    ]
    for path in paths:
        assert _has_tail_in(path, suffixes, deepest) == path.endswith(tuple(suffixes)), path


def test_the_paths_with_a_tail_among_the_suffixes_are_those_endswith_finds_in_order() -> None:
    suffixes = {"/settings.py", "/pkg/settings/__init__.py", "/a/b/c.py", "/mod.py"}
    paths = [
        "/x/y/settings.py",
        "/x/pkg/settings/__init__.py",
        "/x/other/settings/__init__.py",
        "/q/a/b/c.py",
        "/q/b/c.py",
        "/z/mod.py",
        "/z/xmod.py",
        "mod.py",
        "/r/a/b/c.pyc",
    ]
    expected = [path for path in paths if path.endswith(tuple(suffixes))]
    assert paths_with_tail_in(paths, suffixes) == expected
    assert expected == [
        "/x/y/settings.py",
        "/x/pkg/settings/__init__.py",
        "/q/a/b/c.py",
        "/z/mod.py",
    ]
    assert paths_with_tail_in(paths, set()) == []

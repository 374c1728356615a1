"""The stat-keyed cache of a partial run's project walk (``engine/stat_cache.py``): a file
that changed, appeared or disappeared is read again, a damaged or unwritable cache is
ignored, and a file modified too close to the cache write ("racily clean") is never trusted."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from heygen2liveavatar.engine import runner
from heygen2liveavatar.engine.discovery import SourceFile, discover
from heygen2liveavatar.engine.project_facts import FactsCollector
from heygen2liveavatar.engine.stat_cache import RACY_SECONDS, StatCache

OLD = time.time() - 10 * RACY_SECONDS


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEYGEN2LIVEAVATAR_NO_CACHE", raising=False)
    root = tmp_path / "project"
    (root / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    for index in range(3):
        write(root / "pkg" / f"mod{index}.py", f"from base import Name{index}\n")
    return root


def write(path: Path, text: str, when: float = OLD) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def read(root: Path) -> tuple[set[str], list[str], StatCache]:
    """The imported names and the outside candidates a partial run reads, and the cache."""
    collector = FactsCollector(None)
    scope = runner.ProjectScope()
    outside = runner._read_project(str(root), set(), scope, collector)
    return (
        {name.decode() for name in collector.imported_names},
        sorted(os.path.basename(o.source.real) for o in outside),
        StatCache(str(root)),
    )


def test_unchanged_files_are_not_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = read(project)
    assert {"Name0", "Name1", "Name2"} <= first[0]
    assert len(first[2].entries) == 3
    opened: list[str] = []
    real_read = runner.read_source
    monkeypatch.setattr(runner, "read_source", lambda p: opened.append(p) or real_read(p))
    second = read(project)
    assert second[:2] == first[:2]
    assert [os.path.basename(p) for p in opened] == ["pyproject.toml"]  # manifests are read


def test_edit_new_and_deleted_files(project: Path) -> None:
    read(project)
    write(project / "pkg" / "mod0.py", "from base import Changed0\n")  # same size, new stat
    write(project / "pkg" / "new.py", "from base import Fresh\n")
    (project / "pkg" / "mod2.py").unlink()
    write(
        project / "pkg" / "mod1.py",
        "import requests\nURL = 'https://api.heygen.com/v1/streaming.new'\n",
    )
    names, outside, cache = read(project)
    assert "Changed0" in names and "Name0" not in names
    assert "Fresh" in names
    assert "Name2" not in names
    assert "Name1" not in names and outside == ["mod1.py", "pyproject.toml"]  # now a candidate
    assert sorted(os.path.basename(path) for path in cache.entries) == ["mod0.py", "new.py"]


def test_racily_clean_file_is_read_again(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file modified within the racy window of the cache write keeps its entry untrusted:
    an edit in the same timestamp tick (same size, same mtime) is still seen."""
    racy = project / "pkg" / "mod0.py"
    write(racy, "from base import AAAA\n", when=time.time())
    read(project)
    stat = racy.stat()
    racy.write_text("from base import BBBB\n", encoding="utf-8")
    os.utime(racy, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and mtime
    cache = StatCache(str(project))
    assert cache.unchanged(str(racy.resolve())) is not None  # to be read again
    names, _outside, _cache = read(project)
    assert "BBBB" in names and "AAAA" not in names


def test_names_of_gone_files_leave_the_table(project: Path) -> None:
    """A run that finds every entry unchanged answers with the whole names table, so a
    file's names leave the table with it (and a rename's old names with the edit)."""
    read(project)
    (project / "pkg" / "mod2.py").unlink()
    write(project / "pkg" / "mod0.py", "from base import Renamed0\n")
    assert read(project)[0] >= {"Renamed0", "Name1"}
    names, _outside, cache = read(project)  # every entry unchanged now
    assert {"Renamed0", "Name1"} <= names and not {"Name0", "Name2"} & names
    assert sorted(name.decode() for name in cache.names) == ["Name1", "Renamed0"]


def test_corrupt_cache_is_ignored(project: Path) -> None:
    expected = read(project)[:2]
    path = Path(StatCache(str(project)).path)
    blob = path.read_bytes()
    for damaged in (b"", b"garbage", blob[:-7], blob[:4] + bytes([blob[4] ^ 1]) + blob[5:]):
        path.write_bytes(damaged)
        assert StatCache(str(project)).entries == {}
        assert read(project)[:2] == expected  # read afresh, and the cache rewritten
        assert len(StatCache(str(project)).entries) == 3


def test_unwritable_cache_is_ignored(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(blocker))
    names, outside, cache = read(project)
    assert {"Name0", "Name1", "Name2"} <= names and outside == ["pyproject.toml"]
    assert cache.entries == {}
    assert read(project)[:2] == (names, outside)


def test_no_cache_reads_everything(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read(project)
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_NO_CACHE", "1")
    opened: list[str] = []
    real_read = runner.read_source
    monkeypatch.setattr(runner, "read_source", lambda p: opened.append(p) or real_read(p))
    read(project)
    assert len(opened) == 4


def test_walked_paths_are_real_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The project read takes the walk's ``real`` as the file's real path (no ``realpath``
    per file): the walk follows no links (``b.py`` is one), also when the directory it is
    given is reached through one."""
    real = tmp_path / "real" / "sub"
    real.mkdir(parents=True)
    (real / "a.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "b.py").symlink_to(real / "a.py")
    monkeypatch.chdir(tmp_path)
    for top in ("real", "linked/sub", str(tmp_path / "linked" / "sub")):
        found = [item for item in discover([top]) if isinstance(item, SourceFile)]
        assert [os.path.basename(item.real) for item in found] == ["a.py"]
        for item in found:
            assert item.real == os.path.realpath(item.display), (top, item)


def age_directories(root: Path, when: float = OLD) -> None:
    for directory, _subdirectories, _files in os.walk(root):
        os.utime(directory, (when, when))


def listed_directories(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The directories the walk reads with ``os.scandir`` from now on."""
    from heygen2liveavatar.engine import walk

    listed: list[str] = []
    real_scandir = os.scandir
    monkeypatch.setattr(
        walk.os, "scandir", lambda path: listed.append(os.path.basename(path)) or real_scandir(path)
    )
    return listed


def test_a_new_settings_module_between_two_hook_runs_is_seen(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Directory listings are reused while the directory's stat is unchanged; a file created
    in it changes its modification time, so the next run lists it again and sees the file."""
    age_directories(project)
    read(project)
    listed = listed_directories(monkeypatch)
    names, outside, _cache = read(project)
    assert listed == []  # every directory from its cached listing
    assert outside == ["pyproject.toml"] and {"Name0", "Name1", "Name2"} <= names
    (project / "pkg" / "settings.py").write_text(
        "HEYGEN_BASE = 'https://api.heygen.com/v1/streaming.new'\n", encoding="utf-8"
    )
    names, outside, _cache = read(project)
    assert listed == ["pkg"]  # only the directory that changed
    assert outside == ["pyproject.toml", "settings.py"]


def test_removed_files_and_new_directories_are_seen(project: Path) -> None:
    age_directories(project)
    read(project)
    (project / "pkg" / "mod2.py").unlink()
    (project / "pkg" / "sub").mkdir()
    write(project / "pkg" / "sub" / "deep.py", "from base import Deep\n")
    names, _outside, cache = read(project)
    assert "Name2" not in names and "Deep" in names
    assert "mod2.py" not in {os.path.basename(path) for path in cache.entries}


def test_racily_clean_directory_is_listed_again(project: Path) -> None:
    """A directory modified within the racy window of the cache write keeps its listing
    untrusted, even with the same stat: a file created in the same timestamp tick would not
    change it (on file systems with coarse timestamps)."""
    from heygen2liveavatar.engine.walk import DirectoryListings, _list_directory

    package = str(project / "pkg")
    listing = _list_directory(package)
    assert listing is not None
    mtime_ns = listing[0]
    racy = DirectoryListings(
        {package: listing}, mtime_ns + RACY_SECONDS * 10**9 - 1, RACY_SECONDS * 10**9
    )
    assert racy.get(package) is None
    settled = DirectoryListings(
        {package: listing}, mtime_ns + RACY_SECONDS * 10**9 + 1, RACY_SECONDS * 10**9
    )
    assert settled.get(package) == listing


def test_listed_walk_is_the_plain_walk(tmp_path: Path) -> None:
    """Hidden, skipped and virtualenv directories, inventory or not: reusing the listings
    changes nothing in what the walk yields."""
    from heygen2liveavatar.engine.walk import DirectoryListings, walk_files

    root = tmp_path / "tree"
    for directory in ("a/b", ".github/workflows", ".hidden", "node_modules/x", "venv1", "c"):
        (root / directory).mkdir(parents=True)
    for file in (
        "a/one.py", "a/b/two.py", "a/b/notes.md", "a/data.json", ".github/workflows/ci.yml",
        ".hidden/three.py", "node_modules/x/four.js", "venv1/pyvenv.cfg", "venv1/five.py",
        "c/requirements.txt", "c/image.png", "top.py",
    ):  # fmt: skip
        (root / file).write_text("x = 1\n", encoding="utf-8")
    age_directories(root)
    for inventory in (True, False):
        plain = list(walk_files(str(root), inventory))
        listings = DirectoryListings()
        assert list(walk_files(str(root), inventory, listings=listings)) == plain  # listing
        reused = DirectoryListings(listings.fresh, time.time_ns(), 0)
        assert list(walk_files(str(root), inventory, listings=reused)) == plain  # reusing
        assert len(reused.fresh) == len(listings.fresh) and not reused.changed


FIXTURE = Path(__file__).parent / "fixtures_projects/avatar_hex_id_from_a_marker_free_module"


def whole_run(root: Path) -> dict[str, str]:
    """A whole-project ``--check`` run of ``root``: each file's status, by base name."""
    options = runner.RunOptions(mode="check")
    scope = runner.ProjectScope(given=(str(root),))
    return {
        os.path.basename(result.path): result.status
        for result in runner.run(discover([str(root)]), options, scope=scope)
    }


def test_a_whole_run_tests_cached_modules_for_opener_calls_without_reading_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A whole run keeps, per file without HeyGen usage, the names it calls with a literal: a
    later run admits the marker-free module passing an avatar id to the project's opener
    (``kiosk/main.py``) as the first did, re-reading it only, not every other module; a
    module edited to call the opener is admitted, one edited not to is not."""
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEYGEN2LIVEAVATAR_NO_CACHE", raising=False)
    root = tmp_path / "project"
    shutil.copytree(FIXTURE / "input", root)
    for index in range(3):
        write(root / "kiosk" / f"util{index}.py", f'def util{index}():\n    print("x")\n')
    for path in root.rglob("*"):
        os.utime(path, (OLD, OLD))
    reads: list[str] = []
    real_read = runner.read_source
    monkeypatch.setattr(
        runner, "read_source", lambda p: reads.append(os.path.basename(p)) or real_read(p)
    )
    first = whole_run(root)
    assert first["main.py"] == "changed" and first["util0.py"] == "unchanged"
    # Read again after the scan: the cache did not know yet what they call.
    assert {"util0.py", "util1.py", "util2.py"} <= set(reads)
    cache = StatCache("", whole_run=(str(root),))
    assert {"main.py", "util0.py"} <= {os.path.basename(path) for path in cache.entries}
    reads.clear()
    assert whole_run(root) == first
    assert "main.py" in reads and not any(name.startswith("util") for name in reads)
    write(root / "kiosk" / "util1.py", "from kiosk import client\nclient.new_session(k, 'Anna')\n")
    write(root / "kiosk" / "main.py", "def main():\n    return None\n")
    third = whole_run(root)
    assert third["util1.py"] == "changed" and third["main.py"] == "unchanged"


def test_a_whole_run_cache_that_is_damaged_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEYGEN2LIVEAVATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("HEYGEN2LIVEAVATAR_NO_CACHE", raising=False)
    root = tmp_path / "project"
    shutil.copytree(FIXTURE / "input", root)
    first = whole_run(root)
    path = Path(StatCache("", whole_run=(str(root),)).path)
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    assert whole_run(root) == first
    path.write_bytes(b"")
    assert whole_run(root) == first

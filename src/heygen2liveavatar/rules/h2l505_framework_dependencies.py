"""H2L505: dependency declarations move to the frameworks' LiveAvatar packages and versions.

This rule checks ``setup(install_requires=[...], extras_require={...})`` in ``setup.py``; the
other declaration files go through ``engine/dependencies.py``. Both read what a requirement
becomes from ``analysis/dependency_moves.py`` (requirement strings: ``analysis/requirements.py``).
Rewrites edit spans of the original text: comments, markers, other extras and the user's spacing
survive.
"""

from __future__ import annotations

import libcst as cst

from ..analysis.dependency_moves import migrate_requirement
from ..analysis.index import dotted_name
from ..model import FIX_UNSAFE
from .base import Rule, RuleContext, edit_literal

_SETUP_CALLS = frozenset({"setup", "setuptools.setup", "distutils.core.setup"})
_SETUP_KEYWORDS = frozenset({"install_requires", "extras_require"})


class FrameworkDependenciesRule(Rule):
    code = "H2L505"
    needs_text = (
        "install_requires",
        "extras_require",
    )  # dependencies are read from these setup() keywords
    name = "framework-dependencies"
    summary = (
        "Dependencies on a framework's HeyGen integration move to its LiveAvatar package "
        "and the first version that has it."
    )
    fix = FIX_UNSAFE
    applies_to = (
        "requirements*.txt / *.in / constraints*.txt, pyproject.toml (PEP 621, PEP 735, Poetry, "
        "uv, PDM), setup.cfg and setup.py declaring pipecat-ai[heygen] (< 0.0.102), "
        "vision-agents-plugins-heygen, vision-agents[heygen] or livekit-plugins-hgl"
    )
    description = """
The code rules (H2L501-H2L503) emit the frameworks' LiveAvatar APIs, which need newer or
different packages. This rule rewrites the dependency declarations, as text, keeping comments,
markers, other extras and pins:

| before | after |
|---|---|
| `pipecat-ai[heygen]` (any range reaching below 0.0.102) | same, raised to `0.0.102`, the first release with `LiveAvatarNewSessionRequest(video_settings=VideoSettings(...))` |
| `vision-agents-plugins-heygen` | `vision-agents-plugins-liveavatar>=0.6.0` (its first release) |
| `vision-agents[heygen]` | `vision-agents[liveavatar]>=0.6.0` (the extra's first release) |
| `livekit-plugins-hgl` | `livekit-plugins-liveavatar>=1.3.6` (its first release) |

A pin that is too old is raised in its own style (`==0.0.97` -> `==0.0.102`, `^0.0.97` ->
`^0.0.102`, `~=0.0.97` -> `~=0.0.102`); a range without a lower bound gets `>=minimum`. An upper
bound that excludes the minimum, a hash-pinned line (the hashes would no longer match) and a
direct URL reference are reported instead of rewritten. `pipecat-ai` is touched with its
`heygen` extra, or when the run's code imports pipecat's HeyGen service (the extra only adds the
service's dependencies; the code now imports `api_liveavatar`, which older releases lack). The new plugins
require newer framework cores: a `livekit-agents` pin below 1.3.6 or a `vision-agents` pin below
0.6.0 in the same file is reported.

Files: `requirements*.txt`, `requirements*.in`, `constraints*.txt`; `pyproject.toml`
(`[project]` dependencies and optional-dependencies, `[dependency-groups]`, `[tool.poetry.*]`
dependencies, groups and extras, `[tool.uv]` and `[tool.pdm]` dependency lists); `setup.cfg`
(`install_requires`, `extras_require`); and `setup.py` string literals in `setup(install_requires=...,
extras_require=...)`.

The fix is unsafe: a new framework release can change more than the avatar integration; run
your tests after installing it.
"""
    example_before = """
from setuptools import setup

setup(name="bot", install_requires=["pipecat-ai[daily,heygen]==0.0.97", "aiohttp"])
"""
    example_after = """
from setuptools import setup

setup(name="bot", install_requires=["pipecat-ai[daily,heygen]==0.0.102", "aiohttp"])
"""

    def check(self, ctx: RuleContext) -> None:
        sites = [
            site
            for site in ctx.index.strings
            if site.enclosing_call is not None
            and isinstance(site.node, cst.SimpleString)
            and ctx.index.qualified_name(_callee(site.enclosing_call)) in _SETUP_CALLS
            and self._inside_dependency_keyword(ctx, site.node, site.enclosing_call)
        ]
        # A framework whose HeyGen integration the run's code imports is raised without the extra.
        used = ctx.project.framework_packages if ctx.project is not None else frozenset()
        changes = {id(site): migrate_requirement(site.value, used) for site in sites}
        raised = {
            c.move.name
            for c in changes.values()
            if c is not None and c.move.name == c.move.new_name
        } | used
        for site in sites:
            change = changes[id(site)] or migrate_requirement(site.value, raised)
            if change is None:
                continue
            if change.manual is not None:
                ctx.manual(site.node, change.manual)
            if change.fix is not None and edit_literal(ctx, site.node, site.value, change.new_text):
                ctx.fixed(site.node, change.fix)

    @staticmethod
    def _inside_dependency_keyword(ctx: RuleContext, node: cst.CSTNode, call: cst.Call) -> bool:
        current: cst.CSTNode | None = node
        while current is not None and current is not call:
            parent = ctx.index.parent_of(current)
            if isinstance(parent, cst.Arg) and parent.keyword is not None:
                return parent.keyword.value in _SETUP_KEYWORDS
            if isinstance(parent, cst.DictElement) and parent.key is current:
                return False  # an extra's name, not a requirement
            current = parent
        return False


def _callee(call: cst.Call) -> str | None:
    return dotted_name(call.func)

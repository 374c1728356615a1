"""The heygen2liveavatar rules as a LibCST codemod command.

From any directory whose ``.libcst.codemod.yaml`` (or a parent's) lists
``heygen2liveavatar.codemods`` among its modules (this repository's lists ``codemods``, which
re-exports this module)::

    python -m libcst.tool codemod heygen_to_liveavatar.HeyGenToLiveAvatarCommand PATH...
    python -m libcst.tool codemod heygen_to_liveavatar.HeyGenToLiveAvatarCommand --select H2L1 -j 4 src/

or, with no configuration at all,
``python -m libcst.tool codemod -x heygen2liveavatar.codemods.heygen_to_liveavatar.HeyGenToLiveAvatarCommand --no-format PATH``.

Each file goes through the engine's one-file migration (``migrate_text``), the very code
behind ``heygen2liveavatar migrate``, so both give the same result: re-implementing the
rule loop here would let the two drift apart. That costs one extra parse per file that
passes the pre-filter (LibCST's runner has parsed it already) and one for a changed file's
output, since a codemod must return a module. Manual findings are reported with
``self.warn`` and their ``TODO(heygen2liveavatar)`` markers are written into the code.

Differences from ``heygen2liveavatar migrate``, all inherent in LibCST's runner:

- it writes the module LibCST generates, which for the rare syntax LibCST does not
  reproduce byte for byte (``except (A, B) :``) differs from what the engine writes;
- of ``[tool.heygen2liveavatar]`` it honours ``select`` and ``ignore``, not ``exclude``
  (use the runner's ``blacklist_patterns``);
- a helper module the migrated code imports (``liveavatar_bridge.py``) is created beside
  the file when missing, except under ``-u`` (diff only: a warning names the file it would
  create); a file read from standard input gets a warning instead;
- the project facts (a settings module whose base URL a client uses, the session openers,
  the wrappers) are read from the whole project of each file (its git work tree or nearest
  ``pyproject.toml``, else the working directory), as ``migrate`` does, once per process and
  project; the project of the working directory is read before LibCST starts its workers, so
  they all see the tree as it was. A run on some files of a project writes them as a
  whole-project run would, but does not hold back a file whose migration goes with files it
  was not given, as ``migrate`` does: use ``heygen2liveavatar migrate`` (or the pre-commit
  hook) for partial runs.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Sequence

import libcst as cst
from libcst.codemod import CodemodCommand, CodemodContext

from heygen2liveavatar.engine.config import load_config
from heygen2liveavatar.engine.transform import MigrationResult, migrate_text
from heygen2liveavatar.engine.walk import project_root
from heygen2liveavatar.model import ProjectFacts
from heygen2liveavatar.rules import UnknownRuleError, select_rules, validate_selectors
from heygen2liveavatar.rules.base import RuleClass


def parse_codes(value: str) -> list[str]:
    """``--select``/``--ignore``: comma-separated codes or prefixes, checked up front.

    Checking in the argument parser turns a typo into one usage error instead of a
    failure in every file.
    """
    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    try:
        validate_selectors(codes)
    except UnknownRuleError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return codes


@functools.cache
def _configured_codes(directory: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``select`` and ``ignore`` of the ``pyproject.toml`` nearest to ``directory``.

    Cached per directory and process: LibCST's workers see many files of one project.
    """
    config = load_config([directory])
    return tuple(config.select), tuple(config.ignore)


def _codemod_root(filename: str) -> str:
    """The project a file belongs to; the working directory when it is in none but under it."""
    root = project_root(filename)
    if root is not None:
        return root
    directory = os.path.dirname(os.path.abspath(filename))
    here = os.getcwd()
    inside = os.path.commonpath([directory, here]) == here
    return here if inside else directory


@functools.cache
def _project_facts(root: str) -> ProjectFacts:
    """What ``heygen2liveavatar migrate`` on the whole project knows (read once per root)."""
    from heygen2liveavatar.engine.config import ConfigError
    from heygen2liveavatar.engine.runner import ProjectScope, facts_for_file

    try:
        exclude = tuple(load_config([root]).exclude)
    except ConfigError:
        exclude = ()
    facts, _outside, _own = facts_for_file(
        os.path.join(root, "_"), ProjectScope(exclude=exclude), b"", root=root
    )
    return facts


_UNIFIED_DIFF = re.compile(r"^(-u\d*|--unified-diff(=\d+)?)$")


def diff_only(argv: Sequence[str] | None = None) -> bool:
    """True when LibCST's tool runs with ``-u``/``--unified-diff`` (print a diff, write nothing).

    LibCST does not tell a command whether its output will be written; the tool's own
    command line is the only witness (``sys.argv``, inherited by its forked workers). The
    helper module is written by the command itself, so under ``-u`` it must not be.
    """
    args = list(sys.argv if argv is None else argv)
    if "codemod" not in args:
        return False
    return any(_UNIFIED_DIFF.match(arg) for arg in args[args.index("codemod") + 1 :])


class HeyGenToLiveAvatarCommand(CodemodCommand):
    DESCRIPTION = (
        "Migrate HeyGen Interactive Avatar (Streaming) API calls to LiveAvatar "
        "(the heygen2liveavatar rules; manual work is reported as warnings)."
    )

    @staticmethod
    def add_args(arg_parser: argparse.ArgumentParser) -> None:
        arg_parser.add_argument(
            "--select",
            type=parse_codes,
            default=None,
            metavar="CODES",
            help="Comma-separated rule codes or prefixes to run (e.g. H2L1,H2L401).",
        )
        arg_parser.add_argument(
            "--ignore",
            type=parse_codes,
            default=None,
            metavar="CODES",
            help="Comma-separated rule codes or prefixes to skip.",
        )

    def __init__(
        self,
        context: CodemodContext,
        select: str | Sequence[str] | None = None,
        ignore: str | Sequence[str] | None = None,
    ) -> None:
        super().__init__(context)
        # Read before LibCST forks its workers (they inherit it): facts of the tree as it is.
        here = os.path.join(os.getcwd(), "_")
        if project_root(here) is not None or os.path.isfile(".libcst.codemod.yaml"):
            _project_facts(_codemod_root(here))
        # Strings are accepted too, for programmatic use (``select="H2L1"``).
        self.select = parse_codes(select) if isinstance(select, str) else list(select or [])
        self.ignore = parse_codes(ignore) if isinstance(ignore, str) else list(ignore or [])

    def rules(self, filename: str | None) -> tuple[RuleClass, ...]:
        """Like ``migrate``: ``--select`` wins over the project's, ``--ignore`` adds to it."""
        select, ignore = self.select, self.ignore
        if filename is not None:
            configured_select, configured_ignore = _configured_codes(
                os.path.dirname(os.path.abspath(filename))
            )
            select = select or list(configured_select)
            ignore = [*configured_ignore, *ignore]
        return select_rules(select, ignore)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        filename = self.context.filename
        from heygen2liveavatar.apispec.events import BRIDGE_MODULE
        from heygen2liveavatar.engine.placement import place_helper

        # The helper goes where ``migrate`` puts it (one per import root), imported the same way.
        helper = place_helper(filename, BRIDGE_MODULE).importer if filename is not None else None
        # MigrationError (a rule failure, output that does not parse) propagates:
        # LibCST's runner then counts the file as failed and leaves it alone.
        project = _project_facts(_codemod_root(filename)) if filename is not None else None
        result = migrate_text(
            tree.code,
            filename or "<stdin>",
            self.rules(filename),
            helper=helper,
            project=project,
        )
        for finding in result.manual:
            self.warn(
                f"{finding.rule} line {finding.line}, column {finding.column}: {finding.message}"
            )
        if not result.changed:
            return tree
        self._create_support_modules(filename, result)
        self._declare_packages(filename, result)
        return cst.parse_module(result.code, config=cst.PartialParserConfig(encoding=tree.encoding))

    def _declare_packages(self, filename: str | None, result: MigrationResult) -> None:
        """Add what the migrated code needs at run time (``livekit``) to the nearest manifest,
        as ``migrate`` does on a whole project; under ``-u`` a warning says what it would add."""
        from heygen2liveavatar.apispec.events import BRIDGE_MODULE
        from heygen2liveavatar.engine.placement import place_helper
        from heygen2liveavatar.engine.runtime_requirements import (
            LIVEKIT_REQUIREMENT,
            RUNTIME_RULE,
            find_manifest,
            plan_addition,
        )
        from heygen2liveavatar.engine.writer import atomic_write

        if filename is None or not result.packages:
            return
        helper = place_helper(filename, BRIDGE_MODULE).path
        manifest = find_manifest(os.path.dirname(helper))
        if manifest is None:
            return  # the engine's manual finding (a warning above) says what to install
        for package in sorted(result.packages):
            minimum = LIVEKIT_REQUIREMENT[1] if package == LIVEKIT_REQUIREMENT[0] else "0"
            for _attempt in range(3):  # LibCST's workers may add to the same manifest
                addition = plan_addition(manifest, package, minimum)
                if addition is None:
                    break
                if addition.new_text is None or diff_only():
                    self.warn(f"{RUNTIME_RULE} {manifest}: add `{package}>={minimum}`")
                    break
                with open(manifest, "rb") as handle:
                    data = handle.read()
                bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
                try:
                    atomic_write(manifest, bom + addition.new_text.encode("utf-8"), expected=data)
                except OSError:
                    continue  # changed meanwhile: plan again
                self.warn(f"{RUNTIME_RULE} {manifest}: {addition.message}")
                break

    def _create_support_modules(self, filename: str | None, result: MigrationResult) -> None:
        """Write the helper modules the migrated code imports, as ``migrate`` does."""
        from heygen2liveavatar.engine.placement import place_helper
        from heygen2liveavatar.engine.results import SupportFile
        from heygen2liveavatar.engine.runner import MODE_WRITE, write_support_file

        for name, rule_code in result.support_modules.items():
            if filename is None:
                self.warn(
                    f"{rule_code} the migrated code imports `{name}`: create `{name}.py` beside "
                    "it with `heygen2liveavatar migrate` on the file"
                )
                continue
            placement = place_helper(filename, name)
            path = placement.path
            if diff_only():
                if not os.path.lexists(path):
                    self.warn(f"{rule_code} would create the helper module {path}")
                continue
            support = SupportFile(path, path, rule_code, name, placement.state)
            created = write_support_file(support, MODE_WRITE)
            if created is None:
                continue  # exists already (written for another file, or by the user)
            if created.error is not None:
                raise OSError(f"{path}: {created.error}")
            self.warn(f"{rule_code} created the helper module {path}")


__all__ = ["HeyGenToLiveAvatarCommand", "parse_codes"]

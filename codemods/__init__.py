"""LibCST codemod commands for ``python -m libcst.tool codemod`` (listed in ``.libcst.codemod.yaml``).

This package is not installed with ``heygen2liveavatar``: LibCST's tool imports it from the
repository root, which ``python -m`` puts on ``sys.path``.
"""

"""The heygen2liveavatar rules as a LibCST codemod command (``heygen_to_liveavatar``).

The command lives in the installed package (``heygen2liveavatar.codemods``), so projects can
list that package in their own ``.libcst.codemod.yaml``; this module re-exports it for runs
from a checkout of this repository, whose ``.libcst.codemod.yaml`` lists ``codemods``.
"""

from heygen2liveavatar.codemods.heygen_to_liveavatar import (
    HeyGenToLiveAvatarCommand,
    parse_codes,
)

__all__ = ["HeyGenToLiveAvatarCommand", "parse_codes"]

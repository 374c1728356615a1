"""Rule names for reports, without importing the rules (and LibCST with them).

The parent of a ``--jobs`` run never migrates a file itself, so it need not import LibCST and
the 28 rules (about a third of a second, all of it serial) only to print their names in the
end-of-run table. Every rule module is named after its rule (``h2l103_session_stop.py`` holds
H2L103 ``session-stop``; ``tests/test_rule_docs.py`` keeps it so), so the names are read from
the package's file names. Where the package is not a directory (a zip import), the registry is
imported after all.
"""

from __future__ import annotations

import functools
import os
import re

_RULE_MODULE = re.compile(r"(h2l\d{3})_(\w+)\.py")


@functools.lru_cache(maxsize=1)
def rule_names() -> dict[str, str]:
    """Rule code -> rule name (``"H2L103"`` -> ``"session-stop"``)."""
    directory = os.path.join(os.path.dirname(os.path.dirname(__file__)), "rules")
    try:
        files = os.listdir(directory)
    except OSError:
        from ..rules import RULES_BY_CODE

        return {code: rule.name for code, rule in RULES_BY_CODE.items()}
    names: dict[str, str] = {}
    for file in files:
        match = _RULE_MODULE.fullmatch(file)
        if match:
            names[match.group(1).upper()] = match.group(2).replace("_", "-")
    return names


def rule_name(code: str) -> str:
    """The rule's name, ``""`` for a code no rule has (an old marker's, say)."""
    return rule_names().get(code, "")

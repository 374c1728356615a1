"""Settings classes whose environment prefix makes them read ``HEYGEN_API_KEY``.

``class Settings(BaseSettings): model_config = SettingsConfigDict(env_prefix="HEYGEN_")`` with
an ``api_key`` field reads the HeyGen key from ``HEYGEN_API_KEY`` although that name is written
nowhere. The prefix also names the class's other settings (``HEYGEN_AVATAR_ID``...), which the
user keeps, so only the key's field gets its own variable name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from .index import ModuleIndex, dotted_name, string_value, walk_nodes

_PREFIX = re.compile(r"^HEYGEN_?$", re.IGNORECASE)
_KEY_FIELD = re.compile(r"^(?:heygen_)?api_(?:key|token)$|^(?:heygen_)?key$", re.IGNORECASE)


@dataclass
class KeyField:
    statement: cst.AnnAssign
    pydantic_v2: bool
    """``pydantic_settings`` (``validation_alias``) rather than pydantic 1 (``env=``)."""

    @property
    def configured_by_hand(self) -> bool:
        """The field's value is a ``Field(...)`` call already (its variable set by hand)."""
        value = self.statement.value
        return isinstance(value, cst.Call) and dotted_name(value.func) in (
            "Field",
            "pydantic.Field",
        )


def prefixed_key_fields(index: ModuleIndex) -> list[KeyField]:
    """Fields of settings classes that read the HeyGen key from the environment: ``api_key``
    under ``env_prefix="HEYGEN_"``, or ``heygen_api_key`` of a ``BaseSettings`` class with no
    prefix (pydantic-settings matches the field name to ``HEYGEN_API_KEY``)."""
    v2 = any(q.startswith("pydantic_settings") for q in index.imports.values())
    fields: list[KeyField] = []
    # A prefix is set by an ``env_prefix`` keyword or assignment, which the code spells out:
    # without it, a class's bases alone decide (its body is not walked).
    prefixed = "env_prefix" in index.code
    for statement in index.module.body:
        if not isinstance(statement, cst.ClassDef):
            continue
        prefix = _env_prefix(statement, prefixed)
        if prefix is None:
            continue
        body = statement.body
        if not isinstance(body, cst.IndentedBlock):
            continue
        for line in body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if (
                    isinstance(small, cst.AnnAssign)
                    and isinstance(small.target, cst.Name)
                    and _HEYGEN_KEY.match(prefix + small.target.value.upper())
                ):
                    fields.append(KeyField(small, v2))
    return fields


_HEYGEN_KEY = re.compile(r"^HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)$")


def _env_prefix(node: cst.ClassDef, prefixed: bool = True) -> str | None:
    """The class's environment prefix, upper-cased ("" for none); ``None``: not settings.
    ``prefixed``: the module's code names ``env_prefix`` somewhere."""
    if prefixed and _heygen_prefix(node):
        return "HEYGEN_"
    bases = {dotted_name(base.value) or "" for base in node.bases}
    if any(name.split(".")[-1] == "BaseSettings" for name in bases) and not (
        prefixed and _has_prefix(node)
    ):
        return ""
    return None


def _has_prefix(node: cst.ClassDef) -> bool:
    return any(
        (
            isinstance(child, cst.Arg)
            and child.keyword is not None
            and child.keyword.value == "env_prefix"
        )
        or (
            isinstance(child, cst.Assign)
            and any(
                isinstance(t.target, cst.Name) and t.target.value == "env_prefix"
                for t in child.targets
            )
        )
        for child in walk_nodes(node)
    )


def _heygen_prefix(node: cst.ClassDef) -> bool:
    for child in walk_nodes(node):
        if (
            isinstance(child, cst.Arg)
            and child.keyword is not None
            and child.keyword.value == "env_prefix"
        ):
            value = string_value(child.value)
            if value is not None and _PREFIX.match(value):
                return True
        if isinstance(child, cst.Assign) and any(
            isinstance(t.target, cst.Name) and t.target.value == "env_prefix" for t in child.targets
        ):
            value = string_value(child.value)
            if value is not None and _PREFIX.match(value):
                return True
    return False


__all__ = ["KeyField", "prefixed_key_fields"]

"""The project's own avatar setting, for a request that must now name the avatar.

A backend that only minted HeyGen tokens for the browser SDK sent no session configuration;
LiveAvatar's token carries it, ``avatar_id`` included. :func:`configured_avatar` finds the
avatar the code already configures (a settings attribute, a module constant or import, an
environment read) so the token request can send it instead of a placeholder.
"""

from __future__ import annotations

import libcst as cst

from .avatar_names import names_avatar
from .index import Context, ModuleIndex, string_value, walk_nodes


def configured_avatar(index: ModuleIndex, context: Context) -> cst.BaseExpression | None:
    """The project's own avatar setting visible here: a constant, or a settings attribute.

    Module-level names first (``AVATAR_ID = os.getenv("AVATAR_ID", "...")``), then
    ``self.<...avatar...>`` attributes of the enclosing class.
    """
    if context.class_def is not None:
        found = _avatar_attribute(index, context.class_def)
        if found is not None:
            return cst.Attribute(cst.Name("self"), cst.Name(found))
    candidates = [
        name
        for name, values in index.module_scope.assignments.items()
        if names_avatar(name)
        and (
            (
                not any(isinstance(v, (cst.ClassDef, cst.FunctionDef)) for v in values)
                and not name[:1].isupper()
            )
            or name.isupper()
        )
    ]
    candidates += [name for name in index.imports if names_avatar(name)]
    if candidates:
        return cst.Name(sorted(candidates, key=lambda n: ("id" not in n.lower(), len(n)))[0])
    # An environment read of the avatar elsewhere in the module (``os.environ.get("AVATAR_ID")``).
    for call in index.calls:
        if call.name in ("os.getenv", "os.environ.get", "getenv", "environ.get") and call.node.args:
            env_name = string_value(call.node.args[0].value)
            default = call.node.args[1].value if len(call.node.args) > 1 else None
            default_text = string_value(default) if default is not None else None
            if (
                env_name
                and names_avatar(env_name)
                and not (default_text or "").startswith(("http://", "https://"))
            ):
                return call.node.deep_clone()
    return None


def _avatar_attribute(index: ModuleIndex, class_def: cst.ClassDef) -> str | None:
    """``self.avatar_id``: an attribute of the class that the class assigns (a method such
    as ``self.stop_avatar`` is not a setting), named like an avatar, ids and names first."""
    methods = {
        node.name.value for node in walk_nodes(class_def) if isinstance(node, cst.FunctionDef)
    }
    names: list[str] = []
    for node in walk_nodes(class_def):
        if (
            isinstance(node, cst.Attribute)
            and isinstance(node.value, cst.Name)
            and node.value.value == "self"
            and names_avatar(node.attr.value)
            and not node.attr.value.lower().endswith("s")
            and node.attr.value not in methods
            and node.attr.value not in names
            and index.lookup_self_attribute(class_def, node.attr.value)
        ):
            names.append(node.attr.value)
    if not names:
        return None
    return min(names, key=lambda n: ("id" not in n.lower() and "name" not in n.lower(), len(n)))


__all__ = ["configured_avatar", "names_avatar"]

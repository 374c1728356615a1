"""Reads of a HeyGen API key, for H2L402.

The settings a key is read from under an ``HEYGEN_API_KEY`` variable name
(``key_setting_sites``: environment and config lookups, not the program's own config keys),
and under other spellings: a secrets or config lookup (``st.secrets["heygen"]["heygen_api_key"]``,
``config["heygen_api_key"]``) or a settings attribute (``self._settings.heygen_api_key``).
Also whether the module's key serves HeyGen's other APIs too (``serves_other_heygen_apis``),
and the pieces of a key split between HeyGen and LiveAvatar: the module-level assignment of a
key (``module_key_assignment``), a shared key imported from a settings module
(``imported_shared_keys``), and a ``LIVEAVATAR_API_KEY`` read (``reads_liveavatar_key``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from ..apispec import LIVEAVATAR_API_KEY_NAME, OTHER_HEYGEN_API_TEXT
from .http import RequestSite
from .index import ModuleIndex, StringSite, dotted_name, walk_nodes

# heygen_api_key, heygen_key, heygenApiKey, HeyGenAPIKey (not HEYGEN_API_KEY: a variable name,
# which H2L402 renames itself).
_KEY = re.compile(r"^heygen_?(?:[a-z0-9]+_?)*?(?:api_?)?(?:key|token)$", re.IGNORECASE)
HEYGEN_KEY_VARIABLE = re.compile(r"^HEYGEN(?:_[A-Z0-9]+)*_(?:API_)?(?:KEY|TOKEN)$")
"""A key variable named after HeyGen: ``HEYGEN_API_KEY``, ``HEYGEN_STREAMING_TOKEN``."""


@dataclass(frozen=True)
class KeyRead:
    node: cst.CSTNode
    name: str


def is_key_name(name: str) -> bool:
    return _KEY.match(name) is not None and HEYGEN_KEY_VARIABLE.match(name) is None


def heygen_key_reads(index: ModuleIndex) -> list[KeyRead]:
    """Subscripts by a HeyGen-key string and attributes named after a HeyGen key, read (not
    assigned) in the module; one per statement."""
    found: list[KeyRead] = []
    seen: set[int] = set()
    for node in walk_nodes(index.module):
        name: str | None = None
        if type(node) is cst.Subscript and len(node.slice) == 1:
            index_value = node.slice[0].slice
            if isinstance(index_value, cst.Index) and isinstance(
                index_value.value, cst.SimpleString
            ):
                value = index_value.value.evaluated_value
                name = value if isinstance(value, str) else None
        elif type(node) is cst.Attribute:
            name = node.attr.value
        if name is None or not is_key_name(name):
            continue
        parent = index.parent_of(node)
        if isinstance(parent, cst.AssignTarget):
            continue  # a definition, not a read
        statement = index.statement_of(node)
        if statement is None or id(statement) in seen:
            continue
        seen.add(id(statement))
        found.append(KeyRead(node, name))
    return found


_ENVIRONMENT_READERS = ("getenv", "environ.get", "environ.setdefault", "environ.pop")


def is_environment_access(index: ModuleIndex, node: cst.CSTNode) -> bool:
    """``os.getenv("X")``, ``os.environ.get("X")``, ``os.environ["X"]`` (read or written):
    the string ``node`` names an environment variable, which lives outside the program."""
    parent = index.parent_of(node)
    if type(parent) is cst.Arg:
        call = index.parent_of(parent)
        if type(call) is cst.Call and call.args and call.args[0] is parent:
            callee = dotted_name(call.func) or ""
            return callee.endswith(_ENVIRONMENT_READERS)
        return False
    if type(parent) is cst.Index:
        element = index.parent_of(parent)
        subscript = index.parent_of(element) if element is not None else None
        if type(subscript) is cst.Subscript:
            return (dotted_name(subscript.value) or "").endswith("environ")
    return False


def keys_set_in_code(index: ModuleIndex, names: re.Pattern[str]) -> set[str]:
    """Names matching ``names`` that the module itself stores a value under, other than in the
    environment: a keyword argument (``app.config.update(HEYGEN_API_KEY=...)``), a dict display
    key (``{"HEYGEN_API_KEY": ...}``), a subscript assignment (``config["HEYGEN_API_KEY"] =``)
    or a class attribute (``class Config: HEYGEN_API_KEY = ...``, a Flask config object). Such a
    name is the program's own config key: its lookups read what the program stored, not a
    setting someone configures under that name."""
    found: set[str] = set()
    for node in walk_nodes(index.module):
        key: cst.CSTNode | None = None
        if type(node) is cst.ClassDef and isinstance(node.body, cst.IndentedBlock):
            found.update(
                target.target.value
                for line in node.body.body
                if isinstance(line, cst.SimpleStatementLine)
                for statement in line.body
                if isinstance(statement, cst.Assign)
                for target in statement.targets
                if isinstance(target.target, cst.Name) and names.match(target.target.value)
            )
            continue
        if type(node) is cst.Arg and node.keyword is not None:
            if names.match(node.keyword.value):
                found.add(node.keyword.value)
            continue
        if type(node) is cst.DictElement:
            key = node.key
        elif type(node) is cst.AssignTarget and type(node.target) is cst.Subscript:
            target = node.target
            if (dotted_name(target.value) or "").endswith("environ") or len(target.slice) != 1:
                continue
            element = target.slice[0].slice
            key = element.value if isinstance(element, cst.Index) else None
        if type(key) is cst.SimpleString:
            value = key.evaluated_value
            if isinstance(value, str) and names.match(value):
                found.add(value)
    return found


def holders_of(index: ModuleIndex, names: set[str]) -> frozenset[str]:
    """Names and attributes (last part) assigned a value that reads one of ``names``
    (``self.heygen_api_key = get("HEYGEN_API_KEY", "")``)."""
    found: set[str] = set()
    if not names:
        return frozenset()
    # From each literal of ``names`` (the index lists every str literal) up to the assignment
    # whose value holds it, instead of a walk of every assignment's value.
    for site in index.strings:
        if type(site.node) is not cst.SimpleString or site.value not in names:
            continue
        child: cst.CSTNode = site.node
        parent = index.parent_of(child)
        while parent is not None and type(parent) is not cst.Assign:
            child, parent = parent, index.parent_of(parent)
        if parent is None or len(parent.targets) != 1 or parent.value is not child:
            continue
        target = parent.targets[0].target
        if isinstance(target, (cst.Name, cst.Attribute)):
            found.add(target.value if isinstance(target, cst.Name) else target.attr.value)
    return frozenset(found)


def split_key_name(name: str) -> str | None:
    """``HEYGEN_API_KEY`` -> ``LIVEAVATAR_API_KEY`` (a key variable named after HeyGen)."""
    if not HEYGEN_KEY_VARIABLE.match(name):
        return None
    return "LIVEAVATAR" + name[len("HEYGEN") :]


def messages_naming(
    index: ModuleIndex, names: set[str], new_name: str
) -> list[tuple[cst.SimpleString | cst.FormattedStringText, str]]:
    """Literal text naming one of the key variables ``names`` (``raise RuntimeError("Set
    HEYGEN_API_KEY")``), with the text naming ``new_name`` instead (for the first of
    ``names`` each literal names)."""
    found: list[tuple[cst.SimpleString | cst.FormattedStringText, str]] = []
    for site in index.strings:
        if site.is_docstring or site.value in names:
            continue
        for name in names:
            if re.search(rf"\b{name}\b", site.value) is None:
                continue
            if not isinstance(site.node, (cst.SimpleString, cst.FormattedStringText)):
                continue
            if re.search(rf"\b{name}\b", site.node.value) is None:
                continue
            found.append((site.node, re.sub(rf"\b{name}\b", new_name, site.node.value)))
            break
    return found


def serves_other_heygen_apis(index: ModuleIndex, requests: list[RequestSite]) -> bool:
    """The module calls HeyGen's other APIs (a request, or a path or URL literal naming one)."""
    return any(r.is_other_heygen_api for r in requests) or any(
        OTHER_HEYGEN_API_TEXT.search(site.value)
        for site in index.strings
        if not site.is_docstring and site.value.startswith(("/", "http"))
    )


def key_setting_sites(
    index: ModuleIndex, set_elsewhere: frozenset[str] = frozenset()
) -> list[StringSite]:
    """String literals naming a HeyGen key setting (``"HEYGEN_API_KEY"``): not docstrings, and
    not the program's own config key (set by keyword or item, here or in another module of the
    project: ``set_elsewhere``) unless read from the environment."""
    found: list[StringSite] = []
    program_keys: set[str] | None = None  # a walk of the module: only for a key string
    for site in index.strings:
        if not isinstance(site.node, cst.SimpleString) or not HEYGEN_KEY_VARIABLE.match(site.value):
            continue
        if site.is_docstring:
            continue
        if program_keys is None:
            program_keys = keys_set_in_code(index, HEYGEN_KEY_VARIABLE) | set_elsewhere
        if site.value in program_keys and not is_environment_access(index, site.node):
            continue  # the program's own config key (set by keyword or item), not a setting
        found.append(site)
    return found


_CHOICE_LISTS = frozenset({"AliasChoices"})
"""Calls whose arguments are alternative names of one setting (pydantic's ``AliasChoices``)."""


def repeated_choice(
    index: ModuleIndex, site: StringSite, renamed: frozenset[int]
) -> tuple[cst.CSTNode, int] | None:
    """``AliasChoices("HEYGEN_API_KEY", "HEYGEN_KEY")`` (or a tuple or list of names tried in
    turn): when an earlier choice already reads ``LIVEAVATAR_API_KEY`` or is a key literal
    being renamed to it (its node in ``renamed``), renaming ``site`` too would list the same
    name twice. The container (a call, tuple or list) and the position of ``site`` in it."""
    element = index.parent_of(site.node)
    container = index.parent_of(element) if element is not None else None
    if isinstance(element, cst.Arg) and isinstance(container, cst.Call):
        name = dotted_name(container.func) or ""
        if element.keyword is not None or name.rsplit(".", 1)[-1] not in _CHOICE_LISTS:
            return None
        items: list[cst.BaseExpression] = [arg.value for arg in container.args]
    elif isinstance(element, cst.Element) and isinstance(container, (cst.Tuple, cst.List)):
        items = [item.value for item in container.elements]
    else:
        return None
    position = next(i for i, item in enumerate(items) if item is site.node)
    for item in items[:position]:
        if id(item) in renamed or (
            isinstance(item, cst.SimpleString) and item.evaluated_value == LIVEAVATAR_API_KEY_NAME
        ):
            return container, position
    return None


def reads_liveavatar_key(index: ModuleIndex) -> bool:
    """The module reads ``LIVEAVATAR_API_KEY`` itself (the LiveAvatar side of a split made by
    a first run): a LiveAvatar base written by hand beside a shared key is not enough."""
    return any(
        site.value == LIVEAVATAR_API_KEY_NAME and not site.is_docstring for site in index.strings
    )


def module_key_assignment(site: StringSite) -> tuple[cst.SimpleStatementLine, cst.Assign] | None:
    """``HEYGEN_API_KEY = os.getenv("HEYGEN_API_KEY")``: the module-level statement assigning
    one name the value ``site`` is read in (the statement and its assignment)."""
    statement = site.context.statement
    if not (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Assign)
        and len(statement.body[0].targets) == 1
        and isinstance(statement.body[0].targets[0].target, cst.Name)
        and site.context.function is None
        and site.context.class_def is None
    ):
        return None
    return statement, statement.body[0]


def imported_shared_keys(index: ModuleIndex) -> list[tuple[str, str, str]]:
    """Key variables named after HeyGen imported from a project module (not ``os``):
    ``(local name, qualified name, its LiveAvatar sibling's name)``."""
    found: list[tuple[str, str, str]] = []
    for local, qualified in index.imports.items():
        sibling = split_key_name(local)
        if sibling is None or "." not in qualified or qualified.startswith(("os.", "os")):
            continue
        found.append((local, qualified, sibling))
    return found


def name_reads(index: ModuleIndex, name: str) -> list[cst.Name]:
    """The ``Name`` nodes spelling ``name`` in the module, except attribute names and import
    aliases."""
    found: list[cst.Name] = []
    for node in walk_nodes(index.module):
        if isinstance(node, cst.Name) and node.value == name:
            parent = index.parent_of(node)
            if isinstance(parent, cst.Attribute) and parent.attr is node:
                continue
            if isinstance(parent, cst.ImportAlias):
                continue
            found.append(node)
    return found

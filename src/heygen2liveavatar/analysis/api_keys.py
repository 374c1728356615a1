"""HeyGen API keys written into the code: which string literals are such keys.

A literal is a key when it looks like a secret (long, no spaces, not a placeholder, a URL or
an environment variable's name) and it reaches HeyGen: it is the value of an API-key header
that a HeyGen request sends (not a request to another host: Anthropic uses ``x-api-key``
too), or it is assigned or passed as a keyword to a name like ``HEYGEN_API_KEY``, ``API_KEY``
or ``self.api_key`` that such a header reads (in a run, also in the project's streaming
modules), or it is the default of an environment lookup of such a variable. Names of other
services' keys (``OPENAI_API_KEY``) and keywords of other services' constructors
(``OpenAI(api_key=...)``) are not HeyGen's. Also here: the texts of a key to redact from diffs
(as evaluated and as written), and the edit that drops a key given as a lookup's default.
Read by H2L406.
"""

from __future__ import annotations

import re

import libcst as cst

from ..apispec import HEYGEN_API_KEY_HEADER_SPELLINGS, HEYGEN_HOST
from ..model import ProjectFacts
from .headers import HeaderSources
from .http import RequestSite
from .index import ModuleIndex, dotted_name, string_value, walk_nodes
from .values import join_text

HEADER_NAMES = frozenset(spelling.lower() for spelling in HEYGEN_API_KEY_HEADER_SPELLINGS)
# Names whose string value is an API key: ``HEYGEN_API_KEY``, ``api_key``, ``self.apiKey``...
_KEY_NAME = re.compile(r"api_?key", re.IGNORECASE)
# ... unless they name another service's key (``OPENAI_API_KEY``): a HeyGen module can hold
# those too. Without a vendor word, or with one of these, the name is HeyGen's.
_OUR_WORDS = frozenset(
    {"", "heygen", "streaming", "avatar", "liveavatar", "x", "my", "the", "default", "private"}
)
# Values that are not secrets: placeholders, environment-variable names, URLs, short words.
_PLACEHOLDER = re.compile(
    r"your|xxx|change[-_ ]?me|placeholder|example|dummy|replace|insert|<|>|\.\.\.|\*\*\*|^\$|\{",
    re.IGNORECASE,
)
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_MIN_LENGTH = 12


def looks_like_secret(value: str) -> bool:
    """A literal that is plausibly a real key (not a placeholder or a setting's name)."""
    return (
        len(value) >= _MIN_LENGTH
        and not any(ch.isspace() for ch in value)
        and "://" not in value
        and not _ENV_NAME.match(value)
        and not _PLACEHOLDER.search(value)
    )


def _is_heygen_key_name(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    if not _KEY_NAME.search(last):
        return False
    words = {w for w in re.split(r"[_\W]+|(?<=[a-z])(?=[A-Z])", _KEY_NAME.sub("", last)) if w}
    return all(word.lower() in _OUR_WORDS for word in words)


def _names_heygen(name: str) -> bool:
    """The name says whose it is: ``HEYGEN_API_KEY``, ``HeyGenStreaming``, ``heygen_key``."""
    return "heygen" in name.lower()


def _last(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _is_foreign(request: RequestSite) -> bool:
    """A request whose URL names a host that is not HeyGen's (``api.anthropic.com``)."""
    text = join_text(request.pieces)
    return "://" in text and HEYGEN_HOST not in text


class HardcodedKeys:
    """Finds the key literals of one module (see the module docstring)."""

    def __init__(
        self, index: ModuleIndex, requests: list[RequestSite], project: ProjectFacts | None
    ) -> None:
        self.index = index
        self.requests = requests
        self.project = project
        self.sources = HeaderSources(index, HEADER_NAMES)

    def header_values(self) -> list[cst.BaseExpression]:
        """Literal values of API-key headers that HeyGen requests send."""
        if not self.sources.entries:
            return []
        sent: set[int] = set()
        for request in self.requests:
            # ``x-api-key`` is not HeyGen's alone (Anthropic uses it): a request to another
            # host sends another service's key.
            if not _is_foreign(request):
                sent.update(id(entry.key_node) for entry in self.sources.entries_of(request))
        assigned = {id(site.node): site.assigned_to or "" for site in self.index.strings}
        found: list[cst.BaseExpression] = []
        for entry in self.sources.entries:
            value = string_value(entry.value)
            if value is None or not looks_like_secret(value):
                continue
            # Sent by a HeyGen request we can see, or a header dict that says it is HeyGen's.
            if (
                id(entry.key_node) in sent
                or "heygen" in assigned.get(id(entry.key_node), "").lower()
            ):
                found.append(entry.value)
        return found

    def _sent_key_names(self) -> set[str]:
        """Last components of the names read into API-key headers that are not sent to another
        service (``{"x-api-key": self.api_key}`` -> ``api_key``), here and, in a run, in the
        modules that call streaming endpoints."""
        foreign: set[int] = set()
        ours: set[int] = set()
        for request in self.requests:
            ids = {id(entry.key_node) for entry in self.sources.entries_of(request)}
            (foreign if _is_foreign(request) else ours).update(ids)
        names: set[str] = set()
        for entry in self.sources.entries:
            if id(entry.key_node) in foreign and id(entry.key_node) not in ours:
                continue
            for node in walk_nodes(entry.value):
                if isinstance(node, cst.Name):
                    names.add(node.value)
                elif isinstance(node, cst.Attribute):
                    names.add(node.attr.value)
        if self.project is not None:
            names.update(self.project.streaming_key_names)
        return names

    def _local_callables(self) -> set[str]:
        """Classes and functions this module defines (and, in a run, that streaming modules
        define): a key passed to one of them as ``api_key=`` may reach a HeyGen request; a
        key passed to ``OpenAI(api_key=...)`` never does."""
        names = {
            name
            for name, values in self.index.module_scope.assignments.items()
            if any(
                isinstance(self.index.parent_of(value), (cst.ClassDef, cst.FunctionDef))
                for value in values
            )
        }
        if self.project is not None:
            names.update(self.project.streaming_definitions)
        return names

    def named_values(self) -> list[tuple[cst.BaseExpression, tuple[cst.Call, cst.Arg] | None]]:
        """Literals given to a HeyGen API-key name: assigned, passed as a keyword, or the
        default of an environment lookup of such a variable (with that call and argument).

        Only keys that can reach a HeyGen streaming request: a name that says HeyGen
        (``HEYGEN_API_KEY``), or a generic one (``API_KEY``, ``self.api_key``) that an
        API-key header of a HeyGen request reads; a keyword argument only when the callee is
        HeyGen's (defined here or in a streaming module of the run, or named so).
        """
        found: list[tuple[cst.BaseExpression, tuple[cst.Call, cst.Arg] | None]] = []
        sent_names: set[str] | None = None
        callables: set[str] | None = None

        def reaches_heygen(name: str) -> bool:
            nonlocal sent_names
            if _names_heygen(name):
                return True
            if sent_names is None:
                sent_names = self._sent_key_names()
            return _last(name) in sent_names

        def heygen_callee(call: cst.CSTNode | None) -> bool:
            nonlocal callables
            if not isinstance(call, cst.Call):
                return False
            callee = dotted_name(call.func) or ""
            if _names_heygen(callee):
                return True
            if callables is None:
                callables = self._local_callables()
            return _last(callee) in callables

        for site in self.index.strings:
            if site.is_docstring or not isinstance(site.node, cst.SimpleString):
                continue
            if not looks_like_secret(site.value):
                continue
            node: cst.BaseExpression = site.node
            parent = self.index.parent_of(node)
            if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
                name = site.assigned_to or ""
                if _is_heygen_key_name(name) and reaches_heygen(name):
                    found.append((node, None))
            elif isinstance(parent, cst.Arg) and parent.value is node:
                call = self.index.parent_of(parent)
                if parent.keyword is not None and parent.keyword.value != "default":
                    if _is_heygen_key_name(parent.keyword.value) and heygen_callee(call):
                        found.append((node, None))
                    continue
                if isinstance(call, cst.Call) and self._is_key_lookup_default(call, parent):
                    variable = string_value(call.args[0].value) or ""
                    target = self.index.parent_of(call)
                    assigned = (
                        dotted_name(target.targets[0].target) or ""
                        if isinstance(target, cst.Assign) and target.value is call
                        else ""
                    )
                    if reaches_heygen(variable) or (assigned and reaches_heygen(assigned)):
                        found.append((node, (call, parent)))
        return found

    def _is_key_lookup_default(self, call: cst.Call, arg: cst.Arg) -> bool:
        """``os.getenv("HEYGEN_API_KEY", "<key>")`` (or ``environ.get``, ``default=``)."""
        name = self.index.qualified_name(dotted_name(call.func)) or ""
        if name not in _ENV_READERS or len(call.args) != 2 or call.args[1] is not arg:
            return False
        variable = string_value(call.args[0].value)
        return variable is not None and _is_heygen_key_name(variable)


_ENV_READERS = frozenset({"os.getenv", "os.environ.get", "getenv", "environ.get"})


def without_default(updated: cst.CSTNode) -> cst.CSTNode:
    """``os.getenv("NAME", "<key>")`` -> ``os.getenv("NAME")``: unset means None, not the key."""
    assert isinstance(updated, cst.Call)
    if len(updated.args) != 2:
        return updated
    first = updated.args[0].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return updated.with_changes(args=[first])


def secret_texts(node: cst.BaseExpression) -> set[str]:
    """The secret as evaluated and as written between its quotes (both must be redacted)."""
    texts: set[str] = set()
    value = string_value(node)
    if value:
        texts.add(value)
    if isinstance(node, cst.SimpleString):
        raw = node.value[len(node.prefix) :]
        quote_length = 3 if raw[:3] in ('"""', "'''") else 1
        texts.add(raw[quote_length:-quote_length])
    return {text for text in texts if text}


def quote_of(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.SimpleString):
        return node.value[-1:]
    if isinstance(node, cst.ConcatenatedString):
        return quote_of(node.left)
    return '"'

"""How the value of a call is consumed: awaited, entered with ``async with``, handed to asyncio.

A rule that replaces a request call by another call must keep the shape of the code around
it: ``await client.post(...)`` needs an awaitable, ``async with session.post(...) as resp`` an
async context manager, ``requests.post(...)`` inside ``async def`` must not stay blocking, and
``asyncio.create_task(self._post(...))`` needs a coroutine. :func:`call_shape` answers those
questions from the index, and :func:`urlopen_of` finds the ``urlopen`` call that actually sends
a ``urllib.request.Request``.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from .client_classes import parameter_class
from .dead_code import read_counts
from .index import CallSite, ModuleIndex, dotted_name

# Callees whose arguments are awaitables (coroutines) rather than values.
AWAITABLE_CONSUMERS = frozenset(
    {
        "create_task",
        "ensure_future",
        "gather",
        "wait_for",
        "shield",
        "run",
        "run_until_complete",
        "run_coroutine_threadsafe",
        "wait",
        "as_completed",
        "start_soon",
    }
)
_URLOPEN = frozenset({"urlopen", "urllib.request.urlopen", "request.urlopen"})


# Run a coroutine to completion at a sync edge: their value is the coroutine's result.
COROUTINE_RUNNERS = frozenset({"asyncio.run"})
# Awaited, their value is the coroutine's result: ``await asyncio.wait_for(post(...), 10)``.
AWAITED_PASS_THROUGH = frozenset({"asyncio.wait_for", "asyncio.shield"})


def awaited_pass_through(index: ModuleIndex, node: cst.BaseExpression) -> cst.Await | None:
    """``await asyncio.wait_for(node, timeout)`` (or ``asyncio.shield(node)``): the ``await``,
    whose value is ``node``'s result."""
    arg = index.parent_of(node)
    if not isinstance(arg, cst.Arg) or arg.keyword is not None or arg.star:
        return None
    wrapper = index.parent_of(arg)
    if not isinstance(wrapper, cst.Call) or not wrapper.args or wrapper.args[0] is not arg:
        return None
    name = dotted_name(wrapper.func)
    if name is None or (index.qualified_name(name) or name) not in AWAITED_PASS_THROUGH:
        return None
    awaited = index.parent_of(wrapper)
    return awaited if isinstance(awaited, cst.Await) else None


def result_expression(index: ModuleIndex, node: cst.BaseExpression) -> cst.BaseExpression:
    """The expression whose value is what ``node`` (a call of a coroutine function, or of a
    client) produces: ``await node``, ``await asyncio.wait_for(node, ...)``, ``asyncio.run(node)``
    at a sync edge, else ``node``."""
    parent = index.parent_of(node)
    if isinstance(parent, cst.Await):
        return parent
    passed = awaited_pass_through(index, node)
    if passed is not None:
        return passed
    if isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star:
        runner = index.parent_of(parent)
        if isinstance(runner, cst.Call) and len(runner.args) == 1:
            name = dotted_name(runner.func)
            if name is not None and (
                name in COROUTINE_RUNNERS or index.qualified_name(name) in COROUTINE_RUNNERS
            ):
                return runner
    return node


@dataclass(frozen=True)
class CallShape:
    awaited: bool
    """``await call(...)``."""
    async_with: bool
    """``async with call(...) as x``."""
    handed_to_asyncio: bool
    """An argument of ``asyncio.create_task``, ``gather``, ``run`` ...: the value is awaited later."""
    callee_is_coroutine_function: bool
    """The callee is an ``async def`` of this module (a wrapper), so the call makes a coroutine."""
    in_coroutine: bool
    """Inside ``async def`` (not inside a lambda there), where ``await`` is allowed."""
    await_needs_parentheses: bool
    """The call is the object of ``.attr``, ``[...]`` or ``(...)``: ``(await x).json()``."""
    coroutine_kept: bool = False
    """An async client's coroutine kept to be awaited later (:func:`coroutine_kept`)."""

    @property
    def yields_awaitable(self) -> bool:
        """The original expression produced an awaitable (or async context manager)."""
        return (
            self.awaited
            or self.async_with
            or self.handed_to_asyncio
            or self.callee_is_coroutine_function
            or self.coroutine_kept
        )


def call_shape(index: ModuleIndex, site: CallSite) -> CallShape:
    node = site.node
    parent = index.parent_of(node)
    async_with = False
    if isinstance(parent, cst.WithItem) and parent.item is node:
        with_statement = index.parent_of(parent)
        async_with = (
            isinstance(with_statement, cst.With) and with_statement.asynchronous is not None
        )
    handed = False
    if isinstance(parent, cst.Arg):
        outer = index.parent_of(parent)
        if isinstance(outer, cst.Call):
            name = dotted_name(outer.func) or ""
            handed = name.split(".")[-1] in AWAITABLE_CONSUMERS
    needs_parentheses = (
        (isinstance(parent, cst.Attribute) and parent.value is node)
        or (isinstance(parent, cst.Subscript) and parent.value is node)
        or (isinstance(parent, cst.Call) and parent.func is node)
    )
    return CallShape(
        awaited=isinstance(parent, cst.Await),
        async_with=async_with,
        handed_to_asyncio=handed,
        callee_is_coroutine_function=_callee_is_coroutine_function(index, site),
        in_coroutine=site.context.in_async_function and not _inside_lambda(index, node),
        await_needs_parentheses=needs_parentheses,
        coroutine_kept=coroutine_kept(index, site),
    )


# Async HTTP clients whose request methods return coroutines (aiohttp's also return async
# context managers: a helper may enter what the lambda returns, which a coroutine is not).
COROUTINE_CLIENT_CONSTRUCTORS = frozenset({"httpx.AsyncClient"})
COROUTINE_CLIENT_CLASSES = frozenset({"AsyncClient"})  # an annotation's last name
# Awaited runners that call a lambda on a worker thread: its call is a blocking one.
_THREAD_RUNNER_ENDS = ("to_thread", "run_in_executor", "run_sync", "run_in_threadpool")


def coroutine_kept(index: ModuleIndex, site: CallSite) -> bool:
    """A call of an ``httpx.AsyncClient`` whose coroutine is not awaited, entered or handed to
    asyncio where it is made but kept for later: returned by a lambda (``await
    with_retry(lambda: client.post(...))``), put in a queue, bound to a name, gathered from a
    comprehension. Whoever awaits it later may read the response it gives."""
    node = site.node
    parent = index.parent_of(node)
    if isinstance(parent, (cst.Await, cst.WithItem)) or not _async_client_call(index, site):
        return False
    if isinstance(parent, cst.Arg):
        outer = index.parent_of(parent)
        name = dotted_name(outer.func) if isinstance(outer, cst.Call) else None
        if (name or "").split(".")[-1] in AWAITABLE_CONSUMERS:
            return False  # ``create_task(client.post(...))``: a coroutine for asyncio already
    if isinstance(parent, cst.Lambda):
        holder = index.parent_of(parent)
        runner = index.parent_of(holder) if isinstance(holder, cst.Arg) else None
        name = dotted_name(runner.func) if isinstance(runner, cst.Call) else None
        if (name or "").endswith(_THREAD_RUNNER_ENDS):
            return False  # run on a worker thread: not a coroutine's place
    return True


def awaited_helper_of_lambda(index: ModuleIndex, site: CallSite) -> cst.Await | None:
    """``await with_retry(lambda: client.post(...))``: the ``await`` of the helper given the
    lambda whose body is the kept coroutine (:func:`coroutine_kept`); its value is what the
    helper makes of the call's response, and once it has run the request has been sent."""
    function = index.parent_of(site.node)
    if not isinstance(function, cst.Lambda) or function.body is not site.node:
        return None
    arg = index.parent_of(function)
    helper = index.parent_of(arg) if isinstance(arg, cst.Arg) else None
    awaited = index.parent_of(helper) if isinstance(helper, cst.Call) else None
    if not isinstance(awaited, cst.Await) or not coroutine_kept(index, site):
        return None
    return awaited


def _async_client_call(index: ModuleIndex, site: CallSite) -> bool:
    """A call of a method of an ``httpx.AsyncClient`` (:func:`async_client_method`)."""
    func = site.node.func
    return isinstance(func, cst.Attribute) and async_client_method(index, site, func)


def async_client_method(index: ModuleIndex, site: CallSite, func: cst.Attribute) -> bool:
    """``func`` (``self.http.post``, written in ``site``'s function) is a method of an
    ``httpx.AsyncClient``: a local, a module name or a ``self`` attribute made by its
    constructor, or a parameter annotated with it that one is assigned from (``def
    __init__(self, http: httpx.AsyncClient): self.http = http``)."""
    receiver = func.value
    values: list[cst.BaseExpression] = []
    if isinstance(receiver, cst.Name):
        values = index.lookup(receiver.value, site.context.scope)
        if not values:
            return _annotated_async_client(site.context.function, receiver.value)
    elif (
        isinstance(receiver, cst.Attribute)
        and isinstance(receiver.value, cst.Name)
        and receiver.value.value == "self"
    ):
        values = index.lookup_self_attribute(site.context.class_def, receiver.attr.value)
    for value in values:
        if isinstance(value, cst.Await):
            value = value.expression
        if isinstance(value, cst.Call):
            name = dotted_name(value.func)
            if (index.qualified_name(name) or name) in COROUTINE_CLIENT_CONSTRUCTORS:
                return True
        elif isinstance(value, cst.Name) and _annotated_async_client(
            _enclosing_function(index, value), value.value
        ):
            return True
    return False


def _enclosing_function(index: ModuleIndex, node: cst.CSTNode) -> cst.FunctionDef | None:
    current = index.parent_of(node)
    while current is not None and not isinstance(current, cst.FunctionDef):
        current = index.parent_of(current)
    return current


def _annotated_async_client(function: cst.FunctionDef | None, name: str) -> bool:
    """``name`` is a parameter of ``function`` annotated ``httpx.AsyncClient``."""
    return parameter_class(function, name) in COROUTINE_CLIENT_CLASSES


def _inside_lambda(index: ModuleIndex, node: cst.CSTNode) -> bool:
    current = index.parent_of(node)
    while current is not None and not isinstance(current, cst.FunctionDef):
        if isinstance(current, cst.Lambda):
            return True
        current = index.parent_of(current)
    return False


def _callee_is_coroutine_function(index: ModuleIndex, site: CallSite) -> bool:
    name = site.name or ""
    parts = name.split(".")
    definitions: list[cst.BaseExpression] = []
    if len(parts) == 2 and parts[0] in ("self", "cls") and site.context.class_def is not None:
        scope = index.class_scopes.get(id(site.context.class_def))
        if scope is not None:
            definitions = scope.assignments.get(parts[1], [])
    elif len(parts) == 1 and parts[0]:
        definitions = index.lookup(parts[0], site.context.scope)
    for definition in definitions:
        function = index.parent_of(definition)
        if isinstance(function, cst.FunctionDef) and function.name is definition:
            return function.asynchronous is not None
    return False


@dataclass(frozen=True)
class UrlopenUse:
    """The call that sends a ``urllib.request.Request`` built by a request site."""

    call: cst.Call
    variable: str | None
    """The name the request object was bound to (``req = Request(...)``), if any."""


def urlopen_of(index: ModuleIndex, site: CallSite) -> UrlopenUse | None:
    """``urlopen(Request(...))``, or ``req = Request(...)`` sent by exactly one ``urlopen(req)``.

    ``None`` when the request object is used in any other way (headers added later, sent
    twice, passed elsewhere): then moving the send is not a local rewrite.
    """
    node = site.node
    name = dotted_name(node.func) or ""
    if name in _URLOPEN or name.endswith(".urlopen"):
        return UrlopenUse(node, None)
    parent = index.parent_of(node)
    if isinstance(parent, cst.Arg) and parent.keyword is None:
        outer = index.parent_of(parent)
        if isinstance(outer, cst.Call) and outer.args and outer.args[0] is parent:
            outer_name = dotted_name(outer.func) or ""
            if outer_name in _URLOPEN or outer_name.endswith(".urlopen"):
                return UrlopenUse(outer, None)
        return None
    if not isinstance(parent, cst.Assign) or len(parent.targets) != 1:
        return None
    target = parent.targets[0].target
    if not isinstance(target, cst.Name):
        return None
    variable = target.value
    sends = [
        call
        for call in index.calls
        if call.context.scope is site.context.scope
        and ((call.name or "") in _URLOPEN or (call.name or "").endswith(".urlopen"))
        and call.node.args
        and call.node.args[0].keyword is None
        and isinstance(call.node.args[0].value, cst.Name)
        and call.node.args[0].value.value == variable
    ]
    if len(sends) != 1:
        return None
    owner = site.context.function
    if owner is not None and read_counts(owner)[variable] != 1:
        return None
    return UrlopenUse(sends[0].node, variable)

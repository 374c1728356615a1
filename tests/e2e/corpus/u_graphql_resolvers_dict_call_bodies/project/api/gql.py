"""A strawberry-shaped GraphQL layer, small enough to vendor: ``@gql.type`` classes,
``@gql.mutation`` resolvers taking ``(self, info, **args)``, and ``Schema.execute_sync`` that
runs one operation by name with variables (no query parsing: the frontend sends
``{"operation": ..., "variables": {...}}``). Errors come back in ``result.errors`` as in
strawberry instead of being raised."""
import dataclasses
from dataclasses import dataclass, field


def type(cls):  # noqa: A001 - strawberry's name
    return dataclass(cls)


def mutation(fn):
    fn.__gql_field__ = "mutation"
    return fn


@dataclass
class Info:
    context: dict = field(default_factory=dict)


@dataclass
class ExecutionResult:
    data: dict | None = None
    errors: list | None = None


class Schema:
    def __init__(self, mutation, context=None):
        self.root = mutation()
        self.context = context if context is not None else {}

    def execute_sync(self, operation, variables=None):
        resolver = getattr(self.root, operation, None)
        if resolver is None or getattr(resolver, "__gql_field__", None) != "mutation":
            return ExecutionResult(errors=[f"unknown operation {operation}"])
        try:
            value = resolver(Info(self.context), **(variables or {}))
        except Exception as exc:  # noqa: BLE001 - GraphQL reports, never raises
            return ExecutionResult(errors=[str(exc)])
        if dataclasses.is_dataclass(value):
            value = dataclasses.asdict(value)
        return ExecutionResult(data={operation: value})

"""Just enough of a smolagents-like tool API to run the concierge offline.

``Tool`` subclasses declare ``name``, ``description``, ``inputs`` and ``output_type`` and
implement ``forward``; the agent validates arguments against ``inputs`` before calling it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool}


class Tool:
    name: str = ""
    description: str = ""
    inputs: dict[str, dict[str, Any]] = {}
    output_type: str = "string"

    def __call__(self, **kwargs: Any) -> Any:
        for key, spec in self.inputs.items():
            if key not in kwargs:
                if not spec.get("nullable"):
                    raise TypeError(f"{self.name}: missing input {key}")
                continue
            value = kwargs[key]
            if value is None and spec.get("nullable"):
                continue
            if not isinstance(value, _TYPES[spec["type"]]):
                raise TypeError(f"{self.name}: {key} must be {spec['type']}")
        unknown = set(kwargs) - set(self.inputs)
        if unknown:
            raise TypeError(f"{self.name}: unknown inputs {sorted(unknown)}")
        return self.forward(**kwargs)

    def forward(self, **kwargs: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Step:
    tool: str
    arguments: dict[str, Any]


class ToolCallingAgent:
    def __init__(self, tools: list[Tool], model: Any = None) -> None:
        self.tools = {tool.name: tool for tool in tools}
        self.model = model
        self.memory: list[tuple[str, Any]] = []

    def run(self, steps: list[Step]) -> list[Any]:
        results = []
        for step in steps:
            out = self.tools[step.tool](**step.arguments)
            self.memory.append((step.tool, out))
            results.append(out)
        return results

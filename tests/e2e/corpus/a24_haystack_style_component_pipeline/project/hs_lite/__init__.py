"""Offline slice of a Haystack-like pipeline API: @component classes with run() returning
dicts of outputs, Pipeline.add_component / connect / run, warm_up before the first run."""
from __future__ import annotations

from typing import Any


def component(cls: type) -> type:
    cls.__is_component__ = True  # type: ignore[attr-defined]
    return cls


class Pipeline:
    def __init__(self) -> None:
        self._components: dict[str, Any] = {}
        self._edges: list[tuple[str, str, str, str]] = []
        self._warm = False

    def add_component(self, name: str, instance: Any) -> None:
        if not getattr(type(instance), "__is_component__", False):
            raise TypeError(f"{name} is not a component")
        self._components[name] = instance

    def connect(self, sender: str, receiver: str) -> None:
        s_name, s_out = sender.split(".")
        r_name, r_in = receiver.split(".")
        self._edges.append((s_name, s_out, r_name, r_in))

    def warm_up(self) -> None:
        for instance in self._components.values():
            if hasattr(instance, "warm_up"):
                instance.warm_up()
        self._warm = True

    def run(self, data: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        if not self._warm:
            self.warm_up()
        inputs = {name: dict(values) for name, values in data.items()}
        results: dict[str, dict[str, Any]] = {}
        for name, instance in self._components.items():  # insertion order is the topology here
            out = instance.run(**inputs.get(name, {}))
            results[name] = out
            for s_name, s_out, r_name, r_in in self._edges:
                if s_name == name:
                    inputs.setdefault(r_name, {})[r_in] = out[s_out]
        return results

"""A dict-backed subset of the redis client API (hset/hgetall/delete) for the dev worker."""
from __future__ import annotations


class Store:
    def __init__(self) -> None:
        self._hashes: dict[str, dict[str, str]] = {}

    def hset(self, name: str, mapping: dict[str, str]) -> int:
        self._hashes.setdefault(name, {}).update({k: str(v) for k, v in mapping.items()})
        return len(mapping)

    def hgetall(self, name: str) -> dict[str, str]:
        return dict(self._hashes.get(name, {}))

    def delete(self, name: str) -> int:
        return 1 if self._hashes.pop(name, None) is not None else 0


store = Store()

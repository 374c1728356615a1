"""Tiny stand-in for the redis client we use in prod (same method names)."""


class FakeRedis:
    def __init__(self):
        self._h = {}

    def hset(self, key, mapping):
        self._h.setdefault(key, {}).update({k: str(v) for k, v in mapping.items()})

    def hgetall(self, key):
        return dict(self._h.get(key, {}))

    def delete(self, key):
        self._h.pop(key, None)

    def keys(self, pattern="*"):
        prefix = pattern.rstrip("*")
        return [k for k in self._h if k.startswith(prefix)]


kv = FakeRedis()
